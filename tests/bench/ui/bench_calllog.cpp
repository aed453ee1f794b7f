// The Activity page's call log on large histories: the first page, a page deep in the log (keyset paging, and the
// OFFSET query it replaced for comparison), the first page after a sort change, a filtered first page and its count;
// and, on the real page (offscreen), the longest the UI thread goes without running a 1 ms heartbeat timer while the
// user sorts and filters.
//
// Histories of SWITCHYARD_BENCH_CALLLOG_CALLS calls (a comma-separated list; default "100000,1000000") over 90 days are
// generated once into calllog-<N>.db in this build folder and reused by later runs; delete a file to rebuild it.
#include "core/reporting/DemoDataGenerator.h"
#include "core/store/CallLogRepository.h"
#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/bench/BenchSupport.h"
#include "tests/bench/DemoHistory.h"
#include "tests/bench/ui/StallMeter.h"
#include "ui/activity/ActivityPage.h"
#include "ui/activity/CallsTableModel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <memory>

using namespace Switchyard;

namespace {

const QDate LastDay(2026, 3, 31);
constexpr int Days = 90;

QList<qint64> historySizes()
{
    QList<qint64> sizes;
    const QString list = qEnvironmentVariable("SWITCHYARD_BENCH_CALLLOG_CALLS", QStringLiteral("100000,1000000"));
    for (const QString &size : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const qint64 calls = size.trimmed().toLongLong(); calls > 0)
            sizes << calls;
    }
    return sizes;
}

/// The open histories by size.
std::map<qint64, std::unique_ptr<Database>> g_histories;

/// Opens the cached history of @p calls calls, generating it first when missing or incomplete.
bool openHistory(Database &database, qint64 calls)
{
    return Bench::openDemoHistory(database, QStringLiteral(SWITCHYARD_BENCH_CACHE_DIR "/calllog-%1.db").arg(calls),
                                  calls, Days, LastDay);
}

/// Runs @p read once per iteration and reports its p50/p99 and the rows it returned.
template <typename Read> void measure(benchmark::State &state, qint64 calls, Read read)
{
    std::vector<double> micros;
    qint64 rows = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<qint64> got = read();
        if (!got) {
            state.SkipWithError("the query failed");
            return;
        }
        rows = *got;
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    state.counters["rows"] = double(rows);
    state.counters["history_calls"] = double(calls);
    Bench::reportPercentiles(state, micros);
}

std::optional<qint64> pageRows(Database &database, const CallLogFilter &filter, CallLogSort sort, Qt::SortOrder order,
                               const std::optional<CallLogSeek> &after = std::nullopt)
{
    const auto page = CallLogRepository(database).page(filter, sort, order, after, CallsTableModel::PageSize);
    return page ? std::optional<qint64>(page->rows.size()) : std::nullopt;
}

/// The first page, newest first: what the page shows when opened.
void firstPage(benchmark::State &state, qint64 calls)
{
    Database &database = *g_histories.at(calls);
    measure(state, calls, [&] { return pageRows(database, {}, CallLogSort::Time, Qt::DescendingOrder); });
}

/// The page after @p depth percent of the log, newest first: keyset (arg 1) or the OFFSET query it replaced (arg 0).
void deepPage(benchmark::State &state, qint64 calls, int depthPercent, bool keyset)
{
    Database &database = *g_histories.at(calls);
    const qint64 depth = calls * depthPercent / 100;
    std::optional<CallLogSeek> after;
    if (keyset) {
        // The seek key of the call at that depth, as the page before it would have handed it over (CallLogSeek of the
        // time order: created_at and id). Set-up, not measured; a page as long as the depth would leave hundreds of
        // megabytes of rows behind that then slow every allocation.
        QSqlQuery at(database.connection());
        if (!at.exec(QStringLiteral("SELECT created_at, id FROM calls ORDER BY created_at DESC, id DESC LIMIT 1 "
                                    "OFFSET %1")
                         .arg(depth - 1)) ||
            !at.next()) {
            state.SkipWithError("no call at that depth");
            return;
        }
        after = CallLogSeek{{at.value(0)}, at.value(1).toLongLong()};
    }
    // The listing's columns with LIMIT/OFFSET, as CallLogRepository::page() read them before keyset paging.
    const QString offsetSql = QStringLiteral(
        "SELECT c.id, c.uuid, c.created_at, COALESCE(b.slug, ''), c.config_id, c.prompt_key, c.prompt_version, "
        "c.served_provider, c.served_model, c.status, c.error_class, (SELECT COUNT(*) FROM attempts a WHERE "
        "a.call_id = c.id), c.input_tokens + c.output_tokens, c.cost_usd, c.latency_ms, c.ttft_ms FROM calls c LEFT "
        "JOIN bots b ON b.id = c.bot_id ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?");
    measure(state, calls, [&]() -> std::optional<qint64> {
        if (keyset)
            return pageRows(database, {}, CallLogSort::Time, Qt::DescendingOrder, after);
        auto rows = SqlSupport::run(database.connection(), offsetSql, {CallsTableModel::PageSize, depth},
                                    QStringLiteral("offset page"));
        if (!rows)
            return std::nullopt;
        qint64 read = 0;
        while (rows->next())
            ++read;
        return read;
    });
    state.counters["depth"] = double(depth);
}

