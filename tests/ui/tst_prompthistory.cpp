#include "core/store/PromptRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/prompts/DiffPane.h"
#include "ui/prompts/LabelHistoryModel.h"
#include "ui/prompts/MoveLabelDialog.h"
#include "ui/prompts/ParameterChangesModel.h"
#include "ui/prompts/PromptDiffDialog.h"
#include "ui/prompts/PromptHistoryPanel.h"
#include "ui/prompts/PromptLabelsModel.h"
#include "ui/prompts/PromptVersionsModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QUndoStack>
#include <memory>

using namespace Switchyard;
using Testing::UiWorkspace;

namespace {

const QString Key = QStringLiteral("support.reply");

QString body(const char *temperature, const char *rules)
{
    return QStringLiteral("key: support.reply\n"
                          "model: gpt-4o-mini\n"
                          "temperature: %1\n"
                          "system: |\n"
                          "  You are a support agent.\n"
                          "%2"
                          "user: \"{{question}}\"\n")
        .arg(QString::fromUtf8(temperature), QString::fromUtf8(rules));
}

const QString Version1 = body("0.3", "  Be brief.\n");
const QString Version2 = body("0.7", "  Be brief and kind.\n  Sign with your name.\n");

/// The side's line numbers of the lines a pane marks as changed (removed on the left, added on the right).
QList<int> markedLines(const DiffPane *pane)
{
    QList<int> lines;
    for (QTextBlock block = pane->document()->begin(); block.isValid(); block = block.next()) {
        const auto kind = DiffRow::Kind(block.blockFormat().intProperty(DiffPane::KindProperty));
        if (block.userState() > 0 && kind != DiffRow::Kind::Equal)
            lines.append(block.userState());
    }
    return lines;
}

PromptDiffDialog *openDiffDialog()
{
    const QWidgetList top = QApplication::topLevelWidgets();
    for (QWidget *widget : top) {
        if (auto *dialog = qobject_cast<PromptDiffDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QList<LabelMove> storedMoves(Database &database)
{
    auto moves = PromptRepository(database).labelHistory(Key);
    if (!moves)
        qFatal("%s", qPrintable(moves.error().toString()));
    return *moves;
}

int labelVersion(Database &database, const QString &label)
{
    auto version = PromptRepository(database).byLabel(Key, label);
    return version ? version->version : 0;
}

}  // namespace

class TestPromptHistory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versionsListedNewestFirstWithLabels();
    void filterFindsNotesAuthorsAndLabels();
    void compareWithPreviousMarksChangedLinesAndParameters();
    void compareSelectedVersionsAndPickers();
    void unparseableBodyStillDiffsText();
    void moveLabelUpdatesColumnsAndUndoMovesItBack();
    void newAndInvalidLabels();
    void moveLabelDialogValidatesName();
    void restoreCreatesNewVersionAfterGuard();
    void doubleClickAsksToOpenVersion();
    void actionsAreOnTheToolBar();
    void contextMenuOffersTheActions();
    void diffColoursFollowPalette();
    void unknownPromptShowsErrorInline();

private:
    void openPanel(int versions = 2);

    std::unique_ptr<UiWorkspace> m_workspace;
    std::unique_ptr<PromptHistoryPanel> m_panel;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
};

void TestPromptHistory::init()
{
    m_workspace = std::make_unique<UiWorkspace>();
    m_workspace->open();
    if (QTest::currentTestFailed())
        return;
    PromptRepository prompts(m_workspace->database);
    QVERIFY(prompts.addVersion(Key, Version1, QStringLiteral("ada"), QStringLiteral("first draft")).ok());
    QVERIFY(prompts.addVersion(Key, Version2, QStringLiteral("grace"), QStringLiteral("warmer tone")).ok());
    QVERIFY(prompts.moveLabel(Key, QStringLiteral("staging"), 1, QStringLiteral("ada")).ok());
    QVERIFY(prompts.moveLabel(Key, QStringLiteral("production"), 2, QStringLiteral("grace")).ok());
}

void TestPromptHistory::cleanup()
{
    Testing::closeDialogs();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_testers.clear();
    m_panel.reset();
    m_workspace.reset();
}

void TestPromptHistory::openPanel(int versions)
{
    m_panel = std::make_unique<PromptHistoryPanel>(m_workspace->database);
    m_panel->setUserName(QStringLiteral("tester"));
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
             m_panel->versionsModel(), m_panel->versionsProxy(), m_panel->labelsModel(), m_panel->labelHistoryModel()})
        m_testers.append(
            std::make_shared<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_panel->resize(900, 600);
    Testing::showActive(m_panel.get());
    m_panel->setPromptKey(Key);
    QCOMPARE(m_panel->promptKey(), Key);
    // The read is scheduled, not done in the setter.
    QCOMPARE(m_panel->versionsProxy()->rowCount(), 0);
    QTRY_COMPARE(m_panel->versionsProxy()->rowCount(), versions);
}

void TestPromptHistory::versionsListedNewestFirstWithLabels()
{
    openPanel();
    QAbstractItemModel *view = m_panel->versionsView()->model();
    QCOMPARE(view->index(0, PromptVersionsModel::VersionColumn).data().toInt(), 2);
    QCOMPARE(view->index(1, PromptVersionsModel::VersionColumn).data().toInt(), 1);
    QCOMPARE(view->index(0, PromptVersionsModel::LabelsColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(view->index(1, PromptVersionsModel::LabelsColumn).data().toString(), QStringLiteral("staging"));
    QCOMPARE(view->index(0, PromptVersionsModel::AuthorColumn).data().toString(), QStringLiteral("grace"));
    QCOMPARE(view->index(1, PromptVersionsModel::NoteColumn).data().toString(), QStringLiteral("first draft"));
    QCOMPARE(view->index(0, PromptVersionsModel::CreatedColumn).data().toDateTime().timeSpec(), Qt::LocalTime);

    PromptLabelsModel *labels = m_panel->labelsModel();
    QCOMPARE(labels->rowCount(), 2);
    QCOMPARE(labels->index(0, PromptLabelsModel::LabelColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(labels->index(0, 0).data(PromptLabelsModel::VersionRole).toInt(), 2);
    QCOMPARE(labels->index(1, PromptLabelsModel::LabelColumn).data().toString(), QStringLiteral("staging"));
    QCOMPARE(labels->index(1, 0).data(PromptLabelsModel::VersionRole).toInt(), 1);

    // Label history newest first.
    LabelHistoryModel *history = m_panel->labelHistoryModel();
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->index(0, LabelHistoryModel::LabelColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(history->index(0, LabelHistoryModel::MovedByColumn).data().toString(), QStringLiteral("grace"));
    QVERIFY(history->index(0, 0).data(LabelHistoryModel::FromVersionRole).isNull());

    // Sorting by version ascending through the header flips the order.
    m_panel->versionsView()->sortByColumn(PromptVersionsModel::VersionColumn, Qt::AscendingOrder);
    QCOMPARE(view->index(0, PromptVersionsModel::VersionColumn).data().toInt(), 1);
}

void TestPromptHistory::filterFindsNotesAuthorsAndLabels()
{
    openPanel();
    auto *filter = m_panel->findChild<QLineEdit *>(QStringLiteral("historyFilter"));
    QVERIFY(filter);
    QAbstractItemModel *view = m_panel->versionsView()->model();
    QTest::keyClicks(filter, QStringLiteral("staging"));
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data().toInt(), 1);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("GRACE"));
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data().toInt(), 2);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("warmer"));
    QCOMPARE(view->rowCount(), 1);
    filter->clear();
    QCOMPARE(view->rowCount(), 2);
}

void TestPromptHistory::compareWithPreviousMarksChangedLinesAndParameters()
{
    openPanel();
    QAction *compare = m_panel->compareWithPreviousAction();
    QVERIFY(!compare->isEnabled());
    m_panel->selectVersions({1});
    QVERIFY2(!compare->isEnabled(), "version 1 has no previous version");
    m_panel->selectVersions({2});
    QVERIFY(compare->isEnabled());
    QVERIFY(compare->toolTip().contains(QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)));

    // The real shortcut, with focus in the versions view.
    m_panel->versionsView()->setFocus();
    QTest::keyClick(m_panel->versionsView(), Qt::Key_D, Qt::ControlModifier);
    PromptDiffDialog *dialog = openDiffDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->leftVersion(), 1);
    QCOMPARE(dialog->rightVersion(), 2);

