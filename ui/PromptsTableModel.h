#pragma once

#include "core/model/PromptVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of the workspace's prompts: one row per key with its latest version, version count and labels.
class PromptsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { KeyColumn, LatestColumn, VersionsColumn, LabelsColumn, AuthorColumn, UpdatedColumn, ColumnCount };

    /// What one row shows about a prompt key.
    struct Row {
        PromptVersion latest;  ///< latest.key is the prompt's key
        int versionCount = 0;
        QList<PromptLabel> labels;
    };

    explicit PromptsTableModel(QObject *parent = nullptr);

    /// Replaces the rows (a model reset).
    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "production → v3, staging → v4", labels sorted by name.
    static QString labelsText(const QList<PromptLabel> &labels);

private:
    QList<Row> m_rows;
};

}  // namespace Switchyard
