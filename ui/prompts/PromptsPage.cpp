#include "PromptsPage.h"

#include "core/accounting/PriceCatalogue.h"
#include "core/prompts/CompletionVariable.h"
#include "core/prompts/PromptDocumentParser.h"
#include "core/settings/Settings.h"
#include "core/store/BotRepository.h"
#include "core/store/Database.h"
#include "core/store/LlmConfigRepository.h"
#include "core/store/PromptRepository.h"
#include "core/store/ProviderRepository.h"
#include "core/templating/SystemVariables.h"
#include "ui/ErrorText.h"
#include "ui/FilterTablePage.h"
#include "ui/PromptsTableModel.h"
#include "ui/UnsavedChanges.h"
#include "ui/prompts/PromptAnalysis.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptHistoryPanel.h"
#include "ui/prompts/PromptPreviewPanel.h"
#include "ui/prompts/PromptTextEdit.h"

#include <QAction>
#include <QFontDatabase>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <utility>

namespace Switchyard {

namespace {

/// "Save Version… (Ctrl+S)": the shortcut in the tooltip, as the menus show it.
void setShortcutWithTip(QAction *action, const QKeySequence &shortcut)
{
    action->setShortcut(shortcut);
    action->setToolTip(
        PromptsPage::tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                       shortcut.toString(QKeySequence::NativeText)));
}

QString author()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("studio")));
}

}  // namespace