    // Left: temperature (3) and "Be brief." (6); right: temperature (3), the changed (6) and the added line (7).
    QCOMPARE(markedLines(dialog->leftPane()), (QList<int>{3, 6}));
    QCOMPARE(markedLines(dialog->rightPane()), (QList<int>{3, 6, 7}));
    QCOMPARE(dialog->leftPane()->document()->blockCount(), dialog->rightPane()->document()->blockCount());
    const QTextBlock equal = dialog->leftPane()->document()->findBlockByNumber(0);
    const QTextBlock removed = dialog->leftPane()->document()->findBlockByNumber(2);
    QCOMPARE(equal.blockFormat().background().style(), Qt::NoBrush);
    QVERIFY(removed.blockFormat().background().style() != Qt::NoBrush);
    const QColor red = removed.blockFormat().background().color();
    const QColor green = dialog->rightPane()->document()->findBlockByNumber(2).blockFormat().background().color();
    QVERIFY2(red.red() > red.green() && green.green() > green.red(), "removed is red-ish, added green-ish");
    QCOMPARE(dialog->summaryText(), QStringLiteral("Lines removed: 2, added: 3, in 2 places."));

    ParameterChangesModel *parameters = dialog->parameterModel();
    QAbstractItemModelTester tester(parameters, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(parameters->rowCount(), 1);
    QCOMPARE(parameters->index(0, ParameterChangesModel::ParameterColumn).data().toString(),
             QStringLiteral("temperature"));
    QCOMPARE(parameters->index(0, ParameterChangesModel::LeftColumn).data().toString(), QStringLiteral("0.3"));
    QCOMPARE(parameters->index(0, ParameterChangesModel::RightColumn).data().toString(), QStringLiteral("0.7"));
    QVERIFY(dialog->parameterError().isEmpty());

    // Next/previous change wrap around; the panes scroll together.
    Testing::showActive(dialog);
    QCOMPARE(dialog->changeCount(), 2);
    QCOMPARE(dialog->currentChange(), 0);
    QTest::keyClick(dialog, Qt::Key_F7);
    QCOMPARE(dialog->currentChange(), 1);
    QCOMPARE(dialog->leftPane()->textCursor().blockNumber(), 5);
    QCOMPARE(dialog->rightPane()->textCursor().blockNumber(), 5);
    QTest::keyClick(dialog, Qt::Key_F7);
    QCOMPARE(dialog->currentChange(), 0);
    QTest::keyClick(dialog, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(dialog->currentChange(), 1);
    dialog->leftPane()->verticalScrollBar()->setValue(1);
    QCOMPARE(dialog->rightPane()->verticalScrollBar()->value(), dialog->leftPane()->verticalScrollBar()->value());
}

void TestPromptHistory::compareSelectedVersionsAndPickers()
{
    PromptRepository(m_workspace->database)
        .addVersion(Key, body("0.7", "  Be brief and kind.\n"), QStringLiteral("ada"), QStringLiteral("shorter"))
        .value();
    openPanel(3);
    QAction *compare = m_panel->compareSelectedAction();
    m_panel->selectVersions({3});
    QVERIFY(!compare->isEnabled());
    m_panel->selectVersions({3, 1});
    QCOMPARE(m_panel->selectedVersions(), (QList<int>{3, 1}));
    QVERIFY(compare->isEnabled());
    compare->trigger();
    PromptDiffDialog *dialog = openDiffDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->leftVersion(), 1);
    QCOMPARE(dialog->rightVersion(), 3);
    QCOMPARE(markedLines(dialog->rightPane()), (QList<int>{3, 6}));

    // Switching the right side to version 1 leaves nothing to mark.
    auto *right = dialog->findChild<QComboBox *>(QStringLiteral("diffRightVersion"));
    QVERIFY(right);
    right->setCurrentIndex(right->findData(1));
    QCOMPARE(dialog->rightVersion(), 1);
    QVERIFY(markedLines(dialog->leftPane()).isEmpty());
    QCOMPARE(dialog->changeCount(), 0);
    QCOMPARE(dialog->parameterModel()->rowCount(), 0);
    QCOMPARE(dialog->summaryText(), QStringLiteral("The texts of the two versions are identical."));
}

void TestPromptHistory::unparseableBodyStillDiffsText()
{
    PromptRepository(m_workspace->database)
        .addVersion(Key, QStringLiteral("key: support.reply\ntemperature: [unclosed\n"), QStringLiteral("ada"), {})
        .value();
    auto *dialog = PromptDiffDialog::showComparison(m_workspace->database, Key, 2, 3, nullptr);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->rightVersion(), 3);
    QVERIFY(!dialog->rows().isEmpty());
    QVERIFY(!markedLines(dialog->rightPane()).isEmpty());
    QCOMPARE(dialog->parameterModel()->rowCount(), 0);
    QVERIFY2(dialog->parameterError().contains(QStringLiteral("Version 3")), qPrintable(dialog->parameterError()));
    dialog->close();
}

