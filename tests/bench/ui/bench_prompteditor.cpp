// Typing in the prompt editor: keystroke-to-repaint on a 2,000-line structured prompt, and the lint that the editor's
// owner runs after a pause in typing.
#include "core/prompts/PromptLinter.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "core/store/PromptRepository.h"
#include "tests/bench/BenchSupport.h"
#include "ui/PromptsTableModel.h"
#include "ui/prompts/PromptPreviewPanel.h"
#include "ui/prompts/PromptSyntaxHighlighter.h"
#include "ui/prompts/PromptTextEdit.h"
#include "ui/prompts/PromptsPage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <memory>
#include <vector>

using namespace Switchyard;

namespace {

/// CPU time of this thread in microseconds: on a loaded machine wall time also counts time spent waiting for a core.
double threadCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

constexpr int kLines = 2000;
constexpr int kVariables = 30;

/// A structured prompt of exactly @p lines lines: declared variables, then sections full of tags.
QString structuredPrompt(int lines)
{
    QStringList out = {QStringLiteral("key: bench.large"), QStringLiteral("description: Editor benchmark prompt"),
                       QStringLiteral("variables:")};
    for (int i = 0; i < kVariables; ++i)
        out << QStringLiteral("  var%1: {description: Variable number %1, sample: value %1}").arg(i);
    out << QStringLiteral("sections:");
    int section = 0;
    while (out.size() < lines - 2) {
        out << QStringLiteral("  Section %1: |").arg(section);
        for (int i = 0; i < 30 && out.size() < lines - 2; ++i) {
            const int v = (section * 7 + i) % kVariables;
            out << QStringLiteral("    Line %1 uses {{var%2}} and {{#var%3}}{{name}} ({{var%4}}){{/var%3}} on "
                                  "{{current_date}}; keep answers short and friendly.")
                       .arg(i)
                       .arg(v)
                       .arg((v + 1) % kVariables)
                       .arg((v + 2) % kVariables);
        }
        ++section;
    }
    out << QStringLiteral("user: |") << QStringLiteral("  {{var0}}");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

const QString &promptText()
{
    static const QString text = structuredPrompt(kLines);
    return text;
}

/// A shown editor holding the prompt, its diagnostics and completion list, cursor in the middle of the text.
std::unique_ptr<PromptTextEdit> makeEditor()
{
    auto edit = std::make_unique<PromptTextEdit>();
    edit->resize(1000, 800);
    edit->setPlainText(promptText());
    edit->setDiagnostics(PromptLinter::lint(promptText()));
    QList<CompletionVariable> variables;
    for (int i = 0; i < kVariables; ++i)
        variables.append({QStringLiteral("var%1").arg(i), QStringLiteral("Variable number %1").arg(i),
                          CompletionVariable::Origin::Declared});
    edit->setCompletionVariables(variables);
    edit->show();
    if (!QTest::qWaitForWindowExposed(edit.get()))
        return nullptr;
    QTextCursor cursor(edit->document()->findBlockByNumber(kLines / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    edit->setTextCursor(cursor);
    edit->centerCursor();
    QCoreApplication::processEvents();
    return edit;
}

/// Counts paint events of the viewport, so the benchmark knows whether the platform painted by itself.
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

/// Types the benchmark's line into an editor, one key per call: a tag (so the completion popup opens and closes) and
/// a newline plus indentation. A key counts as done when the viewport has painted it: the pending update events are
/// processed, and when the platform did not paint (no paint event arrived) the viewport is repainted synchronously,
/// which forcedRepaints() counts.
class Typist {
public:
    explicit Typist(PromptTextEdit *edit) : m_edit(edit) { m_edit->viewport()->installEventFilter(&m_counter); }
    ~Typist() { m_edit->viewport()->removeEventFilter(&m_counter); }
    Typist(const Typist &) = delete;
    Typist &operator=(const Typist &) = delete;

    void typeNextKey()
    {
        const QChar c = m_typed.at(m_next);
        m_next = (m_next + 1) % m_typed.size();
        const int paintsBefore = m_counter.paints;
        if (c == u'\n')
            QTest::keyClick(m_edit, Qt::Key_Return);
        else
            QTest::keyClick(m_edit, c.toLatin1());
        QCoreApplication::processEvents();
        if (m_counter.paints == paintsBefore) {
            m_edit->viewport()->repaint();
            ++m_forced;
        }
    }

    int forcedRepaints() const { return m_forced; }

private:
    PromptTextEdit *m_edit;
    PaintCounter m_counter;
    const QString m_typed = QStringLiteral("Ask {{var1}} now\n    ");
    qsizetype m_next = 0;
    int m_forced = 0;
};

/// One keystroke per iteration, cycling through a line with a tag (so the completion popup opens and closes) and a
/// newline plus indentation. Time: from sending the key until the viewport has finished painting the change.
/// The change is painted by processing the pending update events; when the platform did not paint (no paint event
/// arrived), the viewport is repainted synchronously and the forced_repaints counter says how often that happened.
void BM_KeystrokeToRepaint(benchmark::State &state)
{
    auto edit = makeEditor();
    if (!edit) {
        state.SkipWithError("the editor window was never exposed");
        return;
    }
    Typist typist(edit.get());
    std::vector<double> micros;
    std::vector<double> cpuMicros;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMicros();
        typist.typeNextKey();
        const double elapsed = double(timer.nsecsElapsed()) / 1000.0;
        micros.push_back(elapsed);
        cpuMicros.push_back(threadCpuMicros() - cpuStart);
        state.SetIterationTime(elapsed / 1e6);
    }
    state.counters["forced_repaints"] = typist.forcedRepaints();
    if (!micros.empty()) {
        state.counters["worst_us"] = *std::max_element(micros.begin(), micros.end());
        state.counters["cpu_worst_us"] = *std::max_element(cpuMicros.begin(), cpuMicros.end());
    }
    Bench::reportPercentiles(state, micros);
    Bench::reportPercentiles(state, cpuMicros, "cpu_");
}
BENCHMARK(BM_KeystrokeToRepaint)->UseManualTime()->Unit(benchmark::kMicrosecond);

/// What the owner does after a pause in typing: lint the whole text and hand the markers to the editor.
void BM_LintAndShowDiagnostics(benchmark::State &state)
{
    auto edit = makeEditor();
    if (!edit) {
        state.SkipWithError("the editor window was never exposed");
        return;
    }
    std::vector<double> micros;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        edit->setDiagnostics(PromptLinter::lint(edit->toPlainText()));
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    Bench::reportPercentiles(state, micros);
}
BENCHMARK(BM_LintAndShowDiagnostics)->Unit(benchmark::kMicrosecond);

/// The linter alone on the 2,000-line prompt.
void BM_Lint(benchmark::State &state)
{
    const QString &text = promptText();
    std::vector<double> micros;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        benchmark::DoNotOptimize(PromptLinter::lint(text));
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    Bench::reportPercentiles(state, micros);
}
BENCHMARK(BM_Lint)->Unit(benchmark::kMicrosecond);

/// Highlighting the whole document, as happens once when a prompt is opened or the palette changes.
void BM_HighlightWholeDocument(benchmark::State &state)
{
    PromptTextEdit edit;
    edit.setPlainText(promptText());
    for (auto _ : state)
        edit.highlighter()->rehighlight();
}
BENCHMARK(BM_HighlightWholeDocument)->Unit(benchmark::kMillisecond);

/// The whole Prompts page as a user has it: the 2,000-line prompt opened from a workspace, the live preview and lint
/// running on the page's worker after every pause, their results applied on the UI thread. Keys arrive every
/// ~20 ms (a fast typist); each one is timed from sending to the end of the viewport's repaint. A 1 ms heartbeat
/// measures the longest stall of the UI thread over the whole run, which includes applying the analysis results
/// (markers, completion, outline, form) between keystrokes.
void BM_PageKeystrokeToRepaint(benchmark::State &state)
{
    QTemporaryDir dir;
    Database database;
    auto settings = Settings::createTemporary();
    if (!dir.isValid() || !settings || !database.open(dir.filePath(QStringLiteral("bench.db")))) {
        state.SkipWithError("no temporary workspace");
        return;
    }
    PromptRepository prompts(database);
    const auto added = prompts.addVersion(QStringLiteral("bench.large"), promptText(), QStringLiteral("bench"),
                                          QStringLiteral("benchmark prompt"));
    if (!added) {
        state.SkipWithError(qPrintable(added.error().toString()));
        return;
    }
    PromptsTableModel model;
    model.setRows({PromptsTableModel::Row{added->version, 1, {}}});
    PromptsPage page(database, *settings, &model);
    page.resize(1400, 900);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page) || !page.openPrompt(QStringLiteral("bench.large"))) {
        state.SkipWithError("the page could not open the prompt");
        return;
    }
    PromptTextEdit *edit = page.editor();
    if (!QTest::qWaitFor([&page] { return !page.previewPanel()->renderedSystem().isEmpty(); }, 20000)) {
        state.SkipWithError("the first preview never arrived");
        return;
    }
    edit->setFocus();
    QTextCursor cursor(edit->document()->findBlockByNumber(kLines / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    edit->setTextCursor(cursor);
    edit->centerCursor();
    QCoreApplication::processEvents();

    Typist typist(edit);
    QElapsedTimer sinceBeat;
    sinceBeat.start();
    qint64 worstStallUs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worstStallUs = std::max(worstStallUs, sinceBeat.nsecsElapsed() / 1000);
        sinceBeat.restart();
    });
    heartbeat.start();
    int analyses = 0;
    QObject::connect(page.previewPanel(), &PromptPreviewPanel::analysed, [&analyses] { ++analyses; });

    std::vector<double> micros;
    int keys = 0;
    for (auto _ : state) {
        // The gap between two keys, with a longer pause now and then so the debounced analysis runs and lands.
        QTest::qWait(++keys % 12 == 0 ? 250 : 20);
        sinceBeat.restart();
        QElapsedTimer timer;
        timer.start();
        typist.typeNextKey();
        const double elapsed = double(timer.nsecsElapsed()) / 1000.0;
        micros.push_back(elapsed);
        state.SetIterationTime(elapsed / 1e6);
    }
    heartbeat.stop();
    state.counters["forced_repaints"] = typist.forcedRepaints();
    state.counters["analyses_applied"] = analyses;
    state.counters["ui_stall_worst_us"] = double(worstStallUs);
    if (!micros.empty())
        state.counters["worst_us"] = *std::max_element(micros.begin(), micros.end());
    Bench::reportPercentiles(state, micros);
}
BENCHMARK(BM_PageKeystrokeToRepaint)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(60);

}  // namespace

int main(int argc, char **argv)
{
    return Bench::run<QApplication>(argc, argv);
}
