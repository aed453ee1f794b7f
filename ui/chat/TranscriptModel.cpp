#include "ui/chat/TranscriptModel.h"

#include "ui/chat/AnswerFeedbackButtons.h"

#include <QKeySequence>

namespace Switchyard {

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent) {}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TranscriptEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.text;
    case RoleRole:
        return int(entry.role);
    case StreamingRole:
        return entry.streaming;
    case SummaryRole:
        if (!entry.call)
            return QString();
        return summary(*entry.call) + (entry.rating > 0   ? tr(" · rated good")
                                       : entry.rating < 0 ? tr(" · rated bad")
                                                          : QString());
    case CallUuidRole:
        return entry.call ? entry.call->uuid : QString();
    case RatingRole:
        return entry.call ? QVariant(entry.rating) : QVariant();
    case GoodRatingAllowedRole:
        return acceptsRating(index.row(), 1);
    case Qt::AccessibleDescriptionRole:
        if (!entry.call)
            return QString();
        return (entry.rating > 0   ? tr("Rated good.")
                : entry.rating < 0 ? tr("Rated bad.")
                                   : tr("Not rated.")) +
               QLatin1Char(' ') +
               tr("Rate it good with %1, bad with %2, or with a comment with %3.")
                   .arg(AnswerFeedbackButtons::shortcut(AnswerFeedbackButtons::Button::Good)
                            .toString(QKeySequence::NativeText),
                        AnswerFeedbackButtons::shortcut(AnswerFeedbackButtons::Button::Bad)
                            .toString(QKeySequence::NativeText),
                        AnswerFeedbackButtons::shortcut(AnswerFeedbackButtons::Button::Comment)
                            .toString(QKeySequence::NativeText));
    default:
        return {};
    }
}

int TranscriptModel::append(TranscriptEntry entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(std::move(entry));
    endInsertRows();
    return row;
}

void TranscriptModel::appendText(int row, const QString &text)
{
    if (row < 0 || row >= m_entries.size() || text.isEmpty())
        return;
    m_entries[row].text += text;
    changed(row);
}

void TranscriptModel::restart(int row, const QString &reason)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].text.clear();
    m_entries[row].restarts.append(reason);
    changed(row);
}

void TranscriptModel::finish(int row, const CallRecord &call, const QString &system)
{
    if (row < 0 || row >= m_entries.size())
        return;
    TranscriptEntry &entry = m_entries[row];
    entry.streaming = false;
    entry.call = call;
    entry.system = system;
    // From the record, not from what streamed: a reopened answer shows its restarts exactly as the live one did.
    entry.restarts = call.restartNotes();
    if (call.status == CallRecord::Status::Cancelled)
        entry.text += (entry.text.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("*(stopped)*");
    else if (call.status == CallRecord::Status::Failed && entry.text.isEmpty())
        entry.text = tr("**The call failed:** %1").arg(call.errorMessage);
    changed(row);
}

void TranscriptModel::setRating(int row, int rating)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].rating = rating;
    // The text stays: a view keeps the answer's laid-out document and repaints the summary line.
    changed(row, {SummaryRole, RatingRole, Qt::AccessibleDescriptionRole});
}

bool TranscriptModel::acceptsRating(int row, int rating) const
{
    if (row < 0 || row >= m_entries.size() || (rating != 1 && rating != -1))
        return false;
    const TranscriptEntry &entry = m_entries.at(row);
    return entry.call && (rating < 0 || entry.call->status == CallRecord::Status::Ok);
}

void TranscriptModel::truncate(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, int(m_entries.size()) - 1);
    m_entries.resize(row);
    endRemoveRows();
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int TranscriptModel::lastRow(TranscriptEntry::Role role) const
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).role == role)
            return row;
    }
    return -1;
}

QString TranscriptModel::summary(const CallRecord &call)
{
    QStringList parts;
    if (!call.servedProvider.isEmpty()) {
        parts << (call.servedRegion.isEmpty()
                      ? tr("%1 via %2").arg(call.servedModel, call.servedProvider)
                      : tr("%1 via %2 (%3)").arg(call.servedModel, call.servedProvider, call.servedRegion));
    } else {
        parts << CallRecord::statusName(call.status);
    }
    parts << tr("%1 in / %2 out tokens").arg(call.usage.totalInput()).arg(call.usage.totalOutput());
    parts << tr("$%1").arg(call.costUsd, 0, 'f', 6);
    if (call.latencyMs) {
        parts << (call.ttftMs ? tr("%1 ms (first token %2 ms)").arg(*call.latencyMs).arg(*call.ttftMs)
                              : tr("%1 ms").arg(*call.latencyMs));
    }
    if (call.attempts.size() > 1)
        parts << tr("%1 attempts").arg(call.attempts.size());
    return parts.join(QStringLiteral(" · "));
}

void TranscriptModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

}  // namespace Switchyard