void TestPromptHistory::moveLabelUpdatesColumnsAndUndoMovesItBack()
{
    openPanel();
    QSignalSpy labelsChanged(m_panel.get(), &PromptHistoryPanel::labelsChanged);
    int asked = 0;
    m_panel->setLabelQuestion([&asked](QWidget *, const QStringList &existing, int version) {
        ++asked;
        if (!existing.contains(QStringLiteral("production")) || version != 1)
            qFatal("unexpected label question");
        return std::optional<QString>(QStringLiteral("production"));
    });
    m_panel->selectVersions({1});
    m_panel->moveLabelAction()->trigger();
    QCOMPARE(asked, 1);
    QVERIFY2(m_panel->errorText().isEmpty(), qPrintable(m_panel->errorText()));
    QCOMPARE(labelVersion(m_workspace->database, QStringLiteral("production")), 1);

    QAbstractItemModel *view = m_panel->versionsView()->model();
    QCOMPARE(view->index(1, PromptVersionsModel::VersionColumn).data().toInt(), 1);
    QCOMPARE(view->index(1, PromptVersionsModel::LabelsColumn).data().toString(),
             QStringLiteral("production, staging"));
    QCOMPARE(view->index(0, PromptVersionsModel::LabelsColumn).data().toString(), QString());
    LabelHistoryModel *history = m_panel->labelHistoryModel();
    QCOMPARE(history->rowCount(), 3);
    QCOMPARE(history->index(0, LabelHistoryModel::LabelColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(history->index(0, 0).data(LabelHistoryModel::FromVersionRole).toInt(), 2);
    QCOMPARE(history->index(0, 0).data(LabelHistoryModel::ToVersionRole).toInt(), 1);
    QCOMPARE(history->index(0, LabelHistoryModel::MovedByColumn).data().toString(), QStringLiteral("tester"));
    QCOMPARE(labelsChanged.count(), 1);
    QCOMPARE(labelsChanged.at(0).at(0).toString(), Key);

    QUndoStack *stack = m_panel->undoStack();
    QCOMPARE(stack->count(), 1);
    QVERIFY(stack->undoText().contains(QStringLiteral("production")));
    stack->undo();
    QCOMPARE(labelVersion(m_workspace->database, QStringLiteral("production")), 2);
    QCOMPARE(view->index(0, PromptVersionsModel::LabelsColumn).data().toString(), QStringLiteral("production"));
    QCOMPARE(history->rowCount(), 4);
    QCOMPARE(labelsChanged.count(), 2);
    // Both moves are in the audit log.
    const QList<LabelMove> moves = storedMoves(m_workspace->database);
    QCOMPARE(moves.size(), 4);
    QCOMPARE(moves.at(2).fromVersion, std::optional<int>(2));
    QCOMPARE(moves.at(2).toVersion, 1);
    QCOMPARE(moves.at(3).fromVersion, std::optional<int>(1));
    QCOMPARE(moves.at(3).toVersion, 2);

    stack->redo();
    QCOMPARE(labelVersion(m_workspace->database, QStringLiteral("production")), 1);
    QCOMPARE(storedMoves(m_workspace->database).size(), 5);
}

void TestPromptHistory::newAndInvalidLabels()
{
    openPanel();
    QSignalSpy errors(m_panel.get(), &PromptHistoryPanel::errorOccurred);
    QVERIFY(!m_panel->moveLabel(QStringLiteral("bad label"), 1));
    QVERIFY(!m_panel->errorText().isEmpty());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(storedMoves(m_workspace->database).size(), 2);

    QVERIFY(m_panel->moveLabel(QStringLiteral("canary"), 1));
    QVERIFY(m_panel->errorText().isEmpty());
    QCOMPARE(labelVersion(m_workspace->database, QStringLiteral("canary")), 1);
    QCOMPARE(m_panel->labelsModel()->versionOf(QStringLiteral("canary")), 1);
    QVERIFY(m_panel->statusText().contains(QStringLiteral("canary")));
    // A new label has nothing to move back to.
    QCOMPARE(m_panel->undoStack()->count(), 0);

    // Moving a label where it already is changes nothing and records nothing.
    QVERIFY(m_panel->moveLabel(QStringLiteral("staging"), 1));
    QCOMPARE(storedMoves(m_workspace->database).size(), 3);
    QCOMPARE(m_panel->undoStack()->count(), 0);
}

void TestPromptHistory::moveLabelDialogValidatesName()
{
    MoveLabelDialog dialog({QStringLiteral("canary"), QStringLiteral("production")}, 4);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("moveLabelCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);  // production, staging, canary
    QCOMPARE(combo->itemText(2), QStringLiteral("canary"));
    QVERIFY(dialog.isAcceptable());
    QCOMPARE(dialog.label(), QStringLiteral("production"));

    combo->lineEdit()->clear();
    QVERIFY(!dialog.isAcceptable());
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("bad label"));
    QVERIFY(!dialog.isAcceptable());
    combo->lineEdit()->clear();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("qa-eu.2"));
    QVERIFY(dialog.isAcceptable());
    QCOMPARE(dialog.label(), QStringLiteral("qa-eu.2"));
    QVERIFY(!MoveLabelDialog::isValidLabel(QStringLiteral("-leading")));
    QVERIFY(!MoveLabelDialog::isValidLabel(QString(65, QLatin1Char('a'))));
}

void TestPromptHistory::restoreCreatesNewVersionAfterGuard()
{
    openPanel();
    QSignalSpy restored(m_panel.get(), &PromptHistoryPanel::versionRestored);
    m_panel->selectVersions({2});
    QVERIFY2(!m_panel->restoreVersionAction()->isEnabled(), "the newest version is already current");

    bool allow = false;
    int asked = 0;
    m_panel->setRestoreGuard([&] {
        ++asked;
        return allow;
    });
    m_panel->selectVersions({1});
    QVERIFY(m_panel->restoreVersionAction()->isEnabled());
    m_panel->restoreVersionAction()->trigger();
    QCOMPARE(asked, 1);
    QCOMPARE(restored.count(), 0);
    QVERIFY(PromptRepository(m_workspace->database).latest(Key)->version == 2);

    allow = true;
    m_panel->restoreVersionAction()->trigger();
    QCOMPARE(asked, 2);
    QCOMPARE(restored.count(), 1);
    QCOMPARE(restored.at(0).at(0).toInt(), 3);
    const auto latest = PromptRepository(m_workspace->database).latest(Key);
    QVERIFY(latest.ok());
    QCOMPARE(latest->version, 3);
    QCOMPARE(latest->body, Version1);
    QCOMPARE(latest->note, QStringLiteral("Restored from version 1"));
    QCOMPARE(latest->author, QStringLiteral("tester"));
    QAbstractItemModel *view = m_panel->versionsView()->model();
    QCOMPARE(view->rowCount(), 3);
    QCOMPARE(view->index(0, 0).data().toInt(), 3);
    QCOMPARE(m_panel->selectedVersions(), (QList<int>{3}));
}

void TestPromptHistory::doubleClickAsksToOpenVersion()
{
    openPanel();
    QSignalSpy open(m_panel.get(), &PromptHistoryPanel::openVersionRequested);
    QTableView *view = m_panel->versionsView();
    const QRect rect = view->visualRect(view->model()->index(1, PromptVersionsModel::NoteColumn));
    // As a real double-click arrives: a click, then the double-click event.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toInt(), 1);

    // Return in the list does the same for the selected version.
    m_panel->selectVersions({2});
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(open.count(), 2);
    QCOMPARE(open.at(1).at(0).toInt(), 2);
}

void TestPromptHistory::actionsAreOnTheToolBar()
{
    openPanel();
    for (QAction *action : {m_panel->compareWithPreviousAction(), m_panel->compareSelectedAction(),
                            m_panel->moveLabelAction(), m_panel->restoreVersionAction()}) {
        bool onToolBar = false;
        const QObjectList objects = action->associatedObjects();
        for (QObject *object : objects)
            onToolBar = onToolBar || object->objectName() == QStringLiteral("historyToolBar");
        QVERIFY2(onToolBar, qPrintable(action->objectName()));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
        QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(action->toolTip()));
    }
}

