#include "ReportCommands.h"

#include "CliContext.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportTable.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <limits>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportCommands", text);
}

void print(const ReportTable &table, const QString &format, CliContext &context)
{
    if (format == QLatin1String("json")) {
        QJsonArray rows;
        for (const QList<ReportTable::Cell> &row : table.rows) {
            QJsonObject object;
            for (int c = 0; c < table.columns.size(); ++c)
                object.insert(table.columns.at(c), ReportTable::json(row.at(c)));
            rows.append(object);
        }
        context.printJson(rows);
        return;
    }
    if (format == QLatin1String("csv")) {
        context.out() << table.toCsv();
        context.out().flush();
        return;
    }
    // table: columns padded to their widest cell, "-" for nothing.
    QList<qsizetype> widths;
    for (const QString &column : table.columns)
        widths << column.size();
    QList<QStringList> texts;
    for (const QList<ReportTable::Cell> &row : table.rows) {
        QStringList line;
        for (int c = 0; c < row.size(); ++c) {
            QString text = ReportTable::text(row.at(c));
            if (text.isEmpty())
                text = QStringLiteral("-");
            widths[c] = qMax(widths[c], text.size());
            line << text;
        }
        texts << line;
    }
    const auto printLine = [&](const QStringList &line) {
        QStringList padded;
        for (int c = 0; c < line.size(); ++c)
            padded << (c == 0 ? line.at(c).leftJustified(widths[c]) : line.at(c).rightJustified(widths[c]));
        context.out() << padded.join(QStringLiteral("  ")).trimmed() << "\n";
    };
    printLine(table.columns);
    for (const QStringList &line : texts)
        printLine(line);
    context.out().flush();
}

class ReportCommand final : public CliCommand {
public:
    explicit ReportCommand(ReportKind kind) : m_kind(kind) {}

    QString name() const override
    {
        switch (m_kind) {
        case ReportKind::Costs:
            return QStringLiteral("report costs");
        case ReportKind::Latency:
            return QStringLiteral("report latency");
        case ReportKind::Quality:
            return QStringLiteral("report quality");
        case ReportKind::Fallbacks:
            return QStringLiteral("report fallbacks");
        case ReportKind::Versions:
            return QStringLiteral("report versions");
        case ReportKind::Breakers:
            return QStringLiteral("report breakers");
        case ReportKind::Conversations:
            return QStringLiteral("report conversations");
        case ReportKind::Budgets:
            return QStringLiteral("report budgets");
        }
        return {};
    }

