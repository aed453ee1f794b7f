#pragma once

#include "core/routing/BreakerEvent.h"
#include "core/routing/FaultInjector.h"
#include "core/routing/PlannedHop.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Switchyard {

class ChatService;

/// The hops of a chain as the chaos panel shows them: one row per hop with its provider, model and region, the fault
/// armed for it in the service's FaultInjector and its circuit breaker's state. Both follow the service live (the
/// injector's armedChanged(), the service's breakerChanged()), so a fault that fired disarms its row by itself.
///
/// The Fault cell is editable: setting it to a kind's name (InjectedFault::name()) arms the hop, an empty value
/// disarms it; ChoicesRole lists what it accepts.
class ChaosHopsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { HopColumn, ProviderColumn, ModelColumn, RegionColumn, FaultColumn, BreakerColumn, ColumnCount };

    enum Role {
        BreakerStateRole = Qt::UserRole + 1,  ///< int: BreakerState of the hop's breaker
        ArmedKindRole,                        ///< QString: InjectedFault::name() of the armed fault; empty = none
        ChoicesRole,                          ///< QStringList: the names the Fault cell accepts ("" = none first)
    };

    /// @p service must outlive the model.
    explicit ChaosHopsModel(ChatService *service, QObject *parent = nullptr);

    void setHops(const QList<PlannedHop> &hops);
    const QList<PlannedHop> &hops() const { return m_hops; }
    /// Re-reads every hop's breaker state from the registry: an open breaker turns half-open by the clock alone,
    /// without a change event.
    void refreshBreakers();

    /// What the studio calls each fault kind and breaker state.
    static QString faultDisplayName(InjectedFault::Kind kind);
    static QString breakerStateDisplayName(BreakerState state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onArmedChanged(int hopIndex);
    void onBreakerChanged(const BreakerKey &key, BreakerState state);
    BreakerState breakerState(int row) const;

    QPointer<ChatService> m_service;
    QList<PlannedHop> m_hops;
    QList<BreakerState> m_states;  ///< per row, refreshed from the registry and the service's signal
};

}  // namespace Switchyard
