#include "BotEditorPage.h"

#include "core/accounting/PriceCatalogue.h"
#include "core/store/BotRepository.h"
#include "ui/BotsTableModel.h"
#include "ui/ErrorText.h"
#include "ui/UnsavedChanges.h"
#include "ui/bots/AvatarPicker.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/ChainPathView.h"
#include "ui/bots/ConfigComparisonDialog.h"
#include "ui/bots/ConfigComparisonModel.h"
#include "ui/bots/ConfigItemDelegate.h"
#include "ui/bots/ConfigsTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

/// 1-based line and column of a character offset, for JSON errors people can find.
std::pair<int, int> lineAndColumn(const QString &text, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

QString metadataText(const QJsonObject &metadata)
{
    return metadata.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Indented));
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(label);
    label->hide();
    return label;
}

}  // namespace

BotEditorPage::BotEditorPage(Database &database, QWidget *parent)
    : QWidget(parent), m_document(new BotDocument(database, this)),
      m_configsModel(new ConfigsTableModel(m_document, this)), m_stack(new QStackedWidget(this)),
      m_prices(std::make_unique<PriceCatalogue>(database))
{
    setObjectName(QStringLiteral("botEditorPage"));

    m_question = [](QWidget *parent, const QString &botName) {
        return UnsavedChanges::ask(parent,
                                   tr("The bot “%1” has unsaved changes. Save them before moving on?").arg(botName));
    };

    QUndoStack *stack = m_document->undoStack();
    // No keys here: Ctrl+Z / Ctrl+Shift+Z are the window's Edit menu, whose undo group follows the current page.
    m_undo = stack->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoBotAction"));
    m_redo = stack->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("redoBotAction"));
    m_save = new QAction(tr("&Save Bot"), this);
    m_save->setObjectName(QStringLiteral("saveBotAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Save the bot and all its configs"));
    m_revert = new QAction(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertBotAction"));
    m_revert->setStatusTip(tr("Throw away the unsaved changes of this bot"));
    for (QAction *action : {m_undo, m_redo, m_save}) {
        // Only while the editor has focus: the other pages have their own meaning for these keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    m_newConfig = new QAction(tr("&New Config"), this);
    m_newConfig->setObjectName(QStringLiteral("newConfigAction"));
    m_newConfig->setStatusTip(tr("Add an LLM config to this bot"));
    m_activateConfig = new QAction(tr("&Activate"), this);
    m_activateConfig->setObjectName(QStringLiteral("activateConfigAction"));
    m_activateConfig->setStatusTip(tr("Make the selected config the one the engine uses for this bot, right now"));
    m_deleteConfig = new QAction(tr("&Delete Config"), this);
    m_deleteConfig->setObjectName(QStringLiteral("deleteConfigAction"));
    m_deleteConfig->setStatusTip(tr("Delete the selected config (when the bot is saved)"));
    m_compareConfigs = new QAction(tr("&Compare…"), this);
    m_compareConfigs->setObjectName(QStringLiteral("compareConfigsAction"));
    m_compareConfigs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_compareConfigs->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_compareConfigs->setStatusTip(tr("Show two selected configs side by side with their differences (A/B view); "
                                      "Ctrl+click to select the second"));
    addAction(m_compareConfigs);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("botEditorToolBar"));
    toolbar->addAction(m_save);
    toolbar->addAction(m_revert);
    toolbar->addSeparator();
    toolbar->addAction(m_undo);
    toolbar->addAction(m_redo);

    m_error = errorLabel(QStringLiteral("botEditorError"), this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("botEditorSplitter"));
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(createForm());
    splitter->addWidget(scroll);
    splitter->addWidget(createConfigs());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *editor = new QWidget(m_stack);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(toolbar);
    editorLayout->addWidget(m_error);
    editorLayout->addWidget(splitter, 1);

    auto *empty = new QLabel(tr("Select a bot in the list to edit it, or create one with New Bot."), m_stack);
    empty->setObjectName(QStringLiteral("botEditorEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_stack->addWidget(empty);
    m_stack->addWidget(editor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_save, &QAction::triggered, this, [this] { save(); });
    connect(m_revert, &QAction::triggered, this, &BotEditorPage::revert);
    connect(m_newConfig, &QAction::triggered, this, &BotEditorPage::addConfig);
    connect(m_activateConfig, &QAction::triggered, this, &BotEditorPage::activateCurrentConfig);
    connect(m_deleteConfig, &QAction::triggered, this, &BotEditorPage::deleteCurrentConfig);
    connect(m_compareConfigs, &QAction::triggered, this, &BotEditorPage::compareSelectedConfigs);

    connect(m_document, &BotDocument::reset, this, [this] {
        showError(QString());
        m_metadataError->hide();
        updateFromDocument();
        Q_EMIT documentStateChanged();
    });
    connect(m_document, &BotDocument::botChanged, this, [this] {
        updateFromDocument();
        Q_EMIT documentStateChanged();
    });
    connect(m_document, &BotDocument::dirtyChanged, this, [this] {
        updateActions();
        Q_EMIT documentStateChanged();
    });
    connect(m_document, &BotDocument::configChanged, this, &BotEditorPage::updateActions);
    connect(m_document, &BotDocument::configInserted, this, &BotEditorPage::updateActions);
    connect(m_document, &BotDocument::configRemoved, this, &BotEditorPage::updateActions);
    connect(m_document, &BotDocument::errorOccurred, this, &BotEditorPage::showError);
    connect(m_configsModel, &ConfigsTableModel::editRejected, this, &BotEditorPage::showError);

    updateFromDocument();
    updateChainPath();
}

BotEditorPage::~BotEditorPage() = default;

QWidget *BotEditorPage::createForm()
{
    auto *form = new QWidget;
    form->setObjectName(QStringLiteral("botForm"));

    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("botNameEdit"));
    m_name->setPlaceholderText(tr("What users call the bot"));
    m_slug = new QLineEdit(form);
    m_slug->setObjectName(QStringLiteral("botSlugEdit"));
    m_slug->setPlaceholderText(tr("Derived from the name"));
    m_slug->setToolTip(tr("The bot's unique id in URLs and API calls: lower-case letters, digits and '-'. It follows "
                          "the name until you change it."));
    m_slugStatus = new QLabel(form);
    m_slugStatus->setObjectName(QStringLiteral("botSlugStatus"));
    m_slugStatus->setWordWrap(true);
    ErrorText::style(m_slugStatus);
    m_slugStatus->hide();
    m_description = new QPlainTextEdit(form);
    m_description->setObjectName(QStringLiteral("botDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(80);
    m_avatar = new AvatarPicker(form);
    m_status = new QComboBox(form);
    m_status->setObjectName(QStringLiteral("botStatusCombo"));
    for (const QString &status : {QStringLiteral("draft"), QStringLiteral("live"), QStringLiteral("archived")})
        m_status->addItem(BotsTableModel::statusText(status), status);
    m_type = new QLineEdit(form);
    m_type->setObjectName(QStringLiteral("botTypeEdit"));
    m_type->setPlaceholderText(tr("e.g. support, astrology"));
    m_rank = new QSpinBox(form);
    m_rank->setObjectName(QStringLiteral("botRankSpin"));
    m_rank->setRange(-1000000, 1000000);
    m_rank->setToolTip(tr("Bots are listed by rank, lowest first"));
    m_metadata = new QPlainTextEdit(form);
    m_metadata->setObjectName(QStringLiteral("botMetadataEdit"));
    m_metadata->setPlaceholderText(tr("A JSON object, e.g. {\"audience\": \"beta\"}"));
    m_metadata->setTabChangesFocus(true);
    m_metadata->setMaximumHeight(120);
    m_metadataError = errorLabel(QStringLiteral("botMetadataError"), form);

    auto *layout = new QFormLayout(form);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("S&lug:"), m_slug);
    layout->addRow(QString(), m_slugStatus);
    layout->addRow(tr("&Description:"), m_description);
    layout->addRow(tr("&Avatar:"), m_avatar);
    layout->addRow(tr("S&tatus:"), m_status);
    layout->addRow(tr("T&ype:"), m_type);
    layout->addRow(tr("&Rank:"), m_rank);
    layout->addRow(tr("&Metadata:"), m_metadata);
    layout->addRow(QString(), m_metadataError);

    using Field = BotDocument::BotField;
    const auto edit = [this](Field field, const QVariant &value) {
        if (!m_updating)
            m_document->setBotField(field, value);
    };
    connect(m_name, &QLineEdit::textEdited, this, [edit](const QString &text) { edit(Field::Name, text); });
    connect(m_slug, &QLineEdit::textEdited, this, [edit](const QString &text) { edit(Field::Slug, text); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
            [this, edit] { edit(Field::Description, m_description->toPlainText()); });
    connect(m_avatar, &AvatarPicker::avatarEdited, this, [edit](const QString &text) { edit(Field::Avatar, text); });
    connect(m_status, &QComboBox::activated, this,
            [this, edit](int index) { edit(Field::Status, m_status->itemData(index)); });
    connect(m_type, &QLineEdit::textEdited, this, [edit](const QString &text) { edit(Field::Type, text); });
    connect(m_rank, &QSpinBox::valueChanged, this, [edit](int value) { edit(Field::Rank, value); });
    connect(m_metadata, &QPlainTextEdit::textChanged, this, &BotEditorPage::onMetadataEdited);
    return form;
}

QWidget *BotEditorPage::createConfigs()
{
    auto *box = new QWidget;
    auto *title = new QLabel(tr("<b>LLM configs</b> — the engine uses the active one"), box);

    auto *toolbar = new QToolBar(box);
    toolbar->setObjectName(QStringLiteral("configsToolBar"));
    toolbar->addAction(m_newConfig);
    toolbar->addAction(m_activateConfig);
    toolbar->addAction(m_deleteConfig);
    toolbar->addAction(m_compareConfigs);

    m_configsView = new QTableView(box);
    m_configsView->setObjectName(QStringLiteral("configsView"));
    m_configsView->setModel(m_configsModel);
    m_configsView->setItemDelegate(new ConfigItemDelegate(m_configsView));
    m_configsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Two rows can be selected for the A/B view; the other actions work on the current row.
    m_configsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_configsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::AnyKeyPressed);
    m_configsView->setAlternatingRowColors(true);
    m_configsView->setWordWrap(false);
    m_configsView->verticalHeader()->hide();
    m_configsView->horizontalHeader()->setStretchLastSection(true);
    connect(m_configsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BotEditorPage::updateActions);
    connect(m_configsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BotEditorPage::updateActions);
    connect(m_configsModel, &QAbstractItemModel::modelReset, m_configsView, &QTableView::resizeColumnsToContents);

    m_chainPath = new ChainPathView(box);
    m_chainPath->setPriceCatalogue(m_prices.get());
    m_chainPathScroll = new QScrollArea(box);
    m_chainPathScroll->setObjectName(QStringLiteral("chainPathScroll"));
    m_chainPathScroll->setWidget(m_chainPath);
    m_chainPathScroll->setWidgetResizable(true);
    m_chainPathScroll->setFrameShape(QFrame::NoFrame);
    m_chainPathScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_configsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BotEditorPage::updateChainPath);
    for (const auto signal : {&BotDocument::configChanged, &BotDocument::configInserted, &BotDocument::configRemoved})
        connect(m_document, signal, this, &BotEditorPage::updateChainPath);
    connect(m_document, &BotDocument::activeConfigChanged, this, &BotEditorPage::updateChainPath);
    connect(m_document, &BotDocument::reset, this, &BotEditorPage::updateChainPath);
    auto *pathTitle = new QLabel(tr("<b>Fallback path</b> of the selected config — the order the engine tries"), box);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(toolbar);
    layout->addLayout(top);
    layout->addWidget(m_configsView, 1);
    layout->addWidget(pathTitle);
    layout->addWidget(m_chainPathScroll);
    return box;
}

bool BotEditorPage::openBot(qint64 botId)
{
    if (auto loaded = m_document->load(botId); !loaded) {
        showError(tr("Could not open the bot: %1").arg(loaded.error().toString()));
        return false;
    }
    return true;
}

void BotEditorPage::newBot()
{
    m_document->startNew();
    m_name->setFocus();
}

void BotEditorPage::closeBot()
{
    m_document->close();
}

void BotEditorPage::setProviders(const ProvidersConfig &providers)
{
    m_configsModel->setProviders(providers);
    // The providers were just (re)loaded, so prices may have changed too. A failed read keeps the previous prices
    // and the path falls back to those of providers.yaml for the rest.
    (void)m_prices->reload();
    m_chainPath->setProviders(providers);
    updateChainPath();
}

void BotEditorPage::updateChainPath()
{
    int row = currentConfigRow();
    if (row < 0 || row >= m_document->configCount())
        row = m_document->activeRow();
    m_chainPath->setConfig(m_document->isOpen() && row >= 0 && row < m_document->configCount()
                               ? std::optional<LlmConfig>(m_document->configAt(row))
                               : std::nullopt);
    // Boxes scroll sideways; the height follows the path (more lines when the planner left hops out).
    m_chainPathScroll->setFixedHeight(m_chainPath->sizeHint().height() +
                                      m_chainPathScroll->horizontalScrollBar()->sizeHint().height());
}

void BotEditorPage::setPrompts(const QMap<QString, QStringList> &labelsByKey)
{
    m_configsModel->setPrompts(labelsByKey);
}

bool BotEditorPage::maybeSave()
{
    if (!m_document->isDirty())
        return true;
    return UnsavedChanges::resolve(
        m_question(this, m_document->displayName()), [this] { return save(); }, [this] { revert(); });
}

void BotEditorPage::setUnsavedChangesQuestion(UnsavedChangesQuestion question)
{
    m_question = std::move(question);
}

bool BotEditorPage::save()
{
    if (!m_document->isOpen())
        return false;
    if (m_metadataError->isVisible()) {
        showError(tr("The bot was not saved: its metadata is not valid JSON (%1). Fix the metadata or undo the "
                     "change, then save again.")
                      .arg(m_metadataError->text()));
        return false;
    }
    if (auto saved = m_document->save(); !saved) {
        showError(tr("The bot “%1” was not saved, and nothing was written: %2 Your changes are still here.")
                      .arg(m_document->displayName(), saved.error().toString()));
        return false;
    }
    showError(QString());
    Q_EMIT botSaved(m_document->bot().id);
    return true;
}

void BotEditorPage::revert()
{
    if (auto reverted = m_document->revert(); !reverted)
        showError(tr("Could not reload the bot: %1").arg(reverted.error().toString()));
}

QString BotEditorPage::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void BotEditorPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void BotEditorPage::updateFromDocument()
{
    m_stack->setCurrentIndex(m_document->isOpen() ? 1 : 0);
    const Bot &bot = m_document->bot();
    m_updating = true;
    // Only widgets whose text differs are touched, so the cursor of the field being typed in stays put.
    if (m_name->text() != bot.name)
        m_name->setText(bot.name);
    if (m_slug->text() != bot.slug)
        m_slug->setText(bot.slug);
    if (m_description->toPlainText() != bot.description)
        m_description->setPlainText(bot.description);
    m_avatar->setAvatar(bot.avatar);
    m_avatar->setBotName(bot.name);
    int statusIndex = m_status->findData(bot.status);
    if (statusIndex < 0) {
        m_status->addItem(bot.status, bot.status);
        statusIndex = m_status->count() - 1;
    }
    m_status->setCurrentIndex(statusIndex);
    if (m_type->text() != bot.type)
        m_type->setText(bot.type);
    if (m_rank->value() != bot.rank)
        m_rank->setValue(bot.rank);
    // The text may be invalid JSON being typed: replace it only when it does not already say what the bot has.
    const QJsonDocument typed = QJsonDocument::fromJson(m_metadata->toPlainText().toUtf8());
    const bool typedMatches = m_metadata->toPlainText().trimmed().isEmpty()
                                  ? bot.metadata.isEmpty()
                                  : typed.isObject() && typed.object() == bot.metadata;
    if (!typedMatches) {
        m_metadata->setPlainText(metadataText(bot.metadata));
        m_metadataError->hide();
    }
    m_updating = false;
    updateSlugStatus();
    updateActions();
}

void BotEditorPage::updateSlugStatus()
{
    const QString slug = m_document->bot().slug;
    QString problem;
    if (m_document->isOpen() && !slug.isEmpty()) {
        const QString valid = BotRepository::slugify(slug);
        if (valid != slug) {
            problem = valid.isEmpty() ? tr("A slug uses lower-case letters, digits and '-'.")
                                      : tr("A slug uses lower-case letters, digits and '-', e.g. “%1”.").arg(valid);
        } else if (auto free = m_document->checkSlugAvailable(slug); !free) {
            problem = free.error().message;
        }
    }
    m_slugStatus->setText(problem);
    m_slugStatus->setVisible(!problem.isEmpty());
}

void BotEditorPage::updateActions()
{
    const bool open = m_document->isOpen();
    const int row = currentConfigRow();
    const bool hasRow = open && row >= 0;
    const bool active = hasRow && m_document->configAt(row).active;
    m_save->setEnabled(open && (m_document->isDirty() || m_document->isNew()));
    m_revert->setEnabled(open && m_document->isDirty());
    m_newConfig->setEnabled(open);
    m_activateConfig->setEnabled(hasRow && !active);
    m_deleteConfig->setEnabled(hasRow && !active);
    m_compareConfigs->setEnabled(open && m_configsView && m_configsView->selectionModel()->selectedRows().size() == 2);
}

void BotEditorPage::compareSelectedConfigs()
{
    QModelIndexList rows = m_configsView->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return;
    std::sort(rows.begin(), rows.end());
    auto *dialog = new ConfigComparisonDialog(
        new ConfigComparisonModel(*m_configsModel, rows.at(0).row(), rows.at(1).row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void BotEditorPage::onMetadataEdited()
{
    if (m_updating)
        return;
    const QString text = m_metadata->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_metadataError->hide();
        m_document->setBotField(BotDocument::BotField::Metadata, QJsonObject());
        return;
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; for the ASCII JSON people type it is the character position.
        const auto [line, column] = lineAndColumn(text, error.offset);
        m_metadataError->setText(tr("Line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()));
        m_metadataError->show();
        return;
    }
    if (!json.isObject()) {
        m_metadataError->setText(tr("The metadata must be a JSON object: {\"key\": \"value\", …}"));
        m_metadataError->show();
        return;
    }
    m_metadataError->hide();
    m_document->setBotField(BotDocument::BotField::Metadata, json.object());
}

int BotEditorPage::currentConfigRow() const
{
    const QModelIndex current = m_configsView ? m_configsView->currentIndex() : QModelIndex();
    return current.isValid() ? current.row() : -1;
}

void BotEditorPage::addConfig()
{
    LlmConfig config;
    config.name = tr("Config %1").arg(m_document->configCount() + 1);
    const ProvidersConfig &providers = m_configsModel->providers();
    if (!providers.providers.isEmpty()) {
        const ProviderSpec &provider = providers.providers.constFirst();
        config.provider = provider.id;
        if (!provider.models.isEmpty())
            config.model = provider.models.constFirst().id;
        config.region = provider.region;
    }
    const int row = m_document->addConfig(config);
    m_configsView->setCurrentIndex(m_configsModel->index(row, ConfigsTableModel::NameColumn));
    showError(QString());
}

void BotEditorPage::activateCurrentConfig()
{
    if (auto activated = m_document->activateConfig(currentConfigRow()); !activated) {
        showError(tr("The config was not activated: %1").arg(activated.error().toString()));
        return;
    }
    showError(QString());
}

void BotEditorPage::deleteCurrentConfig()
{
    if (auto removed = m_document->removeConfig(currentConfigRow()); !removed) {
        showError(removed.error().toString());
        return;
    }
    showError(QString());
}

}  // namespace Switchyard
