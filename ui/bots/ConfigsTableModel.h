#pragma once

#include "core/model/ProviderSpec.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QPointer>

namespace Switchyard {

class BotDocument;

/// The LLM configs of the bot open in a BotDocument, one row per config, editable cell by cell.
///
/// Every accepted edit becomes one undoable command on the document (the model never changes a config itself);
/// rejected input (a temperature of 7, metadata that is not a JSON object) is refused with editRejected().
/// Cells chosen from a list (provider, model, fallback chain, region, prompt, prompt label) offer their choices
/// through ChoicesRole, taken from the workspace's providers and prompts; ConfigItemDelegate turns them into combo
/// boxes.
class ConfigsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ActiveColumn,
        NameColumn,
        ProviderColumn,
        ModelColumn,
        TemperatureColumn,
        TopPColumn,
        TopKColumn,
        MaxOutputTokensColumn,
        PromptKeyColumn,
        PromptVersionColumn,
        PromptLabelColumn,
        ChainColumn,
        RegionColumn,
        MetadataColumn,
        ColumnCount
    };

    enum Role {
        ChoicesRole = Qt::UserRole + 1,  ///< QStringList the cell's value is chosen from; null when typed freely
        ChoicesEditableRole,             ///< bool: a value outside ChoicesRole may be typed
        ActiveRole,                      ///< bool: the row is the bot's active config
        ConfigIdRole,                    ///< qint64: the stored config id, 0 while unsaved
    };

    explicit ConfigsTableModel(BotDocument *document, QObject *parent = nullptr);

    /// The workspace's providers, models, chains and regions the choices come from.
    void setProviders(const ProvidersConfig &providers);
    const ProvidersConfig &providers() const { return m_providers; }

    /// The workspace's prompt keys with their labels, offered for the prompt and prompt label cells.
    void setPrompts(const QMap<QString, QStringList> &labelsByKey);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// An edit was refused; @p message says why and what is accepted.
    void editRejected(const QString &message);

private:
    const ProviderSpec *provider(const QString &id) const;
    QStringList choices(int row, int column) const;

    QPointer<BotDocument> m_document;
    ProvidersConfig m_providers;
    QMap<QString, QStringList> m_promptLabels;
};

}  // namespace Switchyard
