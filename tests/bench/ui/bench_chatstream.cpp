// The chat page under a long stream: the simulator streams answers into a ChatPage (offscreen) while a 1 ms heartbeat
// timer measures the longest the main thread went without running it; and the resident memory a 1,000-message
// session adds.
//
// The simulator answers 3–5 sentences per message, so "N tokens at R tokens/s" is a conversation of back-to-back
// messages until N tokens have streamed, each at R tokens/s. The smoke run (CTest) uses few tokens at a high rate;
// set SWITCHYARD_BENCH_FULL=1 for the figures (10,000 tokens at 200 tokens/s, about a minute; 1,000 messages).
#include "core/accounting/UsageRecorder.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"
#include "core/workspace/WorkspaceInstaller.h"
#include "tests/bench/BenchSupport.h"
#include "tests/bench/ui/StallMeter.h"
#include "ui/chat/ChatColumn.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/MarkdownDelegate.h"
#include "ui/chat/TranscriptModel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <ctime>
#include <memory>

using namespace Switchyard;

namespace {

bool fullRun()
{
    return qEnvironmentVariableIntValue("SWITCHYARD_BENCH_FULL") == 1;
}

/// Resident set size of this process in bytes (Linux /proc), 0 when unknown.
double residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() * 1024.0;
    }
    return 0;
}

/// SWITCHYARD_BENCH_TRACE=1: times every event the main thread dispatches (thread CPU) and prints at exit the
/// costliest kinds, by receiver class and event type (top-level and nested apart), and the events of the heartbeat gap
/// with the most CPU in it: what a stall was made of.
class TracingApplication : public QApplication {
public:
    TracingApplication(int &argc, char **argv) : QApplication(argc, argv) { s_instance = this; }
    ~TracingApplication() override
    {
        s_instance = nullptr;
        std::vector<std::pair<qint64, QString>> sorted;
        for (auto it = m_worst.cbegin(); it != m_worst.cend(); ++it)
            sorted.emplace_back(it.value(), it.key());
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        for (size_t n = 0; n < std::min<size_t>(30, sorted.size()); ++n)
            fprintf(stderr, "%8.2f ms cpu  %5d over 8 ms  %s\n", double(sorted[n].first) / 1e6,
                    m_over.value(sorted[n].second), qPrintable(sorted[n].second));
        fprintf(stderr, "worst gap: %.2f ms cpu\n", double(m_worstGapCpu) / 1e6);
        for (const auto &[spent, key] : m_worstGap)
            fprintf(stderr, "  %8.2f ms  %s\n", double(spent) / 1e6, qPrintable(key));
    }
    /// The heartbeat ran after a gap with @p cpu nanoseconds of main-thread CPU in it.
    static void gapEnded(qint64 cpu)
    {
        if (!s_instance)
            return;
        if (cpu > s_instance->m_worstGapCpu) {
            s_instance->m_worstGapCpu = cpu;
            s_instance->m_worstGap = s_instance->m_gap;
        }
        s_instance->m_gap.clear();
    }
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const int depth = m_depth++;
        const qint64 start = Bench::threadCpuNanos();
        const bool result = QApplication::notify(receiver, event);
        const qint64 spent = Bench::threadCpuNanos() - start;
        --m_depth;
        if (depth <= 2 && spent > 300000) {  // cheap events are not what a stall is made of
            const QString key =
                QStringLiteral("d%1 %2(%3) ev %4")
                    .arg(depth)
                    .arg(QString::fromLatin1(receiver->metaObject()->className()), receiver->objectName())
                    .arg(int(event->type()));
            m_gap.emplace_back(spent, key);
            qint64 &worst = m_worst[key];
            worst = std::max(worst, spent);
            if (spent > 8000000)
                ++m_over[key];
        }
        return result;
    }

private:
    static inline TracingApplication *s_instance = nullptr;
    int m_depth = 0;
    QHash<QString, qint64> m_worst;
    QHash<QString, int> m_over;
    std::vector<std::pair<qint64, QString>> m_gap;
    std::vector<std::pair<qint64, QString>> m_worstGap;
    qint64 m_worstGapCpu = 0;
};

/// A sample workspace with the simulator at @p tokensPerSecond, and a chat page on the Astro Guide bot.
struct ChatRig {
    explicit ChatRig(int tokensPerSecond)
    {
        settings = Settings::createTemporary();
        if (!database.open(dir.filePath(QStringLiteral("bench.db"))).ok() ||
            !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok())
            return;
        ProviderRepository providers(database);
        auto config = providers.load();
        if (!config)
            return;
        for (ProviderSpec &provider : config->providers) {
            if (provider.id == QLatin1String("simulator"))
                provider.baseUrl =
                    QStringLiteral("simulator://local?latency_ms=0&tokens_per_second=%1").arg(tokensPerSecond);
        }
        if (!providers.replaceAll(*config).ok())
            return;
        page = std::make_unique<ChatPage>(database, *settings);
        page->resize(1200, 800);
        page->show();
        page->botCombo()->setCurrentIndex(page->botCombo()->findData(QStringLiteral("astro-guide")));
        ready = true;
    }

