#pragma once

#include "core/model/PromptVersion.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Read-only table of one prompt's versions, newest first: number, created (local time), author, note and the
/// labels that point at each version. Sort and filter it with a QSortFilterProxyModel (display data sorts as
/// numbers and dates; filtering on all columns finds notes, authors and labels).
class PromptVersionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { VersionColumn, CreatedColumn, AuthorColumn, NoteColumn, LabelsColumn, ColumnCount };
    enum Role {
        VersionRole = Qt::UserRole + 1,  ///< int: the version number (in every column)
    };

    explicit PromptVersionsModel(QObject *parent = nullptr);

    /// Replaces the contents (a model reset). @p versions in any order; @p labels of the same prompt.
    void setVersions(const QList<PromptVersion> &versions, const QList<PromptLabel> &labels);
    void clear();

    /// The version shown in @p row, or nullptr.
    const PromptVersion *versionAt(int row) const;
    /// The row showing version @p number, or -1.
    int rowOf(int number) const;
    /// The label names pointing at version @p number, sorted.
    QStringList labelsAt(int number) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PromptVersion> m_versions;  ///< newest first
    QList<PromptLabel> m_labels;
};

}  // namespace Switchyard
