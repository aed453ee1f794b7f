#include "SessionCommands.h"

#include "CliContext.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <limits>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SessionCommands", text);
}

/// A session by numeric id or by uuid.
Result<ChatSession> findSession(SessionRepository &sessions, const QString &idOrUuid)
{
    bool numeric = false;
    const qint64 id = idOrUuid.toLongLong(&numeric);
    return numeric ? sessions.byId(id) : sessions.byUuid(idOrUuid);
}

/// One entry of `sessions list`: a single conversation, or a comparison listed once with every column.
struct ListedSession {
    ChatSession session;         ///< the conversation, or the comparison's first column (what reopens all of them)
    QList<ChatSession> columns;  ///< a comparison's sessions by column; empty for a single conversation
    QDateTime updated;           ///< when any of its sessions last changed
};

/// The sessions matching @p search, most recently active first, with each comparison once (where its most recently
/// active matching column comes), at most @p limit entries. A comparison's columns are sessions of their own, so more
/// sessions than @p limit may be needed: the search is repeated with a doubled limit until the entries are complete.
Result<QList<ListedSession>> listSessions(SessionRepository &repository, const QString &search, int limit)
{
    for (int fetch = limit;;) {
        auto matches = repository.search(search, fetch);
        if (!matches)
            return matches.error();
        QList<ListedSession> entries;
        QSet<QString> groups;
        for (const ChatSession &session : std::as_const(*matches)) {
            if (entries.size() == limit)
                break;
            if (!session.isComparison()) {
                entries.append(ListedSession{session, {}, session.updated});
                continue;
            }
            if (groups.contains(session.compareGroup))
                continue;
            groups.insert(session.compareGroup);
            auto columns = repository.comparison(session.compareGroup);
            if (!columns)
                return columns.error();
            ListedSession entry{columns->constFirst(), *columns, {}};
            for (const ChatSession &column : std::as_const(*columns))
                entry.updated = qMax(entry.updated, column.updated);
            entries.append(entry);
        }
        // fetch 0 = every session: nothing more to find.
        if (entries.size() == limit || fetch == 0 || matches->size() < fetch)
            return entries;
        fetch = fetch > std::numeric_limits<int>::max() / 2 ? 0 : fetch * 2;
    }
}

QString kindText(const ListedSession &entry)
{
    // Two messages, not one %n message: the CLI loads no translation, and English would keep "config(s)".
    if (entry.columns.isEmpty())
        return tr("single");
    return entry.columns.size() == 1 ? tr("comparison of 1 config")
                                     : tr("comparison of %1 configs").arg(entry.columns.size());
}

class SessionsListCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("sessions list"); }
    QString summary() const override
    {
        return tr("List chat sessions, most recently active first, each comparison once; --search matches title, "
                  "user and messages.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("search"), tr("Only sessions whose title, user or a message contains TEXT."),
                          QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("limit"), tr("At most N sessions (default 200)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("format"), tr("table or json (default json)."), QStringLiteral("FORMAT")});
        parser.addOption({QStringLiteral("columns"),
                          tr("Also list the sessions of each comparison's columns (one per compared config).")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QString format =
            parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("json");
        if (format != QLatin1String("table") && format != QLatin1String("json"))
            return context.failUsage(tr("--format must be table or json"));
        const bool showColumns = parser.isSet(QStringLiteral("columns"));
        int limit = 200;
        if (parser.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            limit = parser.value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit <= 0)
                return context.failUsage(tr("--limit must be a positive number"));
        }
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        SessionRepository repository(**database);
        auto entries = listSessions(repository, parser.value(QStringLiteral("search")), limit);
        if (!entries)
            return context.fail(entries.error());

        if (format == QLatin1String("json")) {
            QJsonArray list;
            for (const ListedSession &entry : std::as_const(*entries)) {
                const ChatSession &session = entry.session;
                QJsonObject object{
                    {QStringLiteral("id"), session.id},
                    {QStringLiteral("uuid"), session.uuid},
                    {QStringLiteral("title"), session.title},
                    {QStringLiteral("user"), session.userRef},
                    {QStringLiteral("bot_id"), session.botId ? QJsonValue(*session.botId) : QJsonValue()},
                    {QStringLiteral("created"), session.created.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("updated"), entry.updated.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("kind"),
                     entry.columns.isEmpty() ? QStringLiteral("single") : QStringLiteral("comparison")},
                    {QStringLiteral("compare_group"),
                     session.isComparison() ? QJsonValue(session.compareGroup) : QJsonValue()},
                    {QStringLiteral("columns"), entry.columns.isEmpty() ? 1 : int(entry.columns.size())}};
                if (showColumns && !entry.columns.isEmpty()) {
                    QJsonArray columns;
                    for (const ChatSession &column : entry.columns) {
                        columns.append(QJsonObject{
                            {QStringLiteral("column"), column.compareColumn},
                            {QStringLiteral("id"), column.id},
                            {QStringLiteral("uuid"), column.uuid},
                            {QStringLiteral("title"), column.title},
                            {QStringLiteral("config_id"),
                             column.configId ? QJsonValue(*column.configId) : QJsonValue()},
                            {QStringLiteral("updated"), column.updated.toUTC().toString(Qt::ISODateWithMs)}});
                    }
                    object.insert(QStringLiteral("column_sessions"), columns);
                }
                list.append(object);
            }
            context.printJson(list);
            return ExitOk;
        }
        QTextStream &out = context.out();
        out << tr("ID").leftJustified(6) << ' ' << tr("UPDATED").leftJustified(20) << ' '
            << tr("USER").leftJustified(16) << ' ' << tr("KIND").leftJustified(24) << ' ' << tr("TITLE") << '\n';
        for (const ListedSession &entry : std::as_const(*entries)) {
            const ChatSession &session = entry.session;
            out << QString::number(session.id).leftJustified(6) << ' '
                << entry.updated.toUTC().toString(Qt::ISODate).leftJustified(20) << ' '
                << session.userRef.leftJustified(16) << ' ' << kindText(entry).leftJustified(24) << ' ' << session.title
                << '\n';
            if (!showColumns)
                continue;
            for (const ChatSession &column : entry.columns) {
                out << "  "
                    << tr("column %1: session %2, config %3")
                           .arg(column.compareColumn + 1)
                           .arg(column.id)
                           .arg(column.configId ? QString::number(*column.configId) : tr("none"))
                    << '\n';
            }
        }
        out.flush();
        return ExitOk;
    }
};

class SessionsExportCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("sessions export"); }
    QString arguments() const override { return QStringLiteral("ID|UUID"); }
    QString summary() const override
    {
        return tr("Export a chat session with every answer's provider, tokens, cost and attempts (md or json).");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("format"), tr("md or json (default md)."), QStringLiteral("FORMAT")});
        parser.addOption(
            {QStringLiteral("output"), tr("Write to FILE instead of standard output."), QStringLiteral("FILE")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return context.failUsage(tr("sessions export takes exactly one session ID or UUID"));
        const QString format =
            parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("md");
        if (format != QLatin1String("md") && format != QLatin1String("json"))
            return context.failUsage(tr("--format must be md or json"));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        SessionRepository repository(**database);
        auto session = findSession(repository, args.first());
        if (!session)
            return context.fail(session.error());
        auto transcript = SessionExporter(**database).load(session->id);
        if (!transcript)
            return context.fail(transcript.error());
        const QByteArray content =
            SessionExporter::render(*transcript, format == QLatin1String("json") ? SessionExporter::Format::Json
                                                                                 : SessionExporter::Format::Markdown);

        if (!parser.isSet(QStringLiteral("output"))) {
            context.out() << QString::fromUtf8(content);
            context.out().flush();
            return ExitOk;
        }
        const QString path = parser.value(QStringLiteral("output"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            return context.fail(
                Error::make(Error::Code::Io, tr("cannot write the file: %1").arg(file.errorString()), path));
        context.printJson(QJsonObject{{QStringLiteral("file"), path},
                                      {QStringLiteral("session"), session->uuid},
                                      {QStringLiteral("format"), format},
                                      {QStringLiteral("messages"), int(transcript->messages.size())}});
        return ExitOk;
    }
};

}  // namespace

void addSessionCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<SessionsListCommand>());
    commands.push_back(std::make_unique<SessionsExportCommand>());
}

}  // namespace Switchyard