PromptsPage::PromptsPage(Database &database, Settings &settings, PromptsTableModel *model, QWidget *parent)
    : QWidget(parent), m_database(database), m_settings(settings), m_model(model),
      m_document(new PromptEditorDocument(database, this)), m_header(new QLabel(this)), m_error(new QLabel(this)),
      m_status(new QLabel(this)), m_sideTabs(new QTabWidget(this)), m_preview(new PromptPreviewPanel(settings, this)),
      m_outline(new PromptOutlinePanel(this)), m_history(new PromptHistoryPanel(database, this))
{
    m_question = [](QWidget *parent, const QString &key) {
        return UnsavedChanges::ask(
            parent, tr("The prompt “%1” has unsaved changes. Save them as a new version before moving on?").arg(key));
    };
    m_textQuestion = &PromptOutlinePanel::askText;
    m_confirmation = [](QWidget *parent, const QString &question) {
        return QMessageBox::question(parent, tr("Delete Prompt"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };

    m_listPage = new FilterTablePage(QStringLiteral("prompts"), model,
                                     tr("This workspace has no prompts yet.\nCreate one with New Prompt, or import "
                                        "prompt files."),
                                     this);
    m_listPage->filterEdit()->setPlaceholderText(tr("Filter prompts by key, label or author"));

    // Actions. Shortcuts act only while the page has focus: other pages give the same keys their own meaning.
    QUndoStack *stack = m_document->undoStack();
    m_newPrompt = new QAction(tr("&New Prompt…"), this);
    m_newPrompt->setObjectName(QStringLiteral("newPromptAction"));
    m_newPrompt->setStatusTip(tr("Create a prompt"));
    setShortcutWithTip(m_newPrompt, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_save = new QAction(tr("&Save Version…"), this);
    m_save->setObjectName(QStringLiteral("savePromptVersionAction"));
    m_save->setStatusTip(tr("Save the text as the prompt's next version, with a note"));
    setShortcutWithTip(m_save, QKeySequence::Save);
    m_revert = new QAction(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertPromptAction"));
    m_revert->setStatusTip(tr("Throw away the unsaved changes of this prompt"));
    // No keys here: Ctrl+Z / Ctrl+Shift+Z are the window's Edit menu (the editor itself routes them to this stack).
    m_undo = stack->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoPromptAction"));
    m_redo = stack->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("redoPromptAction"));
    m_delete = new QAction(tr("&Delete Prompt…"), this);
    m_delete->setObjectName(QStringLiteral("deletePromptAction"));
    m_delete->setStatusTip(tr("Delete the open prompt with all its versions and labels"));
    for (QAction *action : {m_newPrompt, m_save, m_revert, m_undo, m_redo, m_delete}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    connect(m_newPrompt, &QAction::triggered, this, &PromptsPage::newPrompt);
    connect(m_save, &QAction::triggered, this, qOverload<>(&PromptsPage::saveVersion));
    connect(m_revert, &QAction::triggered, this, &PromptsPage::revert);
    connect(m_delete, &QAction::triggered, this, &PromptsPage::deletePrompt);

    auto *listToolbar = new QToolBar(this);
    listToolbar->setObjectName(QStringLiteral("promptsToolBar"));
    listToolbar->addAction(m_newPrompt);
    listToolbar->addAction(m_delete);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(listToolbar);
    leftLayout->addWidget(m_listPage, 1);

    // The editor column.
    m_editor = createEditor();
    m_header->setObjectName(QStringLiteral("promptHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("promptEditorError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(m_error);
    m_error->hide();
    m_status->setObjectName(QStringLiteral("promptEditorStatus"));
    m_status->setWordWrap(true);
    auto *editorToolbar = new QToolBar(this);
    editorToolbar->setObjectName(QStringLiteral("promptEditorToolBar"));
    for (QAction *action : {m_save, m_revert})
        editorToolbar->addAction(action);
    editorToolbar->addSeparator();
    editorToolbar->addAction(m_undo);
    editorToolbar->addAction(m_redo);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(editorToolbar);
    middleLayout->addWidget(m_header);
    middleLayout->addWidget(m_error);
    middleLayout->addWidget(m_editor, 1);
    middleLayout->addWidget(m_status);

    m_sideTabs->setObjectName(QStringLiteral("promptSideTabs"));
    m_sideTabs->addTab(m_preview, tr("Preview"));
    m_sideTabs->addTab(m_outline, tr("Outline"));
    m_sideTabs->addTab(m_history, tr("History"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("promptsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(m_sideTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({260, 560, 380});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_preview->setDocument(m_document);
    m_outline->setDocument(m_document);
    connect(m_preview, &PromptPreviewPanel::analysed, this, &PromptsPage::onAnalysed);
    connect(m_outline, &PromptOutlinePanel::sectionActivated, this, &PromptsPage::showSection);

    // History: restoring asks about unsaved edits first; what it adds or moves shows in the list and the header.
    m_history->setRestoreGuard([this] { return maybeSave(); });
    connect(m_history, &PromptHistoryPanel::versionRestored, this, [this] {
        const QString key = m_document->key();
        Q_EMIT promptsChanged();
        openPrompt(key);
    });
    connect(m_history, &PromptHistoryPanel::openVersionRequested, this,
            [this](int version) { openVersion(m_history->promptKey(), version); });
    connect(m_history, &PromptHistoryPanel::labelsChanged, this, &PromptsPage::promptsChanged);
    connect(m_history, &PromptHistoryPanel::errorOccurred, this, &PromptsPage::statusMessage);

    connect(m_listPage->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PromptsPage::onListCurrentChanged);
    connect(m_document, &PromptEditorDocument::dirtyChanged, this, [this] {
        updateHeader();
        updateActions();
        Q_EMIT documentStateChanged();
    });
    connect(m_document, &PromptEditorDocument::reset, this, [this] {
        m_editor->setReadOnly(!m_document->isOpen() || m_document->isReadOnly());
        m_editor->setDiagnostics({});
        m_history->setPromptKey(m_document->isNew() ? QString() : m_document->key());
        m_preview->setOtherPromptVariables(otherPromptVariables());
        m_status->clear();
        updateHeader();
        updateActions();
        Q_EMIT documentStateChanged();
    });
    updateHeader();
    updateActions();
    m_editor->setReadOnly(true);
}

PromptsPage::~PromptsPage() = default;

PromptTextEdit *PromptsPage::createEditor()
{
    auto *editor = new PromptTextEdit(this);
    editor->setObjectName(QStringLiteral("promptEditor"));
    editor->setAccessibleName(tr("Prompt YAML"));
    editor->setTextDocument(m_document->textDocument());
    editor->setTabChangesFocus(false);
    editor->setTabStopDistance(editor->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    // The editor's own undo would bypass the page's undo stack: its keys and menu entries are routed there.
    editor->installEventFilter(this);
    editor->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(editor, &QWidget::customContextMenuRequested, this, &PromptsPage::showEditorContextMenu);
    return editor;
}

bool PromptsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo = key->matches(QKeySequence::Redo);
        if (undo || redo) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();  // handled on the key press below, not by a window shortcut
            } else if (!m_editor->isReadOnly()) {
                if (undo)
                    m_document->undoStack()->undo();
                else
                    m_document->undoStack()->redo();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PromptsPage::showEditorContextMenu(const QPoint &position)
{
    QMenu *menu = m_editor->createStandardContextMenu(position);
    // Replace the text document's Undo/Redo with the page's, which know about outline edits.
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1String("edit-undo") || action->objectName() == QLatin1String("edit-redo"))
            menu->removeAction(action);
    }
    QAction *first = menu->actions().value(0);
    menu->insertAction(first, m_undo);
    menu->insertAction(first, m_redo);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_editor->viewport()->mapToGlobal(position));
}

bool PromptsPage::openPrompt(const QString &key)
{
    if (auto loaded = m_document->load(key); !loaded) {
        showError(tr("Could not open the prompt “%1”: %2").arg(key, loaded.error().toString()));
        return false;
    }
    showError(QString());
    updateModelChoices();
    selectPrompt(key);
    return true;
}

bool PromptsPage::openVersion(const QString &key, int version)
{
    if (!maybeSave())
        return false;
    if (auto opened = m_document->openReadOnly(key, version); !opened) {
        showError(tr("Could not open version %1 of “%2”: %3").arg(version).arg(key, opened.error().toString()));
        return false;
    }
    showError(QString());
    updateModelChoices();
    selectPrompt(key);
    return true;
}

void PromptsPage::newPrompt()
{
    if (!maybeSave())
        return;
    const auto key =
        m_textQuestion(this, tr("New Prompt"), tr("Key of the new prompt (lower-case letters, digits, '_', '.', '-'):"),
                       QStringLiteral("new_prompt"));
    if (!key)
        return;
    if (auto started = m_document->startNew(key->trimmed()); !started) {
        showError(started.error().message);
        return;
    }
    showError(QString());
    updateModelChoices();
    selectPrompt(QString());
    m_editor->setFocus();
}

void PromptsPage::closePrompt()
{
    m_document->close();
    showError(QString());
    selectPrompt(QString());
}

void PromptsPage::promptsReloaded()
{
    collectPromptVariables();
    m_preview->setOtherPromptVariables(otherPromptVariables());
    if (m_document->isOpen())
        m_history->reload();
    if (m_document->isOpen())
        selectPrompt(m_document->key());
    updateModelChoices();
    updateHeader();
}

bool PromptsPage::maybeSave()
{
    if (!m_document->isDirty())
        return true;
    return UnsavedChanges::resolve(
        m_question(this, m_document->key()), [this] { return saveVersion(); }, [this] { revert(); });
}

bool PromptsPage::saveVersion()
{
    if (!m_document->isOpen() || m_document->isReadOnly())
        return false;
    const QString suggestion =
        m_document->isNew() ? tr("First version") : tr("Edited version %1").arg(m_document->baseVersion());
    const auto note = m_textQuestion(this, tr("Save Version"),
                                     tr("What changed in this version of “%1”?").arg(m_document->key()), suggestion);
    if (!note)
        return false;
    return saveVersion(note->trimmed().isEmpty() ? suggestion : note->trimmed());
}

bool PromptsPage::saveVersion(const QString &note)
{
    const bool wasNew = m_document->isNew();
    const auto saved = m_document->save(note, author());
    if (!saved) {
        showError(saved.error().toString());
        return false;
    }
    showError(QString());
    if (!saved->created) {
        Q_EMIT statusMessage(
            tr("Nothing to save: “%1” is unchanged since version %2.").arg(m_document->key()).arg(saved->version));
        return true;
    }
    Q_EMIT statusMessage(tr("Saved “%1” as version %2.").arg(m_document->key()).arg(saved->version));
    Q_EMIT promptsChanged();
    if (wasNew)
        selectPrompt(m_document->key());
    updateHeader();
    return true;
}

void PromptsPage::revert()
{
    m_document->revert();
    showError(QString());
}

bool PromptsPage::deletePrompt()
{
    if (!m_document->isOpen() || m_document->isNew())
        return false;
    const QString key = m_document->key();
    // A config that names the prompt would break: refuse, and say which.
    BotRepository bots(m_database);
    const auto list = bots.list(true);
    if (!list) {
        showError(tr("Could not check which configs use “%1”: %2").arg(key, list.error().toString()));
        return false;
    }
    LlmConfigRepository configs(m_database);
    for (const Bot &bot : *list) {
        const auto botConfigs = configs.listForBot(bot.id);
        if (!botConfigs) {
            showError(tr("Could not check which configs use “%1”: %2").arg(key, botConfigs.error().toString()));
            return false;
        }
        for (const LlmConfig &config : *botConfigs) {
            if (config.promptKey == key) {
                showError(tr("The prompt “%1” is used by the config “%2” of the bot “%3”; point that config at "
                             "another prompt first.")
                              .arg(key, config.name, bot.name));
                return false;
            }
        }
    }
    if (!m_confirmation(this, tr("Delete the prompt “%1” with all its versions, labels and label history? This "
                                 "cannot be undone.")
                                  .arg(key)))
        return false;
    if (auto removed = PromptRepository(m_database).removePrompt(key); !removed) {
        showError(tr("Could not delete the prompt “%1”: %2").arg(key, removed.error().toString()));
        return false;
    }
    m_document->close();
    Q_EMIT promptsChanged();
    Q_EMIT statusMessage(tr("Deleted the prompt “%1”.").arg(key));
    return true;
}

void PromptsPage::setUnsavedChangesQuestion(UnsavedChangesQuestion question)
{
    m_question = std::move(question);
}

void PromptsPage::setTextQuestion(TextQuestion question)
{
    m_textQuestion = question;
    m_outline->setTextQuestion(std::move(question));
}

void PromptsPage::setConfirmation(Confirmation confirmation)
{
    m_confirmation = std::move(confirmation);
}

QString PromptsPage::errorText() const
{
    return m_error->text();
}

QString PromptsPage::displayName() const
{
    if (!m_document->isOpen())
        return QString();
    if (m_document->isNew())
        return tr("%1 (new)").arg(m_document->key());
    if (m_document->isReadOnly())
        return tr("%1 v%2 (read-only)").arg(m_document->key()).arg(m_document->baseVersion());
    return tr("%1 v%2").arg(m_document->key()).arg(m_document->baseVersion());
}

void PromptsPage::onListCurrentChanged(const QModelIndex &current)
{
    if (m_selecting || !current.isValid())
        return;
    const QModelIndex source = m_listPage->proxyModel()->mapToSource(current);
    const QString key = m_model->rows().at(source.row()).latest.key;
    if (m_document->isOpen() && m_document->key() == key && !m_document->isReadOnly())
        return;
    if (!maybeSave()) {
        // Stay on the prompt with the unsaved changes, in the list too.
        selectPrompt(m_document->isOpen() && !m_document->isNew() ? m_document->key() : QString());
        return;
    }
    openPrompt(key);
}

void PromptsPage::selectPrompt(const QString &key)
{
    m_selecting = true;
    QTableView *view = m_listPage->view();
    view->selectionModel()->clearSelection();
    view->setCurrentIndex(QModelIndex());
    const QList<PromptsTableModel::Row> &rows = m_model->rows();
    for (int row = 0; row < rows.size(); ++row) {
        if (!key.isEmpty() && rows.at(row).latest.key == key) {
            view->setCurrentIndex(m_listPage->proxyModel()->mapFromSource(m_model->index(row, 0)));
            view->selectRow(view->currentIndex().row());
            break;
        }
    }
    m_selecting = false;
}

void PromptsPage::updateHeader()
{
    if (!m_document->isOpen()) {
        m_header->setText(tr("Select a prompt on the left, or create one with New Prompt."));
        return;
    }
    QString text = m_document->key();
    if (m_document->isNew())
        text += QStringLiteral(" · ") + tr("new, not saved yet");
    else if (m_document->isReadOnly())
        text += QStringLiteral(" · ") + tr("version %1, read-only").arg(m_document->baseVersion());
    else
        text += QStringLiteral(" · ") + tr("based on version %1").arg(m_document->baseVersion());
    for (const PromptsTableModel::Row &row : m_model->rows()) {
        if (row.latest.key == m_document->key() && !row.labels.isEmpty())
            text += QStringLiteral(" · ") + PromptsTableModel::labelsText(row.labels);
    }
    if (m_document->isDirty())
        text += QStringLiteral(" · ● ") + tr("unsaved changes");
    m_header->setText(text);
}

void PromptsPage::updateActions()
{
    const bool open = m_document->isOpen();
    const bool editable = open && !m_document->isReadOnly();
    m_save->setEnabled(editable);
    m_revert->setEnabled(editable && m_document->isDirty());
    m_delete->setEnabled(open && !m_document->isNew());
}

void PromptsPage::updateModelChoices()
{
    QList<PromptPreviewPanel::ModelChoice> choices;
    if (!m_document->isOpen()) {
        m_preview->setModelChoices(choices);
        return;
    }
    PriceCatalogue prices(m_database);
    const bool pricesLoaded = prices.reload().ok();
    const auto priceOf = [&](const QString &provider, const QString &model) -> std::optional<Price> {
        if (!pricesLoaded)
            return std::nullopt;
        if (const auto record = prices.find(provider, model))
            return record->price;
        return std::nullopt;
    };

    // The configs that use this prompt first: their model is what the prompt will really cost.
    const QString key = m_document->key();
    if (const auto bots = BotRepository(m_database).list(); bots) {
        LlmConfigRepository configs(m_database);
        for (const Bot &bot : *bots) {
            const auto botConfigs = configs.listForBot(bot.id);
            if (!botConfigs)
                continue;
            for (const LlmConfig &config : *botConfigs) {
                if (config.promptKey != key)
                    continue;
                choices.append({tr("%1 · %2 (%3/%4)").arg(bot.name, config.name, config.provider, config.model),
                                priceOf(config.provider, config.model), config.maxOutputTokens});
            }
        }
    }
    if (const auto providers = ProviderRepository(m_database).load(); providers) {
        for (const ProviderSpec &provider : providers->providers) {
            for (const ModelSpec &model : provider.models)
                choices.append(
                    {provider.id + QLatin1Char('/') + model.id, priceOf(provider.id, model.id), std::nullopt});
        }
    }
    m_preview->setModelChoices(choices);
}

void PromptsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PromptsPage::onAnalysed(const PromptAnalysis &analysis)
{
    m_outline->showAnalysis(analysis);
    m_editor->setDiagnostics(analysis.diagnostics);
    updateCompletion(analysis);
    if (!analysis.parsed)
        m_status->setText(analysis.parseError);
    else if (!analysis.warnings.isEmpty())
        m_status->setText(analysis.warnings.first().toString());
    else
        m_status->clear();
}

void PromptsPage::showSection(const QString &title)
{
    // Put the cursor on the section's title line inside the sections block.
    const QTextDocument *text = m_document->textDocument();
    bool inBlock = false;
    for (QTextBlock block = text->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text();
        if (line.startsWith(QLatin1String("sections:"))) {
            inBlock = true;
            continue;
        }
        if (inBlock && !line.isEmpty() && !line.front().isSpace() && !line.startsWith(QLatin1Char('#')))
            break;
        const QString trimmed = line.trimmed();
        if (inBlock && (trimmed.startsWith(title + QLatin1Char(':')) ||
                        trimmed.startsWith(QLatin1Char('"') + title + QStringLiteral("\":")))) {
            QTextCursor cursor(block);
            m_editor->setTextCursor(cursor);
            m_editor->centerCursor();
            m_editor->setFocus();
            return;
        }
    }
}

void PromptsPage::collectPromptVariables()
{
    // The latest version of each prompt; runs on the UI thread when the list is reloaded (after every save), never
    // while typing. Only the prompts whose latest text changed since the last reload are parsed again.
    const QHash<QString, PromptVariables> previous = std::exchange(m_variablesByPrompt, {});
    for (const PromptsTableModel::Row &row : m_model->rows()) {
        const PromptVersion &latest = row.latest;
        const auto cached = previous.constFind(latest.key);
        if (cached != previous.cend() && !latest.contentHash.isEmpty() && cached->contentHash == latest.contentHash) {
            m_variablesByPrompt.insert(latest.key, *cached);
            continue;
        }
        const auto parsed = PromptDocumentParser::parse(latest.body.toUtf8(), latest.key);
        if (!parsed)
            continue;
        QStringList names;
        for (const PreviewVariable &variable : discoverVariables(parsed->doc))
            names.append(variable.name);
        m_variablesByPrompt.insert(latest.key, PromptVariables{latest.contentHash, names});
    }
}

QStringList PromptsPage::otherPromptVariables() const
{
    QStringList names;
    for (auto it = m_variablesByPrompt.cbegin(); it != m_variablesByPrompt.cend(); ++it) {
        if (it.key() == m_document->key())
            continue;
        for (const QString &name : it.value().names)
            if (!names.contains(name))
                names.append(name);
    }
    names.sort();
    return names;
}

void PromptsPage::updateCompletion(const PromptAnalysis &analysis)
{
    // Declared and used names of this prompt, then the system variables, then what the other prompts use.
    QList<CompletionVariable> variables;
    QStringList seen;
    const auto add = [&](const QString &name, const QString &description, CompletionVariable::Origin origin) {
        if (seen.contains(name))
            return;
        seen.append(name);
        variables.append(CompletionVariable{name, description, origin});
    };
    for (const PreviewVariable &variable : analysis.variables)
        add(variable.name, variable.description, CompletionVariable::Origin::Declared);
    for (const Templating::SystemVariableInfo &system : Templating::SystemVariables::definitions())
        add(system.name, system.description, CompletionVariable::Origin::System);
    for (const QString &name : otherPromptVariables())
        add(name, tr("Used in other prompts"), CompletionVariable::Origin::OtherPrompt);
    m_editor->setCompletionVariables(variables);
}

}  // namespace Switchyard
