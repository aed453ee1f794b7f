#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace Switchyard {

/// The A/B view of two LLM configs: one row per field of the configs table (name, provider, model, sampling, prompt,
/// chain, region, metadata), the two values side by side, and the rows whose values differ marked (bold, tinted,
/// DifferentRole). A snapshot: it copies the values when built, so the view stays as it was when opened.
class ConfigComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, FirstColumn, SecondColumn, ColumnCount };
    enum Role { DifferentRole = Qt::UserRole + 1 };

    /// Compares rows @p first and @p second of @p configs (a ConfigsTableModel: its header names the fields, its
    /// DisplayRole gives the values as the table shows them). The Active column is left out: it is not a setting.
    ConfigComparisonModel(const QAbstractItemModel &configs, int first, int second, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How many fields differ.
    int differenceCount() const;
    bool isDifferent(int row) const { return m_different.value(row); }

private:
    QString m_firstName;
    QString m_secondName;
    QStringList m_fields;
    QStringList m_first;
    QStringList m_second;
    QVector<bool> m_different;
};

}  // namespace Switchyard
