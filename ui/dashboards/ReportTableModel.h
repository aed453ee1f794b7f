#pragma once

#include "core/reporting/ReportTable.h"

#include <QAbstractTableModel>

namespace Switchyard {

/// A ReportTable as a read-only table: the report's column names as headers and each cell as the CLI prints it
/// ("-" for nothing), so what the dashboards list is what `switchyard-cli report ... --format table` prints.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(const ReportTable &table);
    const ReportTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ReportTable m_table;
};

}  // namespace Switchyard
