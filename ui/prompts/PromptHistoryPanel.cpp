#include "ui/prompts/PromptHistoryPanel.h"

#include "core/store/PromptRepository.h"
#include "ui/ErrorText.h"
#include "ui/prompts/LabelHistoryModel.h"
#include "ui/prompts/MoveLabelCommand.h"
#include "ui/prompts/MoveLabelDialog.h"
#include "ui/prompts/PromptDiffDialog.h"
#include "ui/prompts/PromptLabelsModel.h"
#include "ui/prompts/PromptVersionsModel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace Switchyard {

namespace {

QTableView *createTable(const QString &name, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

/// "Compare with Previous (Ctrl+D)": the shortcut is shown in tooltips, as menus show it anyway.
void setToolTipWithShortcut(QAction *action, const QString &statusTip)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    action->setToolTip(action->shortcut().isEmpty() ? text
                                                    : QStringLiteral("%1 (%2)").arg(
                                                          text, action->shortcut().toString(QKeySequence::NativeText)));
    action->setStatusTip(statusTip);
}

QString defaultUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("studio") : name;
}

}  // namespace

PromptHistoryPanel::PromptHistoryPanel(Database &database, QWidget *parent)
    : QWidget(parent), m_database(database), m_userName(defaultUserName()), m_undoStack(new QUndoStack(this)),
      m_reloadTimer(new QTimer(this)), m_versions(new PromptVersionsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_labels(new PromptLabelsModel(this)),
      m_labelHistory(new LabelHistoryModel(this)), m_error(new QLabel(this)), m_status(new QLabel(this)),
      m_filter(new QLineEdit(this))
{
    setObjectName(QStringLiteral("promptHistoryPanel"));

    m_labelQuestion = [](QWidget *parent, const QStringList &existing, int version) -> std::optional<QString> {
        MoveLabelDialog dialog(existing, version, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.label();
    };

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &PromptHistoryPanel::reload);

    m_compareWithPrevious = new QAction(tr("Compare with &Previous"), this);
    m_compareWithPrevious->setObjectName(QStringLiteral("compareWithPreviousAction"));
    m_compareWithPrevious->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    setToolTipWithShortcut(m_compareWithPrevious, tr("Show the selected version beside the one before it"));
    m_compareSelected = new QAction(tr("Compare &Selected Versions"), this);
    m_compareSelected->setObjectName(QStringLiteral("compareSelectedAction"));
    m_compareSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    setToolTipWithShortcut(m_compareSelected, tr("Show the two selected versions side by side (Ctrl+click to select "
                                                 "the second)"));
    m_moveLabel = new QAction(tr("Move &Label Here…"), this);
    m_moveLabel->setObjectName(QStringLiteral("moveLabelAction"));
    m_moveLabel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    setToolTipWithShortcut(m_moveLabel, tr("Point production, staging or a custom label at the selected version"));
    m_restore = new QAction(tr("&Restore as New Version"), this);
    m_restore->setObjectName(QStringLiteral("restoreVersionAction"));
    m_restore->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    setToolTipWithShortcut(m_restore, tr("Save the selected version's text again as the newest version"));
    m_open = new QAction(tr("&Open Version"), this);
    m_open->setObjectName(QStringLiteral("openVersionAction"));
    m_open->setShortcut(QKeySequence(Qt::Key_Return));
    setToolTipWithShortcut(m_open, tr("Show the selected version's text, read-only"));
    for (QAction *action : {m_compareWithPrevious, m_compareSelected, m_moveLabel, m_restore}) {
        // Only while the panel has focus: the editor beside it has its own meaning for these keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    // No shortcuts here: the page decides how label undo and text undo share Ctrl+Z (e.g. a QUndoGroup).
    m_undo = m_undoStack->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoLabelAction"));
    m_redo = m_undoStack->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("redoLabelAction"));

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("historyToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_compareWithPrevious);
    toolbar->addAction(m_compareSelected);
    toolbar->addAction(m_moveLabel);
    toolbar->addAction(m_restore);
    toolbar->addSeparator();
    toolbar->addAction(m_undo);
    toolbar->addAction(m_redo);

    m_error->setObjectName(QStringLiteral("historyError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(m_error);
    m_error->hide();
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Filter by note, author or label"));
    m_filter->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_versions);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_versionsView = createTable(QStringLiteral("historyVersionsView"), m_proxy, this);
    m_versionsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_versionsView->setSortingEnabled(true);
    m_versionsView->sortByColumn(PromptVersionsModel::VersionColumn, Qt::DescendingOrder);
    m_versionsView->setContextMenuPolicy(Qt::CustomContextMenu);
    // Return opens the selected version, but only in the list: elsewhere Return means something else.
    m_open->setShortcutContext(Qt::WidgetShortcut);
    m_versionsView->addAction(m_open);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->addWidget(m_versionsView);
    splitter->addWidget(createLabelsArea());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    connect(m_compareWithPrevious, &QAction::triggered, this, &PromptHistoryPanel::compareWithPrevious);
    connect(m_compareSelected, &QAction::triggered, this, &PromptHistoryPanel::compareSelected);
    connect(m_moveLabel, &QAction::triggered, this, &PromptHistoryPanel::moveLabelToSelected);
    connect(m_restore, &QAction::triggered, this, &PromptHistoryPanel::restoreSelected);
    connect(m_open, &QAction::triggered, this, &PromptHistoryPanel::openSelected);
    connect(m_versionsView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT openVersionRequested(index.data(PromptVersionsModel::VersionRole).toInt());
    });
    connect(m_versionsView, &QWidget::customContextMenuRequested, this, &PromptHistoryPanel::showContextMenu);
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PromptHistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PromptHistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PromptHistoryPanel::updateActions);
    updateActions();
}

PromptHistoryPanel::~PromptHistoryPanel() = default;

QWidget *PromptHistoryPanel::createLabelsArea()
{
    auto *area = new QSplitter(Qt::Horizontal, this);
    area->setObjectName(QStringLiteral("historyLabelsSplitter"));

    m_labelsView = createTable(QStringLiteral("historyLabelsView"), m_labels, area);
    m_labelsView->setToolTip(tr("Double-click a label to select its version"));
    connect(m_labelsView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { selectVersions({index.data(PromptLabelsModel::VersionRole).toInt()}); });
    m_labelHistoryView = createTable(QStringLiteral("labelHistoryView"), m_labelHistory, area);

    auto wrap = [area](const QString &title, QWidget *view) {
        auto *box = new QWidget(area);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new QLabel(title, box));
        layout->addWidget(view, 1);
        return box;
    };
    area->addWidget(wrap(tr("Labels"), m_labelsView));
    area->addWidget(wrap(tr("Label history"), m_labelHistoryView));
    area->setStretchFactor(0, 1);
    area->setStretchFactor(1, 2);
    return area;
}