    QString summary() const override
    {
        switch (m_kind) {
        case ReportKind::Costs:
            return tr("Calls, tokens by kind and exact cost (USD), grouped.");
        case ReportKind::Latency:
            return tr("p50/p95/p99 of latency and time to first token of answered calls (nearest rank), grouped.");
        case ReportKind::Quality:
            return tr("Feedback votes and approval rate, grouped.");
        case ReportKind::Fallbacks:
            return tr("Fallback rate, which hop answered, error rate and error classes, grouped.");
        case ReportKind::Versions:
            return tr("Every version of one --prompt side by side: calls, cost per call, latency percentiles and "
                      "approval rate.");
        case ReportKind::Breakers:
            return tr("Circuit breakers opened (automatically or forced), per breaker, grouped (default: by day).");
        case ReportKind::Conversations:
            return tr("Cost per chat session and per answered message: totals, averages and medians, grouped.");
        case ReportKind::Budgets:
            return tr("Each bot's daily spend and tokens against its daily budget (bots with a budget).");
        }
        return {};
    }

    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("from"), tr("First UTC day included (YYYY-MM-DD)."), QStringLiteral("DATE")});
        parser.addOption({QStringLiteral("to"), tr("Last UTC day included (YYYY-MM-DD)."), QStringLiteral("DATE")});
        parser.addOption(
            {QStringLiteral("by"),
             tr("Group by %1 (default: provider).").arg(ReportQuery::groupingNames().join(QLatin1Char('|'))),
             QStringLiteral("GROUPING")});
        parser.addOption({QStringLiteral("bot"), tr("Only this bot's calls (its slug)."), QStringLiteral("SLUG")});
        parser.addOption({QStringLiteral("provider"), tr("Only calls of this provider."), QStringLiteral("ID")});
        parser.addOption({QStringLiteral("model"), tr("Only calls of this model."), QStringLiteral("ID")});
        parser.addOption({QStringLiteral("prompt"), tr("Only calls of this prompt key."), QStringLiteral("KEY")});
        parser.addOption({QStringLiteral("version"), tr("Only this version of --prompt."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("config"), tr("Only calls of this config id."), QStringLiteral("ID")});
        parser.addOption({QStringLiteral("format"), tr("table, json (default) or csv."), QStringLiteral("FORMAT")});
    }

    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QString format =
            parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("json");
        if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
            return context.failUsage(tr("unknown --format '%1'; use one of: table, json, csv").arg(format));
        if (const QString unused = unusedOption(parser); !unused.isEmpty())
            return context.failUsage(tr("%1 takes no --%2").arg(name(), unused));
        ReportQuery query;
        if (m_kind == ReportKind::Breakers)
            query.groupBy = ReportGrouping::Day;
        if (parser.isSet(QStringLiteral("by"))) {
            auto grouping = ReportQuery::parseGrouping(parser.value(QStringLiteral("by")));
            if (!grouping)
                return context.failUsage(QStringLiteral("--by: ") + grouping.error().message);
            query.groupBy = *grouping;
        }
        for (const auto &[option, target] :
             {std::pair{QStringLiteral("from"), &query.from}, std::pair{QStringLiteral("to"), &query.to}}) {
            if (!parser.isSet(option))
                continue;
            auto date = ReportQuery::parseDate(parser.value(option), QStringLiteral("--") + option);
            if (!date)
                return context.fail(date.error());
            *target = *date;
        }
        query.provider = parser.value(QStringLiteral("provider"));
        query.model = parser.value(QStringLiteral("model"));
        query.promptKey = parser.value(QStringLiteral("prompt"));
        for (const QString &option : {QStringLiteral("version"), QStringLiteral("config")}) {
            if (!parser.isSet(option))
                continue;
            bool ok = false;
            const qint64 value = parser.value(option).toLongLong(&ok);
            if (!ok || value <= 0)
                return context.failUsage(
                    tr("--%1 must be a positive whole number, got '%2'").arg(option, parser.value(option)));
            if (option == QLatin1String("version"))
                query.promptVersion = int(value);
            else
                query.configId = value;
        }
        if (auto valid = query.validate(); !valid)
            return context.fail(valid.error());
        if (m_kind == ReportKind::Versions && query.promptKey.isEmpty())
            return context.failUsage(tr("report versions needs --prompt KEY: the prompt whose versions to compare"));

        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        if (parser.isSet(QStringLiteral("bot"))) {
            const QString slug = parser.value(QStringLiteral("bot"));
            auto bot = BotRepository(**database).bySlug(slug);
            if (!bot) {
                return context.fail(Error::make(Error::Code::NotFound,
                                                tr("no bot with slug '%1'; 'bots list' shows the slugs").arg(slug)));
            }
            query.botId = bot->id;
        }
        auto table = ReportTable::build(**database, m_kind, query);
        if (!table)
            return context.fail(table.error());
        print(*table, format, context);
        return ExitOk;
    }

