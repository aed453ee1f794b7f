#include "ProvidersPage.h"

#include "core/accounting/LiteLlmPriceImporter.h"
#include "core/store/ProviderRepository.h"
#include "ui/ErrorText.h"
#include "ui/FileDialog.h"
#include "ui/FilterTablePage.h"
#include "ui/ProvidersTableModel.h"
#include "ui/UnsavedChanges.h"
#include "ui/providers/AddProviderDialog.h"
#include "ui/providers/ModelsTableModel.h"
#include "ui/providers/ProviderDetailPanel.h"
#include "ui/providers/ProvidersDocument.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Switchyard {

ProvidersPage::ProvidersPage(Database &database, ProvidersTableModel *model, QWidget *parent)
    : QWidget(parent), m_database(database), m_model(model), m_document(new ProvidersDocument(database, this))
{
    m_panel = new ProviderDetailPanel(m_document, this);
    m_question = [](QWidget *parent) {
        return UnsavedChanges::ask(parent, tr("The providers have unsaved changes. Save them before moving on?"));
    };

    m_listPage = new FilterTablePage(QStringLiteral("providers"), model,
                                     tr("This workspace has no providers yet.\nAdd a custom provider or import a "
                                        "providers.yaml file."),
                                     this);
    m_listPage->filterEdit()->setPlaceholderText(tr("Filter providers by id, kind, endpoint or model"));
    m_listPage->view()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listPage->view()->setSelectionMode(QAbstractItemView::SingleSelection);

    QUndoStack *stack = m_document->undoStack();
    // No keys here: Ctrl+Z / Ctrl+Shift+Z are the window's Edit menu, whose undo group follows the current page.
    m_undo = stack->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoProvidersAction"));
    m_redo = stack->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("redoProvidersAction"));
    m_save = new QAction(tr("&Save Providers"), this);
    m_save->setObjectName(QStringLiteral("saveProvidersAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Check and store every provider and model of the workspace"));
    m_revert = new QAction(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertProvidersAction"));
    m_revert->setStatusTip(tr("Throw away the unsaved changes to the providers"));
    m_addProvider = new QAction(tr("Add Custom &Provider…"), this);
    m_addProvider->setObjectName(QStringLiteral("addProviderAction"));
    m_addProvider->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_addProvider->setStatusTip(tr("Add an OpenAI-compatible endpoint such as vLLM, LM Studio or llama.cpp"));
    m_removeProvider = new QAction(tr("Remove Provider"), this);
    m_removeProvider->setObjectName(QStringLiteral("removeProviderAction"));
    m_removeProvider->setStatusTip(tr("Remove the selected provider and its models (when saved)"));
    m_importPrices = new QAction(tr("Import Prices from &LiteLLM…"), this);
    m_importPrices->setObjectName(QStringLiteral("importPricesAction"));
    m_importPrices->setStatusTip(tr("Read LiteLLM's model_prices_and_context_window.json and store its prices for "
                                    "the workspace's models"));
    for (QAction *action : {m_undo, m_redo, m_save, m_addProvider}) {
        // Only while the page has focus: the other pages have their own meaning for these keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_save, &QAction::triggered, this, &ProvidersPage::save);
    connect(m_revert, &QAction::triggered, this, &ProvidersPage::revert);
    connect(m_addProvider, &QAction::triggered, this, &ProvidersPage::addCustomProvider);
    connect(m_removeProvider, &QAction::triggered, this, &ProvidersPage::removeSelectedProvider);
    connect(m_importPrices, &QAction::triggered, this, &ProvidersPage::importPrices);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("providersToolBar"));
    toolbar->addAction(m_save);
    toolbar->addAction(m_revert);
    toolbar->addSeparator();
    toolbar->addAction(m_undo);
    toolbar->addAction(m_redo);
    toolbar->addSeparator();
    toolbar->addAction(m_addProvider);
    toolbar->addAction(m_removeProvider);
    toolbar->addSeparator();
    toolbar->addAction(m_importPrices);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("providersPageError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(m_error);
    m_error->hide();

    m_importBusy = new QProgressBar(this);
    m_importBusy->setObjectName(QStringLiteral("importBusyIndicator"));
    m_importBusy->setRange(0, 0);  // the importer reports no progress: one parse, one transaction
    m_importBusy->setFormat(tr("Importing LiteLLM prices…"));
    m_importBusy->hide();
    m_cancelImport = new QPushButton(tr("Cancel"), this);
    m_cancelImport->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelImport->hide();
    connect(m_cancelImport, &QPushButton::clicked, this, &ProvidersPage::cancelImport);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(m_importBusy, 1);
    importRow->addWidget(m_cancelImport);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("providersSplitter"));
    splitter->addWidget(m_listPage);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addLayout(importRow);

    auto *testShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_T), this);
    testShortcut->setObjectName(QStringLiteral("testConnectionShortcut"));
    testShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(testShortcut, &QShortcut::activated, m_panel, &ProviderDetailPanel::testConnection);

    connect(m_listPage->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProvidersPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProvidersPage::onModelReset);

    // The list mirrors the document row by row, so editing never loses the selection.
    connect(m_document, &ProvidersDocument::reset, this,
            [this] { m_model->setProviders(m_document->config().providers); });
    const auto refreshRow = [this](int row) {
        m_model->setProvider(row, m_document->providerAt(row));
    };
    connect(m_document, &ProvidersDocument::providerChanged, this, refreshRow);
    connect(m_document, &ProvidersDocument::modelChanged, this, refreshRow);
    connect(m_document, &ProvidersDocument::modelInserted, this, refreshRow);
    connect(m_document, &ProvidersDocument::modelRemoved, this, refreshRow);
    connect(m_document, &ProvidersDocument::providerInserted, this,
            [this](int row) { m_model->insertProvider(row, m_document->providerAt(row)); });
    connect(m_document, &ProvidersDocument::providerRemoved, this, [this](int row) { m_model->removeProvider(row); });
    connect(m_document, &ProvidersDocument::dirtyChanged, this, [this] {
        updateActions();
        Q_EMIT documentStateChanged();
    });
    updateActions();
}

