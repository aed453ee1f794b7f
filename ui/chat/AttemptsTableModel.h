#pragma once

#include "core/model/AttemptRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Switchyard {

/// The path of one answer: every attempt of its call with outcome, HTTP status, error class and latency, plus one row
/// per stream restart (text from a failed hop that was shown and discarded).
class AttemptsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Hop, Target, Outcome, HttpStatus, ErrorClass, Latency, Reason, ColumnCount };

    explicit AttemptsTableModel(QObject *parent = nullptr);

    void setAttempts(const QList<AttemptRecord> &attempts, const QStringList &restarts = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AttemptRecord> m_attempts;
    QStringList m_restarts;
};

}  // namespace Switchyard
