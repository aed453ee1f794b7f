#include "ui/chat/AttemptsTableModel.h"

#include <QBrush>
#include <QColor>

namespace Switchyard {

AttemptsTableModel::AttemptsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AttemptsTableModel::setAttempts(const QList<AttemptRecord> &attempts, const QStringList &restarts)
{
    beginResetModel();
    m_attempts = attempts;
    m_restarts = restarts;
    endResetModel();
}

int AttemptsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attempts.size() + m_restarts.size());
}

int AttemptsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() >= m_attempts.size()) {
        // Restarts follow the attempts, in the order they happened (the record notes each on the attempt it ended;
        // a row of their own keeps that attempt's row as it was).
        if (role != Qt::DisplayRole)
            return {};
        const QString &reason = m_restarts.at(index.row() - m_attempts.size());
        switch (index.column()) {
        case Outcome:
            return tr("stream restarted");
        case Reason:
            return reason;
        default:
            return {};
        }
    }
    const AttemptRecord &attempt = m_attempts.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Outcome) {
        return attempt.outcome == AttemptRecord::Outcome::Succeeded ? QVariant()
                                                                    : QVariant(QBrush(QColor(0xb0, 0x30, 0x30)));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Hop:
        return attempt.retryIndex == 0 ? QString::number(attempt.hopIndex + 1)
                                       : tr("%1 (retry %2)").arg(attempt.hopIndex + 1).arg(attempt.retryIndex);
    case Target:
        return attempt.region.isEmpty() ? tr("%1 / %2").arg(attempt.provider, attempt.model)
                                        : tr("%1 / %2 / %3").arg(attempt.provider, attempt.model, attempt.region);
    case Outcome:
        return AttemptRecord::outcomeName(attempt.outcome);
    case HttpStatus:
        return attempt.httpStatus ? QVariant(*attempt.httpStatus) : QVariant();
    case ErrorClass:
        return attempt.errorClass == FailureClass::None ? QString() : failureClassName(attempt.errorClass);
    case Latency:
        return attempt.latencyMs ? tr("%1 ms").arg(*attempt.latencyMs) : QString();
    case Reason:
        return attempt.errorMessage;
    default:
        return {};
    }
}

QVariant AttemptsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Hop:
        return tr("Hop");
    case Target:
        return tr("Provider / model");
    case Outcome:
        return tr("Outcome");
    case HttpStatus:
        return tr("HTTP");
    case ErrorClass:
        return tr("Error class");
    case Latency:
        return tr("Latency");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

}  // namespace Switchyard