ProvidersPage::~ProvidersPage()
{
    // The import thread uses the database: it must end before the page (and then the workspace) goes away.
    if (m_importThread) {
        disconnect(m_importThread, nullptr, this, nullptr);
        m_importThread->wait();
    }
}

Result<ProvidersConfig> ProvidersPage::reload()
{
    const auto loaded = m_document->load();
    if (!loaded)
        return loaded.error();
    m_error->hide();
    refreshStoredPrices();
    updateActions();
    Q_EMIT documentStateChanged();
    return m_document->config();
}

bool ProvidersPage::selectProvider(const QString &providerId)
{
    const QList<ProviderSpec> &providers = m_model->providers();
    for (int row = 0; row < providers.size(); ++row) {
        if (providers.at(row).id != providerId)
            continue;
        const QModelIndex index = m_listPage->proxyModel()->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            return false;
        m_listPage->view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                         QItemSelectionModel::Rows);
        return true;
    }
    return false;
}

bool ProvidersPage::isDirty() const
{
    return m_document->isDirty();
}

QUndoStack *ProvidersPage::undoStack() const
{
    return m_document->undoStack();
}

bool ProvidersPage::maybeSave()
{
    // Whatever comes next (another workspace, quitting) may close the database the import writes to: it ends first.
    // The import is one parse and one transaction, so this wait is short.
    if (m_importThread)
        m_importThread->wait();
    if (!m_document->isDirty())
        return true;
    return UnsavedChanges::resolve(
        m_question(this), [this] { return save(); }, [this] { revert(); });
}

void ProvidersPage::setUnsavedChangesQuestion(UnsavedChangesQuestion question)
{
    m_question = std::move(question);
}

bool ProvidersPage::save()
{
    const auto saved = m_document->save();
    if (!saved) {
        showError(tr("The providers were not saved; your changes are kept. %1").arg(saved.error().message));
        return false;
    }
    m_error->hide();
    refreshStoredPrices();
    Q_EMIT providersSaved(m_document->config());
    return true;
}

void ProvidersPage::revert()
{
    const QString selected = m_panel->provider() ? m_panel->provider()->id : QString();
    const auto reverted = m_document->revert();
    if (!reverted) {
        showError(tr("Could not read the stored providers: %1").arg(reverted.error().message));
        return;
    }
    m_error->hide();
    refreshStoredPrices();
    selectProvider(selected);
}

QString ProvidersPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

int ProvidersPage::currentRow() const
{
    const QModelIndex source = m_listPage->proxyModel()->mapToSource(m_listPage->view()->currentIndex());
    return source.isValid() ? source.row() : -1;
}

void ProvidersPage::addCustomProvider()
{
    auto *dialog = new AddProviderDialog(m_document, m_panel->keyWriter(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { selectProvider(dialog->addedProviderId()); });
    dialog->open();
}

void ProvidersPage::removeSelectedProvider()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const auto removed = m_document->removeProvider(row);
    if (!removed) {
        showError(removed.error().message);
        return;
    }
    m_error->hide();
}