void TestPromptHistory::contextMenuOffersTheActions()
{
    openPanel();
    m_panel->selectVersions({2});
    QTableView *view = m_panel->versionsView();
    const QPoint position = view->visualRect(view->model()->index(1, PromptVersionsModel::NoteColumn)).center();

    QList<QAction *> shown;
    bool compareEnabled = true;
    QTimer::singleShot(0, this, [&] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            shown = menu->actions();
            compareEnabled = m_panel->compareWithPreviousAction()->isEnabled();
            menu->close();
        }
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, position, view->viewport()->mapToGlobal(position));
    QApplication::sendEvent(view->viewport(), &event);

    // Right-clicking an unselected row selects it first.
    QCOMPARE(m_panel->selectedVersions(), (QList<int>{1}));
    for (QAction *action :
         {m_panel->openVersionAction(), m_panel->compareWithPreviousAction(), m_panel->compareSelectedAction(),
          m_panel->moveLabelAction(), m_panel->restoreVersionAction()})
        QVERIFY2(shown.contains(action), qPrintable(action->objectName()));
    QVERIFY2(!compareEnabled, "version 1 has no previous version");
}

void TestPromptHistory::diffColoursFollowPalette()
{
    DiffPane pane(DiffPane::Side::Left);
    pane.setRows(LineDiff::sideBySide(LineDiff::compare(QStringLiteral("a\nold"), QStringLiteral("a\nnew\nmore"))));
    QCOMPARE(pane.document()->blockCount(), 3);
    QCOMPARE(pane.document()->findBlockByNumber(0).userState(), 1);
    QCOMPARE(pane.document()->findBlockByNumber(2).userState(), -1);  // filler for the added line

    QPalette light = pane.palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    pane.setPalette(light);
    const QColor lightRemoved = pane.document()->findBlockByNumber(1).blockFormat().background().color();
    QVERIFY(lightRemoved.lightness() > 160);
    QVERIFY(lightRemoved.red() > lightRemoved.green());

    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    pane.setPalette(dark);
    const QColor darkRemoved = pane.document()->findBlockByNumber(1).blockFormat().background().color();
    QVERIFY(darkRemoved.lightness() < 110);
    QVERIFY(darkRemoved.red() > darkRemoved.green());
    const QColor filler = pane.document()->findBlockByNumber(2).blockFormat().background().color();
    QVERIFY(filler.isValid());
    QVERIFY(filler.lightness() < 110);
    QCOMPARE(pane.background(DiffRow::Kind::Equal, false), QColor());
}

void TestPromptHistory::unknownPromptShowsErrorInline()
{
    m_panel = std::make_unique<PromptHistoryPanel>(m_workspace->database);
    QSignalSpy errors(m_panel.get(), &PromptHistoryPanel::errorOccurred);
    m_panel->setPromptKey(QStringLiteral("no.such.prompt"));
    m_panel->reload();
    QCOMPARE(errors.count(), 1);
    QVERIFY(m_panel->errorText().contains(QStringLiteral("no.such.prompt")));
    QCOMPARE(m_panel->versionsModel()->rowCount(), 0);

    // A closed database is an error line too, not a crash.
    m_panel->setPromptKey(Key);
    m_workspace->database.close();
    m_panel->reload();
    QCOMPARE(errors.count(), 2);
    QVERIFY(!m_panel->moveLabel(QStringLiteral("production"), 1));
    QVERIFY(!m_panel->restoreVersion(1));
}

QTEST_MAIN(TestPromptHistory)
#include "tst_prompthistory.moc"