/// The first page after the user sorts by @p sort.
void sortedPage(benchmark::State &state, qint64 calls, CallLogSort sort, Qt::SortOrder order)
{
    Database &database = *g_histories.at(calls);
    measure(state, calls, [&] { return pageRows(database, {}, sort, order); });
}

enum class FilterKind { Text, Status, Provider, Bot, Week };

CallLogFilter filterOf(FilterKind kind)
{
    CallLogFilter filter;
    switch (kind) {
    case FilterKind::Text:
        filter.text = QStringLiteral("timeout");
        break;
    case FilterKind::Status:
        filter.status = QStringLiteral("failed");
        break;
    case FilterKind::Provider:
        filter.provider = QStringLiteral("anthropic");
        break;
    case FilterKind::Bot:
        filter.report.botId = 2;
        break;
    case FilterKind::Week:
        filter.report.from = LastDay.addDays(-6);
        filter.report.to = LastDay;
        break;
    }
    return filter;
}

/// The first page newest first (count = false) or the count (count = true) of a filtered log.
void filtered(benchmark::State &state, qint64 calls, FilterKind kind, bool count)
{
    Database &database = *g_histories.at(calls);
    const CallLogFilter filter = filterOf(kind);
    measure(state, calls, [&]() -> std::optional<qint64> {
        if (!count)
            return pageRows(database, filter, CallLogSort::Time, Qt::DescendingOrder);
        const auto counted = CallLogRepository(database).count(filter);
        return counted ? std::optional<qint64>(*counted) : std::nullopt;
    });
}

/// The worst gap between runs of a 1 ms timer on the UI thread while the Activity page (offscreen) sorts by several
/// columns and filters by status, text and provider, each step until its first page and count are shown.
void pageStall(benchmark::State &state, qint64 calls)
{
    Database &database = *g_histories.at(calls);
    for (auto _ : state) {
        state.PauseTiming();
        ActivityPage page(database);
        page.resize(1200, 800);
        page.show();
        CallsTableModel *model = page.model();
        // Waits by running the event loop, never by sleeping (QTest::qWaitFor sleeps 10 ms between looks, which the
        // heartbeat would count as stalls): the heartbeat's own events wake it.
        const auto waitUntil = [](const std::function<bool()> &done) {
            QElapsedTimer waited;
            waited.start();
            while (!done() && waited.elapsed() < 600000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            return done();
        };
        const auto settle = [model, &waitUntil] {
            return waitUntil([model] { return !model->isLoading() && !model->isCounting(); });
        };
        if (!settle()) {
            state.SkipWithError("the page never loaded");
            return;
        }
        Bench::StallMeter stalls;
        QHeaderView *header = page.view()->horizontalHeader();
        auto *status = page.findChild<QComboBox *>(QStringLiteral("activityStatus"));
        auto *provider = page.findChild<QComboBox *>(QStringLiteral("activityProvider"));
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("activityFilter"));
        state.ResumeTiming();
        stalls.start();
        bool ok = true;
        // Sorting: by cost, latency, bot, provider, back to time; each with the first page shown.
        for (const int column : {int(CallsTableModel::Cost), int(CallsTableModel::Latency), int(CallsTableModel::Bot),
                                 int(CallsTableModel::Served), int(CallsTableModel::Time)}) {
            header->setSortIndicator(column, Qt::DescendingOrder);
            ok = ok && settle();
        }
        // Scrolling: the view asks for the next page.
        page.view()->scrollToBottom();
        ok = ok && waitUntil([model] { return model->rowCount() > CallsTableModel::PageSize; });
        ok = ok && settle();
        // Filtering: a status, a provider, then typed text (debounced).
        status->setCurrentIndex(status->findData(QStringLiteral("failed")));
        ok = ok && settle();
        status->setCurrentIndex(0);
        if (provider->count() > 1)
            provider->setCurrentIndex(1);
        ok = ok && settle();
        provider->setCurrentIndex(0);
        ok = ok && settle();
        for (const QChar key : QStringLiteral("timeout"))
            QTest::keyClick(search, key.toLatin1());
        QElapsedTimer typed;
        typed.start();
        ok = ok && waitUntil([&typed] { return typed.elapsed() >= 300; });  // the search's typing pause
        ok = ok && settle();
        stalls.stop();
        if (!ok) {
            state.SkipWithError("a query never answered");
            return;
        }
        stalls.report(state);
        state.counters["history_calls"] = double(calls);
    }
}

