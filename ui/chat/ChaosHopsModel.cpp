#include "ui/chat/ChaosHopsModel.h"

#include "core/engine/ChatService.h"
#include "core/routing/BreakerRegistry.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Switchyard {

ChaosHopsModel::ChaosHopsModel(ChatService *service, QObject *parent) : QAbstractTableModel(parent), m_service(service)
{
    Q_ASSERT(service);
    // The injector may be changed from another thread; the model as context makes these calls queued then.
    connect(&service->faultInjector(), &FaultInjector::armedChanged, this, &ChaosHopsModel::onArmedChanged);
    connect(service, &ChatService::breakerChanged, this, &ChaosHopsModel::onBreakerChanged);
}

void ChaosHopsModel::setHops(const QList<PlannedHop> &hops)
{
    beginResetModel();
    m_hops = hops;
    m_states.clear();
    for (const PlannedHop &hop : std::as_const(m_hops))
        m_states.append(m_service ? m_service->breakers().state(hop.breakerKey()) : BreakerState::Closed);
    endResetModel();
}

void ChaosHopsModel::refreshBreakers()
{
    if (!m_service)
        return;
    for (int row = 0; row < m_hops.size(); ++row)
        onBreakerChanged(m_hops.at(row).breakerKey(), m_service->breakers().state(m_hops.at(row).breakerKey()));
}

QString ChaosHopsModel::faultDisplayName(InjectedFault::Kind kind)
{
    switch (kind) {
    case InjectedFault::Kind::RateLimited:
        return tr("429 rate limited");
    case InjectedFault::Kind::ServerError:
        return tr("500 server error");
    case InjectedFault::Kind::Unavailable:
        return tr("503 unavailable");
    case InjectedFault::Kind::Timeout:
        return tr("Timeout");
    case InjectedFault::Kind::StreamCut:
        return tr("Stream cut");
    case InjectedFault::Kind::ContextLength:
        return tr("Context too long");
    }
    return {};
}

QString ChaosHopsModel::breakerStateDisplayName(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed:
        return tr("Closed");
    case BreakerState::Open:
        return tr("Open");
    case BreakerState::HalfOpen:
        return tr("Half-open");
    case BreakerState::ForcedOpen:
        return tr("Forced open");
    }
    return {};
}

int ChaosHopsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hops.size());
}

int ChaosHopsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

BreakerState ChaosHopsModel::breakerState(int row) const
{
    return m_states.value(row, BreakerState::Closed);
}

QVariant ChaosHopsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const PlannedHop &hop = m_hops.at(row);
    // Kind and flag apart, not the optional itself: GCC's -O2 flow analysis takes a copied optional's payload for
    // uninitialised (-Wmaybe-uninitialized) even behind the has_value() check.
    const std::optional<InjectedFault> fault = m_service ? m_service->faultInjector().armed(row) : std::nullopt;
    const bool isArmed = fault.has_value();
    const InjectedFault::Kind armedKind = isArmed ? fault->kind : InjectedFault::Kind::RateLimited;
    const BreakerState state = breakerState(row);

    switch (role) {
    case BreakerStateRole:
        return int(state);
    case ArmedKindRole:
        return isArmed ? InjectedFault::name(armedKind) : QString();
    case ChoicesRole: {
        QStringList names{QString()};
        for (InjectedFault::Kind kind : InjectedFault::kinds())
            names << InjectedFault::name(kind);
        return names;
    }
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case HopColumn:
            return row;
        case ProviderColumn:
            return hop.provider;
        case ModelColumn:
            return hop.model;
        case RegionColumn:
            return hop.region;
        case FaultColumn:
            if (role == Qt::EditRole)
                return isArmed ? InjectedFault::name(armedKind) : QString();
            return isArmed ? tr("Armed: %1").arg(faultDisplayName(armedKind)) : QString();
        case BreakerColumn:
            return breakerStateDisplayName(state);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FaultColumn)
            return isArmed ? tr("The next call that reaches this hop fails this way; then it disarms.")
                           : tr("No fault armed: calls reach the provider normally.");
        if (index.column() == BreakerColumn)
            return tr("Circuit breaker %1").arg(hop.breakerKey().toString());
        return {};
    case Qt::FontRole:
        if (index.column() == FaultColumn && isArmed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == BreakerColumn) {
            // Traffic-light colours, dark enough to read on light and dark themes.
            switch (state) {
            case BreakerState::Closed:
                return QBrush(QColor(0x2e, 0x7d, 0x32));
            case BreakerState::HalfOpen:
                return QBrush(QColor(0xc7, 0x7c, 0x02));
            case BreakerState::Open:
            case BreakerState::ForcedOpen:
                return QBrush(QColor(0xc6, 0x28, 0x28));
            }
        }
        if (index.column() == FaultColumn && isArmed)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    default:
        return {};
    }
}

bool ChaosHopsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != FaultColumn || role != Qt::EditRole || !m_service)
        return false;
    const QString name = value.toString();
    if (name.isEmpty()) {
        m_service->faultInjector().disarm(index.row());
        return true;
    }
    const std::optional<InjectedFault::Kind> kind = InjectedFault::fromName(name);
    if (!kind)
        return false;
    InjectedFault fault;
    fault.kind = *kind;
    m_service->faultInjector().arm(index.row(), fault);  // armedChanged() refreshes the row
    return true;
}

Qt::ItemFlags ChaosHopsModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == FaultColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ChaosHopsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HopColumn:
        return tr("Hop");
    case ProviderColumn:
        return tr("Provider");
    case ModelColumn:
        return tr("Model");
    case RegionColumn:
        return tr("Region");
    case FaultColumn:
        return tr("Fault");
    case BreakerColumn:
        return tr("Breaker");
    }
    return {};
}

void ChaosHopsModel::onArmedChanged(int hopIndex)
{
    if (hopIndex < 0 || hopIndex >= m_hops.size())
        return;
    Q_EMIT dataChanged(index(hopIndex, FaultColumn), index(hopIndex, FaultColumn));
}

void ChaosHopsModel::onBreakerChanged(const BreakerKey &key, BreakerState state)
{
    for (int row = 0; row < m_hops.size(); ++row) {
        if (m_hops.at(row).breakerKey() == key && m_states.at(row) != state) {
            m_states[row] = state;
            Q_EMIT dataChanged(index(row, BreakerColumn), index(row, BreakerColumn));
        }
    }
}

}  // namespace Switchyard
