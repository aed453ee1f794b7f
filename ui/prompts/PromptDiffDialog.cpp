#include "ui/prompts/PromptDiffDialog.h"

#include "core/prompts/PromptParameterDiff.h"
#include "core/store/PromptRepository.h"
#include "ui/ErrorText.h"
#include "ui/prompts/DiffPane.h"
#include "ui/prompts/ParameterChangesModel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(label);
    label->hide();
    return label;
}

/// Keeps two scroll bars at the same value (setValue() does not signal an unchanged value, so there is no loop).
void linkScrollBars(QScrollBar *a, QScrollBar *b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    QObject::connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
}

QString toolTipWithShortcut(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    return action->shortcut().isEmpty()
               ? text
               : QStringLiteral("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText));
}

}  // namespace

PromptDiffDialog::PromptDiffDialog(Database &database, const QString &key, QWidget *parent)
    : QDialog(parent), m_database(database), m_key(key), m_leftCombo(new QComboBox(this)),
      m_rightCombo(new QComboBox(this)), m_leftPane(new DiffPane(DiffPane::Side::Left, this)),
      m_rightPane(new DiffPane(DiffPane::Side::Right, this)), m_summary(new QLabel(this)),
      m_error(errorLabel(QStringLiteral("diffError"), this)),
      m_parametersError(errorLabel(QStringLiteral("diffParametersError"), this)),
      m_parametersView(new QTableView(this)), m_parameters(new ParameterChangesModel(this)),
      m_next(new QAction(tr("&Next Change"), this)), m_previous(new QAction(tr("&Previous Change"), this))
{
    setObjectName(QStringLiteral("promptDiffDialog"));
    setWindowTitle(tr("Compare Versions — %1").arg(key));
    setModal(false);

    m_leftCombo->setObjectName(QStringLiteral("diffLeftVersion"));
    m_leftCombo->setToolTip(tr("The older side of the comparison"));
    m_rightCombo->setObjectName(QStringLiteral("diffRightVersion"));
    m_rightCombo->setToolTip(tr("The newer side of the comparison"));
    m_leftPane->setObjectName(QStringLiteral("diffLeftPane"));
    m_rightPane->setObjectName(QStringLiteral("diffRightPane"));
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    linkScrollBars(m_leftPane->verticalScrollBar(), m_rightPane->verticalScrollBar());
    linkScrollBars(m_leftPane->horizontalScrollBar(), m_rightPane->horizontalScrollBar());

    m_next->setObjectName(QStringLiteral("nextChangeAction"));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    m_previous->setObjectName(QStringLiteral("previousChangeAction"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    for (QAction *action : {m_previous, m_next}) {
        action->setToolTip(toolTipWithShortcut(action));
        addAction(action);
    }
    connect(m_next, &QAction::triggered, this, [this] { goToChange(m_currentChange + 1); });
    connect(m_previous, &QAction::triggered, this, [this] { goToChange(m_currentChange - 1); });

    auto *previousButton = new QToolButton(this);
    previousButton->setDefaultAction(m_previous);
    auto *nextButton = new QToolButton(this);
    nextButton->setDefaultAction(m_next);

    auto *pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Left:"), this));
    pickers->addWidget(m_leftCombo, 1);
    pickers->addWidget(new QLabel(tr("Right:"), this));
    pickers->addWidget(m_rightCombo, 1);
    pickers->addWidget(previousButton);
    pickers->addWidget(nextButton);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("diffPanesSplitter"));
    panes->addWidget(m_leftPane);
    panes->addWidget(m_rightPane);

    m_parametersView->setObjectName(QStringLiteral("diffParametersView"));
    m_parametersView->setModel(m_parameters);
    m_parametersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_parametersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parametersView->verticalHeader()->hide();
    m_parametersView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *parametersBox = new QWidget(this);
    auto *parametersLayout = new QVBoxLayout(parametersBox);
    parametersLayout->setContentsMargins(0, 0, 0, 0);
    parametersLayout->addWidget(new QLabel(tr("Changed parameters"), parametersBox));
    parametersLayout->addWidget(m_parametersError);
    parametersLayout->addWidget(m_parametersView, 1);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("diffSplitter"));
    vertical->addWidget(panes);
    vertical->addWidget(parametersBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(m_error);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 700);

    loadVersions();
    connect(m_leftCombo, &QComboBox::currentIndexChanged, this, &PromptDiffDialog::updateDiff);
    connect(m_rightCombo, &QComboBox::currentIndexChanged, this, &PromptDiffDialog::updateDiff);
    updateDiff();
}

