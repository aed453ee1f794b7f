#include "SessionCommands.h"

#include "CliContext.h"
#include "core/store/SessionExporter.h"
#include "core/store/SessionRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

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

class SessionsListCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("sessions list"); }
    QString summary() const override
    {
        return tr("List chat sessions, most recently active first; --search matches title, user and messages.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("search"), tr("Only sessions whose title, user or a message contains TEXT."),
                          QStringLiteral("TEXT")});
        parser.addOption({QStringLiteral("limit"), tr("At most N sessions (default 200)."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("format"), tr("table or json (default json)."), QStringLiteral("FORMAT")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QString format =
            parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("json");
        if (format != QLatin1String("table") && format != QLatin1String("json"))
            return context.failUsage(tr("--format must be table or json"));
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
        auto sessions = repository.search(parser.value(QStringLiteral("search")), limit);
        if (!sessions)
            return context.fail(sessions.error());

        if (format == QLatin1String("json")) {
            QJsonArray list;
            for (const ChatSession &session : std::as_const(*sessions)) {
                list.append(
                    QJsonObject{{QStringLiteral("id"), session.id},
                                {QStringLiteral("uuid"), session.uuid},
                                {QStringLiteral("title"), session.title},
                                {QStringLiteral("user"), session.userRef},
                                {QStringLiteral("bot_id"), session.botId ? QJsonValue(*session.botId) : QJsonValue()},
                                {QStringLiteral("created"), session.created.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("updated"), session.updated.toUTC().toString(Qt::ISODateWithMs)}});
            }
            context.printJson(list);
            return ExitOk;
        }
        QTextStream &out = context.out();
        out << tr("ID").leftJustified(6) << ' ' << tr("UPDATED").leftJustified(20) << ' '
            << tr("USER").leftJustified(16) << ' ' << tr("TITLE") << '\n';
        for (const ChatSession &session : std::as_const(*sessions)) {
            out << QString::number(session.id).leftJustified(6) << ' '
                << session.updated.toUTC().toString(Qt::ISODate).leftJustified(20) << ' '
                << session.userRef.leftJustified(16) << ' ' << session.title << '\n';
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
