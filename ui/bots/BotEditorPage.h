#pragma once

#include "core/model/ProviderSpec.h"

#include <QMap>
#include <QMessageBox>
#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace Switchyard {

class AvatarPicker;
class BotDocument;
class ChainPathView;
class ConfigsTableModel;
class Database;
class PriceCatalogue;

/// Edits one bot: its fields in a form, its LLM configs in a table, with undo/redo, Save and Revert.
///
/// Edits are commands on the page's BotDocument. Saving writes the bot and its configs in one transaction; a failed
/// save keeps every edit and says why in the error line (object name "botEditorError"). "Activate" switches the
/// bot's active config in the database at once, undoably.
///
/// Object names for tests: botNameEdit, botSlugEdit, botSlugStatus, botDescriptionEdit, botAvatarEdit,
/// botStatusCombo, botTypeEdit, botRankSpin, botMetadataEdit, botMetadataError, configsView, chainPathView,
/// botEditorError, botEditorEmpty, the avatar picker's botAvatarButton, botAvatarPreview and botAvatarWarning, and
/// the actions newConfigAction, activateConfigAction, deleteConfigAction, saveBotAction,
/// revertBotAction, undoBotAction, redoBotAction.
class BotEditorPage : public QWidget {
    Q_OBJECT

public:
    /// Asked before unsaved edits would be lost; answers QMessageBox::Save, Discard or Cancel.
    using UnsavedChangesQuestion = std::function<QMessageBox::StandardButton(QWidget *parent, const QString &botName)>;

    explicit BotEditorPage(Database &database, QWidget *parent = nullptr);
    ~BotEditorPage() override;

    BotDocument *document() const { return m_document; }
    ConfigsTableModel *configsModel() const { return m_configsModel; }
    QTableView *configsView() const { return m_configsView; }
    /// The fallback path of the selected config (else the active one), under the configs table.
    ChainPathView *chainPathView() const { return m_chainPath; }
    AvatarPicker *avatarPicker() const { return m_avatar; }

    /// Opens the stored bot @p botId (after maybeSave() is the caller's business). False, with the error shown,
    /// when it can't be read.
    bool openBot(qint64 botId);
    /// Starts a new bot.
    void newBot();
    /// Leaves the editor empty.
    void closeBot();

    /// The providers, models, chains and regions the config table offers.
    void setProviders(const ProvidersConfig &providers);
    /// The prompt keys and their labels the config table offers.
    void setPrompts(const QMap<QString, QStringList> &labelsByKey);

    /// When there are unsaved edits, asks whether to save them: Save saves (false when that fails), Discard reverts,
    /// Cancel returns false. True when it is fine to move on.
    bool maybeSave();
    /// Test seam: replaces the question maybeSave() asks (a modal message box by default).
    void setUnsavedChangesQuestion(UnsavedChangesQuestion question);

    /// Saves; on failure shows why and returns false.
    bool save();
    /// Throws away unsaved edits.
    void revert();

    /// The error line's text; empty when no error is shown.
    QString errorText() const;

    QAction *newConfigAction() const { return m_newConfig; }
    QAction *activateConfigAction() const { return m_activateConfig; }
    QAction *deleteConfigAction() const { return m_deleteConfig; }
    QAction *compareConfigsAction() const { return m_compareConfigs; }
    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

Q_SIGNALS:
    /// The bot @p botId was written to the database (created or updated).
    void botSaved(qint64 botId);
    /// The bot's name or the dirty state changed, or another bot was opened: titles need updating.
    void documentStateChanged();

private:
    QWidget *createForm();
    QWidget *createConfigs();
    void showError(const QString &message);
    void updateFromDocument();
    void updateSlugStatus();
    void updateActions();
    void compareSelectedConfigs();
    void onMetadataEdited();
    int currentConfigRow() const;
    void addConfig();
    void activateCurrentConfig();
    void deleteCurrentConfig();
    void updateChainPath();

    BotDocument *m_document = nullptr;
    ConfigsTableModel *m_configsModel = nullptr;
    UnsavedChangesQuestion m_question;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_error = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_slug = nullptr;
    QLabel *m_slugStatus = nullptr;
    QPlainTextEdit *m_description = nullptr;
    AvatarPicker *m_avatar = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_type = nullptr;
    QSpinBox *m_rank = nullptr;
    QPlainTextEdit *m_metadata = nullptr;
    QLabel *m_metadataError = nullptr;
    QTableView *m_configsView = nullptr;
    ChainPathView *m_chainPath = nullptr;
    std::unique_ptr<PriceCatalogue> m_prices;  ///< effective prices for the chain path, re-read with the providers
    QScrollArea *m_chainPathScroll = nullptr;

    QAction *m_newConfig = nullptr;
    QAction *m_activateConfig = nullptr;
    QAction *m_deleteConfig = nullptr;
    QAction *m_compareConfigs = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;

    bool m_updating = false;  ///< true while widgets are filled from the document, so that is not an edit
};

}  // namespace Switchyard
