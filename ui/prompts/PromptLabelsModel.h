#pragma once

#include "core/model/PromptVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of one prompt's labels: each label and the version it points at, sorted by label.
class PromptLabelsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LabelColumn, VersionColumn, ColumnCount };
    enum Role {
        VersionRole = Qt::UserRole + 1,  ///< int: the version the label points at
    };

    explicit PromptLabelsModel(QObject *parent = nullptr);

    void setLabels(const QList<PromptLabel> &labels);
    const QList<PromptLabel> &labels() const { return m_labels; }
    /// The version @p label points at; 0 when there is no such label.
    int versionOf(const QString &label) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PromptLabel> m_labels;
};

}  // namespace Switchyard