private:
    /// The first filter given that this report does not take (breakers have no bot or prompt, a budget counts all
    /// of a bot's calls, the version comparison groups by version itself), or "".
    QString unusedOption(const QCommandLineParser &parser) const
    {
        QStringList unused;
        switch (m_kind) {
        case ReportKind::Versions:
            unused = {QStringLiteral("by")};
            break;
        case ReportKind::Breakers:
            unused = {QStringLiteral("bot"), QStringLiteral("prompt"), QStringLiteral("version"),
                      QStringLiteral("config")};
            break;
        case ReportKind::Budgets:
            unused = {QStringLiteral("by"),     QStringLiteral("provider"), QStringLiteral("model"),
                      QStringLiteral("prompt"), QStringLiteral("version"),  QStringLiteral("config")};
            break;
        default:
            break;
        }
        for (const QString &option : unused) {
            if (parser.isSet(option))
                return option;
        }
        return {};
    }

    ReportKind m_kind;
};

class DemoDataCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("demo-data"); }
    QString summary() const override
    {
        return tr("Write synthetic call history marked as demo (for the reports and dashboards), or --remove it.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("calls"), tr("How many calls (default 10000)."), QStringLiteral("N")});
        parser.addOption(
            {QStringLiteral("days"), tr("Spread over the last D days (default 30)."), QStringLiteral("D")});
        parser.addOption({QStringLiteral("seed"), tr("Random seed (default 1)."), QStringLiteral("S")});
        parser.addOption({QStringLiteral("remove"), tr("Remove every demo call instead; other calls stay.")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        DemoDataOptions options;
        const auto number = [&](const QString &option, qint64 low, qint64 high, qint64 *target) {
            if (!parser.isSet(option))
                return true;
            bool ok = false;
            const qint64 value = parser.value(option).toLongLong(&ok);
            if (!ok || value < low || value > high)
                return false;
            *target = value;
            return true;
        };
        qint64 days = options.days;
        qint64 seed = qint64(options.seed);
        if (!number(QStringLiteral("calls"), 1, 100000000, &options.calls))
            return context.failUsage(tr("--calls must be a whole number from 1 to 100000000"));
        if (!number(QStringLiteral("days"), 1, 3650, &days))
            return context.failUsage(tr("--days must be a whole number from 1 to 3650"));
        if (!number(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), &seed))
            return context.failUsage(tr("--seed must be a whole number, 0 or more"));
        options.days = int(days);
        options.seed = quint64(seed);
        if (parser.isSet(QStringLiteral("remove")) &&
            (parser.isSet(QStringLiteral("calls")) || parser.isSet(QStringLiteral("days")) ||
             parser.isSet(QStringLiteral("seed"))))
            return context.failUsage(tr("--remove takes no --calls, --days or --seed"));

        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        QElapsedTimer timer;
        timer.start();
        if (parser.isSet(QStringLiteral("remove"))) {
            auto removed = DemoDataGenerator::remove(**database);
            if (!removed)
                return context.fail(removed.error());
            context.printJson(QJsonObject{{QStringLiteral("removed_calls"), *removed}});
            return ExitOk;
        }
        auto written = DemoDataGenerator::generate(**database, options);
        if (!written)
            return context.fail(written.error());
        const qint64 ms = qMax<qint64>(1, timer.elapsed());
        context.printJson(QJsonObject{{QStringLiteral("written_calls"), *written},
                                      {QStringLiteral("days"), options.days},
                                      {QStringLiteral("seed"), QString::number(options.seed)},
                                      {QStringLiteral("seconds"), double(ms) / 1000.0},
                                      {QStringLiteral("calls_per_second"), *written * 1000 / ms}});
        return ExitOk;
    }
};

}  // namespace

void addReportCommands(CliCommandList &commands)
{
    for (const ReportKind kind :
         {ReportKind::Costs, ReportKind::Latency, ReportKind::Quality, ReportKind::Fallbacks, ReportKind::Versions,
          ReportKind::Breakers, ReportKind::Conversations, ReportKind::Budgets})
        commands.push_back(std::make_unique<ReportCommand>(kind));
    commands.push_back(std::make_unique<DemoDataCommand>());
}

}  // namespace Switchyard