PromptDiffDialog *PromptDiffDialog::showComparison(Database &db, const QString &key, int leftVersion, int rightVersion,
                                                   QWidget *parent)
{
    auto *dialog = new PromptDiffDialog(db, key, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setVersions(leftVersion, rightVersion);
    dialog->show();
    return dialog;
}

void PromptDiffDialog::loadVersions()
{
    auto history = PromptRepository(m_database).history(m_key);
    if (!history) {
        m_error->setText(history.error().toString());
        m_error->show();
        return;
    }
    m_versions = *history;
    std::reverse(m_versions.begin(), m_versions.end());
    const QSignalBlocker blockLeft(m_leftCombo);
    const QSignalBlocker blockRight(m_rightCombo);
    for (const PromptVersion &version : std::as_const(m_versions)) {
        const QString text = version.note.isEmpty() ? tr("Version %1").arg(version.version)
                                                    : tr("Version %1 — %2").arg(version.version).arg(version.note);
        m_leftCombo->addItem(text, version.version);
        m_rightCombo->addItem(text, version.version);
    }
    m_rightCombo->setCurrentIndex(0);
    m_leftCombo->setCurrentIndex(m_versions.size() > 1 ? 1 : 0);
}

void PromptDiffDialog::setVersions(int left, int right)
{
    {
        const QSignalBlocker blockLeft(m_leftCombo);
        const QSignalBlocker blockRight(m_rightCombo);
        if (const int index = m_leftCombo->findData(left); index >= 0)
            m_leftCombo->setCurrentIndex(index);
        if (const int index = m_rightCombo->findData(right); index >= 0)
            m_rightCombo->setCurrentIndex(index);
    }
    updateDiff();
}

int PromptDiffDialog::leftVersion() const
{
    return m_leftCombo->currentData().toInt();
}

int PromptDiffDialog::rightVersion() const
{
    return m_rightCombo->currentData().toInt();
}

QString PromptDiffDialog::summaryText() const
{
    return m_summary->text();
}

QString PromptDiffDialog::parameterError() const
{
    return m_parametersError->text();
}

const PromptVersion *PromptDiffDialog::findVersion(int number) const
{
    for (const PromptVersion &version : m_versions) {
        if (version.version == number)
            return &version;
    }
    return nullptr;
}

void PromptDiffDialog::updateDiff()
{
    const PromptVersion *left = findVersion(leftVersion());
    const PromptVersion *right = findVersion(rightVersion());
    if (!left || !right) {
        m_rows.clear();
        m_changeStarts.clear();
        m_leftPane->setRows({});
        m_rightPane->setRows({});
        m_parameters->setChanges({});
        m_summary->clear();
        return;
    }

    const QList<DiffLine> lines = LineDiff::compare(left->body, right->body);
    m_rows = LineDiff::sideBySide(lines);
    m_leftPane->setRows(m_rows);
    m_rightPane->setRows(m_rows);
    m_changeStarts.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        const bool changed = m_rows.at(row).kind != DiffRow::Kind::Equal;
        if (changed && (row == 0 || m_rows.at(row - 1).kind == DiffRow::Kind::Equal))
            m_changeStarts.append(row);
    }
    m_currentChange = -1;

    const DiffStats stats = LineDiff::stats(lines);
    m_summary->setText(stats.added == 0 && stats.removed == 0 ? tr("The texts of the two versions are identical.")
                                                              : tr("Lines removed: %1, added: %2, in %3 places.")
                                                                    .arg(stats.removed)
                                                                    .arg(stats.added)
                                                                    .arg(m_changeStarts.size()));
    m_next->setEnabled(!m_changeStarts.isEmpty());
    m_previous->setEnabled(!m_changeStarts.isEmpty());

    const QString leftName = tr("Version %1").arg(left->version);
    const QString rightName = tr("Version %1").arg(right->version);
    m_parameters->setSideNames(leftName, rightName);
    const auto changes = PromptParameterDiff::compare(left->body, right->body, leftName, rightName);
    if (changes) {
        m_parameters->setChanges(*changes);
        m_parametersError->clear();
        m_parametersError->hide();
    } else {
        m_parameters->setChanges({});
        m_parametersError->setText(tr("Parameters can't be compared: %1").arg(changes.error().toString()));
        m_parametersError->show();
    }
    if (!m_changeStarts.isEmpty())
        goToChange(0);
}

void PromptDiffDialog::goToChange(int index)
{
    if (m_changeStarts.isEmpty())
        return;
    const int count = int(m_changeStarts.size());
    m_currentChange = ((index % count) + count) % count;
    const int row = m_changeStarts.at(m_currentChange);
    for (DiffPane *pane : {m_leftPane, m_rightPane}) {
        QTextCursor cursor(pane->document()->findBlockByNumber(row));
        pane->setTextCursor(cursor);
        pane->centerCursor();
    }
}

}  // namespace Switchyard