    /// Sends message after message until @p tokens output tokens streamed or @p messages questions were asked.
    /// @return false when an answer failed or nothing arrived for a long time.
    bool converse(qint64 tokens, int messages)
    {
        ChatColumn *column = page->columns().first();
        qint64 streamed = 0;
        int asked = 0;
        bool failed = false;
        QEventLoop loop;
        auto next = [&] {
            if (streamed >= tokens || asked >= messages) {
                loop.quit();
                return;
            }
            ++asked;
            page->composer()->setPlainText(QStringLiteral("Question %1: what do the stars say today?").arg(asked));
            page->send();
        };
        const auto connection = QObject::connect(column, &ChatColumn::answerFinished, column, [&](int row) {
            const TranscriptEntry &answer = column->model()->entry(row);
            if (!answer.call || answer.call->status != CallRecord::Status::Ok) {
                failed = true;
                loop.quit();
                return;
            }
            streamed += answer.call->usage.output;
            QTimer::singleShot(0, column, next);
        });
        QTimer watchdog;
        watchdog.setSingleShot(true);
        watchdog.start(fullRun() ? 600000 : 60000);
        QObject::connect(&watchdog, &QTimer::timeout, &loop, [&] {
            failed = true;
            loop.quit();
        });
        QTimer::singleShot(0, column, next);
        loop.exec();
        QObject::disconnect(connection);
        return !failed;
    }

    QTemporaryDir dir;
    std::unique_ptr<Settings> settings;
    Database database;
    std::unique_ptr<ChatPage> page;
    bool ready = false;
};

/// Worst gap between runs of a 1 ms timer on the main thread while the page streams.
void BM_StreamStall(benchmark::State &state)
{
    const qint64 tokens = state.range(0);
    const int rate = int(state.range(1));
    for (auto _ : state) {
        state.PauseTiming();
        ChatRig rig(rate);
        if (!rig.ready) {
            state.SkipWithError("workspace set-up failed");
            return;
        }
        Bench::StallMeter stalls(&TracingApplication::gapEnded);
        state.ResumeTiming();
        stalls.start();
        const bool ok = rig.converse(tokens, 100000);
        stalls.stop();
        if (!ok) {
            state.SkipWithError("an answer failed");
            return;
        }
        const ChatColumn *column = rig.page->columns().first();
        stalls.report(state);
        state.counters["messages"] = column->model()->rowCount();
        state.counters["cached_docs"] = column->delegate()->cachedDocuments();
    }
}

/// Resident memory added by a session of @p messages messages (half questions, half streamed Markdown answers),
/// scrolled through end to end so every row has been laid out and painted.
void BM_SessionMemory(benchmark::State &state)
{
    const int messages = int(state.range(0));
    for (auto _ : state) {
        ChatRig rig(100000);
        if (!rig.ready) {
            state.SkipWithError("workspace set-up failed");
            return;
        }
        QApplication::processEvents();
        const double before = residentBytes();
        if (!rig.converse(std::numeric_limits<qint64>::max(), messages / 2)) {
            state.SkipWithError("an answer failed");
            return;
        }
        QListView *view = rig.page->columns().first()->view();
        QScrollBar *bar = view->verticalScrollBar();
        for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->pageStep())) {
            bar->setValue(value);
            QApplication::processEvents();
        }
        const double after = residentBytes();
        state.counters["rss_growth_mb"] = (after - before) / (1024.0 * 1024.0);
        state.counters["messages"] = rig.page->columns().first()->model()->rowCount();
        state.counters["viewport_widgets"] = double(view->viewport()->findChildren<QWidget *>().size());
    }
}

/// What a billed turn waits for on the UI thread: ChatService::chargeSessionTurn() flushes the recorder (the charge
/// links to the call row) before it charges. Timed here as record() + flush() on a workspace recorder.
void BM_BilledTurnFlushWait(benchmark::State &state)
{
    ChatRig rig(100000);
    if (!rig.ready) {
        state.SkipWithError("workspace set-up failed");
        return;
    }
    std::vector<double> waits;
    for (auto _ : state) {
        CallRecord call;
        call.uuid = UsageRecorder::newCallUuid();
        call.status = CallRecord::Status::Ok;
        QElapsedTimer timer;
        timer.start();
        rig.page->recorder().record(call);
        if (!rig.page->recorder().flush().ok()) {
            state.SkipWithError("flush failed");
            return;
        }
        waits.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    Bench::reportPercentiles(state, waits, "flush_");
}

}  // namespace

int main(int argc, char **argv)
{
    if (fullRun()) {
        benchmark::RegisterBenchmark("BM_StreamStall", BM_StreamStall)
            ->Args({10000, 200})
            ->Iterations(1)
            ->Unit(benchmark::kSecond);
        benchmark::RegisterBenchmark("BM_SessionMemory", BM_SessionMemory)
            ->Arg(1000)
            ->Iterations(1)
            ->Unit(benchmark::kSecond);
    } else {
        benchmark::RegisterBenchmark("BM_StreamStall", BM_StreamStall)
            ->Args({300, 2000})
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_SessionMemory", BM_SessionMemory)
            ->Arg(60)
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("BM_BilledTurnFlushWait", BM_BilledTurnFlushWait)->Unit(benchmark::kMicrosecond);
    if (qEnvironmentVariableIntValue("SWITCHYARD_BENCH_TRACE") == 1)
        return Bench::run<TracingApplication>(argc, argv);
    return Bench::run<QApplication>(argc, argv);
}
