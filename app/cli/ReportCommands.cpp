#include "ReportCommands.h"

#include "CliContext.h"
#include "core/common/Csv.h"
#include "core/model/Money.h"
#include "core/reporting/DemoDataGenerator.h"
#include "core/reporting/ReportService.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <limits>
#include <variant>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportCommands", text);
}

/// One cell of a report table: an exact integer, a text (decimal strings for money and rates), a small map (hop →
/// calls, error class → calls) or nothing. JSON and CSV are written from the same cells, so they carry the same
/// numbers.
using Cell = std::variant<std::monostate, qint64, QString, QMap<QString, qint64>>;

struct Table {
    QStringList columns;
    QList<QList<Cell>> rows;
};

/// @p numerator / @p denominator as a decimal with six places, rounded half up in integers: no float drift, and the
/// same text in every format. Empty without a denominator.
Cell ratio(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return std::monostate{};
    const qint64 millionths = (numerator * 2000000 + denominator) / (2 * denominator);
    return QStringLiteral("%1.%2").arg(millionths / 1000000).arg(millionths % 1000000, 6, 10, QLatin1Char('0'));
}

Cell optional(const std::optional<qint64> &value)
{
    return value ? Cell(*value) : Cell(std::monostate{});
}

QJsonValue jsonCell(const Cell &cell)
{
    if (const auto *number = std::get_if<qint64>(&cell))
        return QJsonValue(*number);
    if (const auto *text = std::get_if<QString>(&cell))
        return QJsonValue(*text);
    if (const auto *map = std::get_if<QMap<QString, qint64>>(&cell)) {
        QJsonObject object;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            object.insert(it.key(), QJsonValue(it.value()));
        return object;
    }
    return QJsonValue(QJsonValue::Null);
}

QString textCell(const Cell &cell)
{
    if (const auto *number = std::get_if<qint64>(&cell))
        return QString::number(*number);
    if (const auto *text = std::get_if<QString>(&cell))
        return *text;
    if (const auto *map = std::get_if<QMap<QString, qint64>>(&cell)) {
        QStringList parts;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        return parts.join(QLatin1Char(';'));
    }
    return {};
}

void print(const Table &table, const QString &format, CliContext &context)
{
    if (format == QLatin1String("json")) {
        QJsonArray rows;
        for (const QList<Cell> &row : table.rows) {
            QJsonObject object;
            for (int c = 0; c < table.columns.size(); ++c)
                object.insert(table.columns.at(c), jsonCell(row.at(c)));
            rows.append(object);
        }
        context.printJson(rows);
        return;
    }
    if (format == QLatin1String("csv")) {
        context.out() << table.columns.join(QLatin1Char(',')) << "\n";
        for (const QList<Cell> &row : table.rows) {
            QStringList fields;
            for (const Cell &cell : row)
                fields << Csv::field(textCell(cell));
            context.out() << fields.join(QLatin1Char(',')) << "\n";
        }
        context.out().flush();
        return;
    }
    // table: columns padded to their widest cell, "-" for nothing.
    QList<qsizetype> widths;
    for (const QString &column : table.columns)
        widths << column.size();
    QList<QStringList> texts;
    for (const QList<Cell> &row : table.rows) {
        QStringList line;
        for (int c = 0; c < row.size(); ++c) {
            QString text = textCell(row.at(c));
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

enum class ReportKind { Costs, Latency, Quality, Fallbacks };

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
        ReportQuery query;
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
        auto table = build(**database, query);
        if (!table)
            return context.fail(table.error());
        print(*table, format, context);
        return ExitOk;
    }

private:
    Result<Table> build(Database &database, const ReportQuery &query) const
    {
        ReportService service(database);
        const QString key = ReportQuery::groupingName(query.groupBy);
        Table table;
        switch (m_kind) {
        case ReportKind::Costs: {
            auto rows = service.costs(query);
            if (!rows)
                return rows.error();
            table.columns = {key,
                             QStringLiteral("calls"),
                             QStringLiteral("input_tokens"),
                             QStringLiteral("cached_input_tokens"),
                             QStringLiteral("cache_write_tokens"),
                             QStringLiteral("output_tokens"),
                             QStringLiteral("reasoning_tokens"),
                             QStringLiteral("cost_usd"),
                             QStringLiteral("cost_micro_usd")};
            for (const CostRow &row : *rows) {
                table.rows.append({row.key, row.calls, row.tokens.input, row.tokens.cachedInput, row.tokens.cacheWrite,
                                   row.tokens.output, row.tokens.reasoning, MicroUsd::decimal(row.costMicroUsd),
                                   row.costMicroUsd});
            }
            break;
        }
        case ReportKind::Latency: {
            auto rows = service.latency(query);
            if (!rows)
                return rows.error();
            table.columns = {key,
                             QStringLiteral("calls"),
                             QStringLiteral("latency_p50_ms"),
                             QStringLiteral("latency_p95_ms"),
                             QStringLiteral("latency_p99_ms"),
                             QStringLiteral("ttft_calls"),
                             QStringLiteral("ttft_p50_ms"),
                             QStringLiteral("ttft_p95_ms"),
                             QStringLiteral("ttft_p99_ms")};
            for (const LatencyRow &row : *rows) {
                table.rows.append({row.key, row.total.count, optional(row.total.p50), optional(row.total.p95),
                                   optional(row.total.p99), row.timeToFirstToken.count,
                                   optional(row.timeToFirstToken.p50), optional(row.timeToFirstToken.p95),
                                   optional(row.timeToFirstToken.p99)});
            }
            break;
        }
        case ReportKind::Quality: {
            auto rows = service.quality(query);
            if (!rows)
                return rows.error();
            table.columns = {key, QStringLiteral("calls"), QStringLiteral("votes_up"), QStringLiteral("votes_down"),
                             QStringLiteral("approval_rate")};
            for (const QualityRow &row : *rows)
                table.rows.append({row.key, row.calls, row.up, row.down, ratio(row.up, row.up + row.down)});
            break;
        }
        case ReportKind::Fallbacks: {
            auto rows = service.fallbacks(query);
            if (!rows)
                return rows.error();
            table.columns = {key,
                             QStringLiteral("calls"),
                             QStringLiteral("fallback_calls"),
                             QStringLiteral("fallback_rate"),
                             QStringLiteral("served_by_hop"),
                             QStringLiteral("error_calls"),
                             QStringLiteral("error_rate"),
                             QStringLiteral("error_classes")};
            for (const FallbackRow &row : *rows) {
                QMap<QString, qint64> hops;
                for (auto it = row.servedByHop.cbegin(); it != row.servedByHop.cend(); ++it)
                    hops.insert(QString::number(it.key()), it.value());
                QMap<QString, qint64> classes;
                for (auto it = row.errorClasses.cbegin(); it != row.errorClasses.cend(); ++it)
                    classes.insert(it.key().isEmpty() ? QStringLiteral("unknown") : it.key(), it.value());
                table.rows.append({row.key, row.calls, row.fallbackCalls(), ratio(row.fallbackCalls(), row.calls), hops,
                                   row.errorCalls, ratio(row.errorCalls, row.calls), classes});
            }
            break;
        }
        }
        return table;
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
    for (const ReportKind kind : {ReportKind::Costs, ReportKind::Latency, ReportKind::Quality, ReportKind::Fallbacks})
        commands.push_back(std::make_unique<ReportCommand>(kind));
    commands.push_back(std::make_unique<DemoDataCommand>());
}

}  // namespace Switchyard