void PromptHistoryPanel::setPromptKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    // Undoing a label move of another prompt from here would surprise.
    m_undoStack->clear();
    showError(QString());
    showStatus(QString());
    m_versions->clear();
    m_labels->setLabels({});
    m_labelHistory->clear();
    if (!key.isEmpty())
        m_reloadTimer->start();
}

void PromptHistoryPanel::reload()
{
    m_reloadTimer->stop();
    if (m_key.isEmpty())
        return;
    const QList<int> selected = selectedVersions();
    PromptRepository prompts(m_database);
    auto history = prompts.history(m_key);
    auto labels = history ? prompts.labels(m_key) : Result<QList<PromptLabel>>(history.error());
    auto moves = labels ? prompts.labelHistory(m_key) : Result<QList<LabelMove>>(labels.error());
    if (!moves) {
        showError(tr("The history of “%1” can't be read: %2").arg(m_key, moves.error().toString()));
        m_versions->clear();
        m_labels->setLabels({});
        m_labelHistory->clear();
        return;
    }
    showError(QString());
    m_versions->setVersions(*history, *labels);
    m_labels->setLabels(*labels);
    m_labelHistory->setMoves(*moves);
    m_versionsView->resizeColumnsToContents();
    if (!selected.isEmpty())
        selectVersions(selected);
}

void PromptHistoryPanel::setRestoreGuard(std::function<bool()> guard)
{
    m_restoreGuard = std::move(guard);
}

void PromptHistoryPanel::setLabelQuestion(LabelQuestion question)
{
    m_labelQuestion = std::move(question);
}

void PromptHistoryPanel::setUserName(const QString &name)
{
    m_userName = name;
}

QList<int> PromptHistoryPanel::selectedVersions() const
{
    QList<int> versions;
    const QModelIndexList rows = m_versionsView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        versions.append(index.data(PromptVersionsModel::VersionRole).toInt());
    std::sort(versions.begin(), versions.end(), std::greater<>());
    return versions;
}

void PromptHistoryPanel::selectVersions(const QList<int> &versions)
{
    QItemSelection selection;
    QModelIndex first;
    for (const int version : versions) {
        const int sourceRow = m_versions->rowOf(version);
        if (sourceRow < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_versions->index(sourceRow, 0));
        if (!index.isValid())
            continue;  // filtered out
        selection.select(index, index.siblingAtColumn(PromptVersionsModel::ColumnCount - 1));
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *model = m_versionsView->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_versionsView->scrollTo(first);
    }
}

QString PromptHistoryPanel::errorText() const
{
    return m_error->text();
}

QString PromptHistoryPanel::statusText() const
{
    return m_status->text();
}

void PromptHistoryPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        Q_EMIT errorOccurred(message);
}

