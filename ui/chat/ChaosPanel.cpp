#include "ui/chat/ChaosPanel.h"

#include "core/engine/ChatService.h"
#include "core/routing/ChainPlanner.h"
#include "ui/chat/ChaosHopsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

ChaosPanel::ChaosPanel(ChatService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new ChaosHopsModel(service, this))
{
    setObjectName(QStringLiteral("chaosPanel"));

    auto *intro =
        new QLabel(tr("Fail a hop of the next call the way its provider would, and watch the fallback."), this);
    intro->setWordWrap(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("chaosHopsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);  // armed through the controls below
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_faultCombo = new QComboBox(this);
    m_faultCombo->setObjectName(QStringLiteral("chaosFaultCombo"));
    for (InjectedFault::Kind kind : InjectedFault::kinds())
        m_faultCombo->addItem(ChaosHopsModel::faultDisplayName(kind), InjectedFault::name(kind));
    m_armButton = new QPushButton(tr("Arm"), this);
    m_armButton->setObjectName(QStringLiteral("chaosArmButton"));
    m_armButton->setToolTip(tr("Fail the selected hop of the next call with this fault."));
    m_disarmButton = new QPushButton(tr("Disarm"), this);
    m_disarmButton->setObjectName(QStringLiteral("chaosDisarmButton"));
    m_forceOpenButton = new QPushButton(tr("Force Open"), this);
    m_forceOpenButton->setObjectName(QStringLiteral("chaosForceOpenButton"));
    m_forceOpenButton->setToolTip(tr("Open the selected hop's circuit breaker: calls skip it until it is reset."));
    m_resetButton = new QPushButton(tr("Reset"), this);
    m_resetButton->setObjectName(QStringLiteral("chaosResetButton"));
    m_resetButton->setToolTip(tr("Close the selected hop's circuit breaker."));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_faultCombo, 1);
    controls->addWidget(m_armButton);
    controls->addWidget(m_disarmButton);
    controls->addSpacing(12);
    controls->addWidget(m_forceOpenButton);
    controls->addWidget(m_resetButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);

    connect(m_armButton, &QPushButton::clicked, this, &ChaosPanel::armSelected);
    connect(m_disarmButton, &QPushButton::clicked, this, &ChaosPanel::disarmSelected);
    connect(m_forceOpenButton, &QPushButton::clicked, this, &ChaosPanel::forceOpenSelected);
    connect(m_resetButton, &QPushButton::clicked, this, &ChaosPanel::resetSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ChaosPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChaosPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChaosPanel::updateButtons);

    // An open breaker turns half-open by the clock, without an event: look again now and then.
    m_breakerRefresh.setInterval(1000);
    connect(&m_breakerRefresh, &QTimer::timeout, m_model, &ChaosHopsModel::refreshBreakers);
    m_breakerRefresh.start();
    updateButtons();
}

void ChaosPanel::setPlan(const ChainPlan &plan)
{
    m_model->setHops(plan.hops);
    if (!plan.hops.isEmpty())
        setCurrentHop(0);
}

void ChaosPanel::setConfig(const ProvidersConfig &providers, const LlmConfig &config)
{
    // The system instruction does not change which hops are planned.
    setPlan(ChainPlanner(providers).plan(config, QString()));
}

int ChaosPanel::currentHop() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ChaosPanel::setCurrentHop(int hop)
{
    m_view->selectionModel()->setCurrentIndex(m_model->index(hop, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ChaosPanel::armSelected()
{
    const int hop = currentHop();
    if (hop < 0)
        return;
    m_model->setData(m_model->index(hop, ChaosHopsModel::FaultColumn), m_faultCombo->currentData());
}

void ChaosPanel::disarmSelected()
{
    const int hop = currentHop();
    if (hop >= 0)
        m_model->setData(m_model->index(hop, ChaosHopsModel::FaultColumn), QString());
}

void ChaosPanel::forceOpenSelected()
{
    const int hop = currentHop();
    if (hop < 0 || !m_service)
        return;
    m_service->forceOpenBreaker(m_model->hops().at(hop).breakerKey(), QStringLiteral("studio"),
                                QStringLiteral("forced open from the chat tester's chaos controls"));
}

void ChaosPanel::resetSelected()
{
    const int hop = currentHop();
    if (hop < 0 || !m_service)
        return;
    m_service->resetBreaker(m_model->hops().at(hop).breakerKey(), QStringLiteral("studio"),
                            QStringLiteral("reset from the chat tester's chaos controls"));
}

void ChaosPanel::updateButtons()
{
    const int hop = currentHop();
    const bool selected = hop >= 0;
    const bool armed = selected && !m_model->index(hop, 0).data(ChaosHopsModel::ArmedKindRole).toString().isEmpty();
    const auto state = selected ? BreakerState(m_model->index(hop, 0).data(ChaosHopsModel::BreakerStateRole).toInt())
                                : BreakerState::Closed;
    m_faultCombo->setEnabled(selected);
    m_armButton->setEnabled(selected);
    m_disarmButton->setEnabled(armed);
    m_forceOpenButton->setEnabled(selected && state != BreakerState::ForcedOpen);
    m_resetButton->setEnabled(selected && state != BreakerState::Closed);
}

}  // namespace Switchyard