std::string sizeName(qint64 calls)
{
    return calls % 1000000 == 0 ? std::to_string(calls / 1000000) + "M"
           : calls % 1000 == 0  ? std::to_string(calls / 1000) + "k"
                                : std::to_string(calls);
}

void registerFor(qint64 calls)
{
    const std::string size = "/" + sizeName(calls);
    const auto add = [](const std::string &name, auto function) {
        return benchmark::RegisterBenchmark(name.c_str(), function)->Unit(benchmark::kMillisecond)->UseRealTime();
    };
    add("BM_FirstPage" + size, [calls](benchmark::State &state) { firstPage(state, calls); });
    for (const int depth : {50, 99}) {
        add("BM_DeepPage_Keyset" + size + "/depth" + std::to_string(depth),
            [calls, depth](benchmark::State &state) { deepPage(state, calls, depth, true); });
        add("BM_DeepPage_Offset" + size + "/depth" + std::to_string(depth), [calls, depth](benchmark::State &state) {
            deepPage(state, calls, depth, false);
        })->Iterations(3);
    }
    const std::pair<const char *, CallLogSort> sorts[] = {
        {"cost", CallLogSort::Cost},         {"latency", CallLogSort::Latency}, {"bot", CallLogSort::Bot},
        {"provider", CallLogSort::Provider}, {"status", CallLogSort::Status},   {"tokens", CallLogSort::Tokens},
        {"attempts", CallLogSort::Attempts}, {"time_asc", CallLogSort::Time}};
    for (const auto &[name, sort] : sorts) {
        const Qt::SortOrder order = sort == CallLogSort::Time ? Qt::AscendingOrder : Qt::DescendingOrder;
        add("BM_SortChange" + size + "/" + name, [calls, sort, order](benchmark::State &state) {
            sortedPage(state, calls, sort, order);
        })->Iterations(3);
    }
    const std::pair<const char *, FilterKind> filters[] = {{"text", FilterKind::Text},
                                                           {"status", FilterKind::Status},
                                                           {"provider", FilterKind::Provider},
                                                           {"bot", FilterKind::Bot},
                                                           {"week", FilterKind::Week}};
    for (const auto &[name, kind] : filters) {
        add("BM_Filter_Page" + size + "/" + name, [calls, kind](benchmark::State &state) {
            filtered(state, calls, kind, false);
        })->Iterations(3);
        add("BM_Filter_Count" + size + "/" + name, [calls, kind](benchmark::State &state) {
            filtered(state, calls, kind, true);
        })->Iterations(3);
    }
    add("BM_Count" + size + "/all", [calls](benchmark::State &state) {
        Database &database = *g_histories.at(calls);
        measure(state, calls, [&]() -> std::optional<qint64> {
            const auto counted = CallLogRepository(database).count({});
            return counted ? std::optional<qint64>(*counted) : std::nullopt;
        });
    })->Iterations(3);
    add("BM_PageStall" + size, [calls](benchmark::State &state) { pageStall(state, calls); })->Iterations(1);
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (!Bench::initialize(argc, argv))
        return 1;
    for (const qint64 calls : historySizes()) {
        auto database = std::make_unique<Database>();
        if (!openHistory(*database, calls)) {
            std::fprintf(stderr, "could not build the call log history of %lld calls\n", static_cast<long long>(calls));
            return 1;
        }
        g_histories.emplace(calls, std::move(database));
        registerFor(calls);
    }
    const int result = Bench::runSpecified();
    g_histories.clear();
    return result;
}