void ProvidersPage::importPrices()
{
    if (m_importThread)
        return;
    // The importer matches the stored models: unsaved models would be left out.
    if (!maybeSave())
        return;
    const QString path = FileDialog::instance().getOpenFileName(this, tr("Import Prices from LiteLLM"), QString(),
                                                                tr("LiteLLM price files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;

    auto import = std::make_shared<Import>();
    import->path = path;
    m_import = import;
    Database *database = &m_database;
    // A worker thread: the file is 1–2 MB of JSON. Database gives the thread its own connection.
    m_importThread = QThread::create([import, database] {
        if (!import->cancelled)
            import->result.emplace(LiteLlmPriceImporter(*database).importFile(QDir::toNativeSeparators(import->path)));
    });
    m_importThread->setObjectName(QStringLiteral("switchyard-litellm-import"));
    m_importThread->setParent(this);
    connect(m_importThread, &QThread::finished, this, &ProvidersPage::onImportFinished);
    m_importBusy->show();
    m_cancelImport->setEnabled(true);
    m_cancelImport->show();
    updateActions();
    m_importThread->start();
}

void ProvidersPage::cancelImport()
{
    // The importer stores everything in one transaction at its end: Cancel stops it before that, or, once it is
    // storing, lets it finish (the report then says so) rather than leave the user guessing what was stored.
    if (!m_import)
        return;
    m_import->cancelled = true;
    m_cancelImport->setEnabled(false);
}

void ProvidersPage::onImportFinished()
{
    QThread *thread = std::exchange(m_importThread, nullptr);
    thread->deleteLater();
    const std::shared_ptr<Import> import = std::exchange(m_import, nullptr);
    m_importBusy->hide();
    m_cancelImport->hide();
    updateActions();
    const QString path = QDir::toNativeSeparators(import->path);

    if (!import->result) {
        // Cancelled before anything was stored.
        Q_EMIT importFinished();
        return;
    }
    if (!import->result->ok()) {
        auto *box = new QMessageBox(QMessageBox::Critical, tr("LiteLLM Import Failed"),
                                    tr("No prices were imported from %1.").arg(path), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("litellmImportError"));
        box->setInformativeText(import->result->error().toString());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT importFinished();
        return;
    }

    const LiteLlmImportReport &report = import->result->value();
    refreshStoredPrices();
    QString text = tr("Read %1 entries from %2.").arg(report.entries).arg(path) + QLatin1Char('\n') +
                   tr("Imported prices for %1 models of this workspace (%2 new or changed).")
                       .arg(report.matched)
                       .arg(report.updated) +
                   QLatin1Char('\n') +
                   tr("Unknown models (no provider of this workspace lists them): %1. Skipped entries: %2.")
                       .arg(report.unmatched.size())
                       .arg(report.skipped.size());
    if (import->cancelled)
        text += QLatin1Char('\n') + tr("Cancel came after the prices were stored; they stay imported.");
    QStringList details;
    details << tr("Imported:");
    for (const LiteLlmImportReport::Match &match : report.matches)
        details << tr("  %1/%2 from “%3”: $%4 / $%5 per 1K input / output tokens")
                       .arg(match.providerId, match.modelId, match.entry)
                       .arg(match.price.inputPer1k)
                       .arg(match.price.outputPer1k);
    details << tr("Unknown models:");
    for (const QString &entry : report.unmatched)
        details << QStringLiteral("  ") + entry;
    details << tr("Skipped:");
    for (const LiteLlmImportReport::Skipped &skipped : report.skipped)
        details << tr("  %1: %2").arg(skipped.entry, skipped.reason);

    auto *box = new QMessageBox(QMessageBox::Information, tr("LiteLLM Prices Imported"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("litellmImportReport"));
    box->setDetailedText(details.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT importFinished();
}

void ProvidersPage::refreshStoredPrices()
{
    const auto prices = ProviderRepository(m_database).prices();
    m_panel->modelsModel()->setStoredPrices(prices ? *prices : QList<ProviderRepository::PriceRecord>());
}

void ProvidersPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ProvidersPage::updateActions()
{
    const bool importing = m_importThread != nullptr;
    m_save->setEnabled(m_document->isDirty() && !importing);
    m_revert->setEnabled(m_document->isDirty() && !importing);
    m_removeProvider->setEnabled(currentRow() >= 0);
    m_importPrices->setEnabled(!importing);
}

void ProvidersPage::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_listPage->proxyModel()->mapToSource(current);
    if (!source.isValid() || source.row() >= m_model->providers().size())
        m_panel->setProvider(std::nullopt);
    else
        m_panel->setProvider(m_model->providers().at(source.row()));
    updateActions();
}

void ProvidersPage::onModelReset()
{
    // The rows were replaced: the panel must not keep showing (or testing) a provider that may be gone or changed.
    m_panel->setProvider(std::nullopt);
    updateActions();
}

}  // namespace Switchyard