void PromptHistoryPanel::showStatus(const QString &message)
{
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

void PromptHistoryPanel::updateActions()
{
    const QList<int> selected = selectedVersions();
    const bool one = selected.size() == 1;
    const int newest = m_versions->rowCount() > 0 ? m_versions->versionAt(0)->version : 0;
    m_compareWithPrevious->setEnabled(one && selected.constFirst() > 1);
    m_compareSelected->setEnabled(selected.size() == 2);
    m_moveLabel->setEnabled(one);
    m_restore->setEnabled(one && selected.constFirst() != newest);
    m_open->setEnabled(one);
}

void PromptHistoryPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_versionsView->indexAt(position);
    if (index.isValid() && !m_versionsView->selectionModel()->isRowSelected(index.row(), index.parent()))
        selectVersions({index.data(PromptVersionsModel::VersionRole).toInt()});
    QMenu menu(this);
    menu.addAction(m_open);
    menu.addSeparator();
    menu.addAction(m_compareWithPrevious);
    menu.addAction(m_compareSelected);
    menu.addSeparator();
    menu.addAction(m_moveLabel);
    menu.addAction(m_restore);
    menu.exec(m_versionsView->viewport()->mapToGlobal(position));
}

void PromptHistoryPanel::compareVersions(int left, int right)
{
    PromptDiffDialog::showComparison(m_database, m_key, left, right, this);
}

void PromptHistoryPanel::compareWithPrevious()
{
    const QList<int> selected = selectedVersions();
    if (selected.size() != 1)
        return;
    // The nearest older version that exists (numbers are contiguous today; this does not rely on it).
    int previous = 0;
    for (int row = 0; row < m_versions->rowCount(); ++row) {
        const int number = m_versions->versionAt(row)->version;
        if (number < selected.constFirst())
            previous = std::max(previous, number);
    }
    if (previous > 0)
        compareVersions(previous, selected.constFirst());
}

void PromptHistoryPanel::compareSelected()
{
    const QList<int> selected = selectedVersions();
    if (selected.size() == 2)
        compareVersions(selected.at(1), selected.at(0));
}

void PromptHistoryPanel::moveLabelToSelected()
{
    const QList<int> selected = selectedVersions();
    if (selected.size() != 1 || !m_labelQuestion)
        return;
    QStringList existing;
    for (const PromptLabel &label : m_labels->labels())
        existing.append(label.label);
    const std::optional<QString> label = m_labelQuestion(this, existing, selected.constFirst());
    if (label)
        moveLabel(*label, selected.constFirst());
}

bool PromptHistoryPanel::moveLabel(const QString &label, int version)
{
    showStatus(QString());
    if (!MoveLabelDialog::isValidLabel(label)) {
        showError(tr("“%1” is not a valid label name: use letters, digits, '_', '.' and '-'.").arg(label));
        return false;
    }
    const auto moved = PromptRepository(m_database).moveLabel(m_key, label, version, m_userName);
    if (!moved) {
        showError(tr("The label “%1” could not be moved: %2").arg(label, moved.error().toString()));
        return false;
    }
    showError(QString());
    if (!*moved) {
        showStatus(tr("The label “%1” already points at version %2.").arg(label).arg(version));
        return true;
    }
    if ((*moved)->fromVersion) {
        m_undoStack->push(new MoveLabelCommand(m_database, m_key, label, *(*moved)->fromVersion, version, m_userName,
                                               [this](const QString &error) { onLabelCommandDone(error); }));
    } else {
        showStatus(tr("Created the label “%1” at version %2.").arg(label).arg(version));
    }
    reload();
    Q_EMIT labelsChanged(m_key);
    return true;
}

void PromptHistoryPanel::onLabelCommandDone(const QString &error)
{
    if (!error.isEmpty())
        showError(tr("The label could not be moved back: %1").arg(error));
    reload();
    Q_EMIT labelsChanged(m_key);
}

std::optional<int> PromptHistoryPanel::restoreVersion(int version)
{
    showStatus(QString());
    if (m_restoreGuard && !m_restoreGuard())
        return std::nullopt;
    PromptRepository prompts(m_database);
    const auto old = prompts.version(m_key, version);
    if (!old) {
        showError(tr("Version %1 can't be restored: %2").arg(version).arg(old.error().toString()));
        return std::nullopt;
    }
    const auto added = prompts.addVersion(m_key, old->body, m_userName, tr("Restored from version %1").arg(version));
    if (!added) {
        showError(tr("Version %1 can't be restored: %2").arg(version).arg(added.error().toString()));
        return std::nullopt;
    }
    showError(QString());
    if (!added->created) {
        showStatus(tr("Version %1 has the same text as the latest version %2; nothing was added.")
                       .arg(version)
                       .arg(added->version.version));
        return std::nullopt;
    }
    reload();
    selectVersions({added->version.version});
    showStatus(tr("Restored version %1 as version %2.").arg(version).arg(added->version.version));
    Q_EMIT versionRestored(added->version.version);
    return added->version.version;
}

void PromptHistoryPanel::restoreSelected()
{
    const QList<int> selected = selectedVersions();
    if (selected.size() == 1)
        restoreVersion(selected.constFirst());
}

void PromptHistoryPanel::openSelected()
{
    const QList<int> selected = selectedVersions();
    if (selected.size() == 1)
        Q_EMIT openVersionRequested(selected.constFirst());
}

}  // namespace Switchyard
