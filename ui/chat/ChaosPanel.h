#pragma once

#include "core/model/LlmConfig.h"
#include "core/model/ProviderSpec.h"
#include "core/routing/ChainPlan.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace Switchyard {

class ChatService;
class ChaosHopsModel;

/// Chaos controls for the chat tester: one row per hop of the chain (provider / model / region) with the fault
/// armed for the next call and the hop's circuit breaker, live. Pick a hop, choose a fault and Arm it (it disarms
/// by itself once a call consumed it); Force Open / Reset act on the hop's breaker (recorded with actor "studio").
/// Standalone: the chat page embeds it and hands it the plan of the config being chatted with.
class ChaosPanel : public QWidget {
    Q_OBJECT

public:
    /// @p service must outlive the panel.
    explicit ChaosPanel(ChatService *service, QWidget *parent = nullptr);

    /// Shows @p plan's hops (the order the engine tries them in).
    void setPlan(const ChainPlan &plan);
    /// Plans @p config's chain over @p providers (as the engine will) and shows it.
    void setConfig(const ProvidersConfig &providers, const LlmConfig &config);

    ChaosHopsModel *model() const { return m_model; }
    /// The selected hop, -1 when none.
    int currentHop() const;
    void setCurrentHop(int hop);

private:
    void armSelected();
    void disarmSelected();
    void forceOpenSelected();
    void resetSelected();
    void updateButtons();

    QPointer<ChatService> m_service;
    ChaosHopsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_faultCombo = nullptr;
    QPushButton *m_armButton = nullptr;
    QPushButton *m_disarmButton = nullptr;
    QPushButton *m_forceOpenButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QTimer m_breakerRefresh;
};

}  // namespace Switchyard
