#pragma once

#include "core/model/LlmConfig.h"
#include "core/model/ProviderSpec.h"
#include "core/routing/PlannedHop.h"

#include <QList>
#include <QRect>
#include <QStringList>
#include <QWidget>
#include <optional>

namespace Switchyard {

class PriceCatalogue;

/// Draws the effective fallback chain of one LLM config as a path of boxes: primary → rule and chain hops →
/// universal fallback, each with provider / model / region, context window and price per 1M tokens.
///
/// The path is ChainPlanner's plan for the config on the workspace's providers, so it is exactly the order the engine
/// tries. A hop whose context window is smaller than the primary's gets a warning icon, a warning border and a
/// tooltip: a long conversation that fits the primary may not fit there. Hops the planner had to leave out are listed
/// under the path. Colours come from the palette, so light and dark themes both work.
///
/// Object name "chainPathView".
class ChainPathView : public QWidget {
    Q_OBJECT

public:
    /// One drawn hop (the test seam: what the view shows, in order).
    struct Hop {
        QString provider;
        QString model;
        QString region;
        int contextWindow = 0;  ///< 0 = unknown
        Price price;            ///< USD per 1K tokens: the effective price accounting charges
        QString priceSource;    ///< "providers.yaml", "litellm" or "manual"; empty when no price is known
        PlannedHop::Origin origin = PlannedHop::Origin::Primary;
        QString originName;  ///< the chain's name for chain hops
        bool smallerContextThanPrimary = false;
        /// The workspace's universal fallback. Usually the last hop; when a rule or chain already tried the same
        /// model there, the planner keeps that earlier place and this hop carries the mark.
        bool universalFallback = false;

        bool isUniversalFallback() const { return universalFallback; }
    };

    explicit ChainPathView(QWidget *parent = nullptr);

    /// The workspace's providers, chains, rules and universal fallback the path is planned on.
    void setProviders(const ProvidersConfig &providers);
    /// Where hop prices come from: the catalogue's effective price (manual, else providers.yaml, else LiteLLM), as
    /// accounting charges it. Without one (or for a model it has no price for) the providers.yaml price is shown.
    /// The catalogue must outlive the view; call setProviders() after reloading it.
    void setPriceCatalogue(const PriceCatalogue *catalogue);
    /// The config whose path is drawn; empty draws a hint instead.
    void setConfig(const std::optional<LlmConfig> &config);

    QList<Hop> hops() const { return m_hops; }
    /// What the planner left out (unknown provider, model or chain), one sentence each.
    QStringList warnings() const { return m_warnings; }

    /// "128K tokens", "1.05M tokens", or "context unknown".
    static QString contextText(int contextWindow);
    /// "$0.15 / $0.60 per 1M in / out", or "price unknown".
    static QString priceText(const Price &price);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void replan();
    QRect boxRect(int index) const;
    QString originText(const Hop &hop) const;
    QString toolTipFor(const Hop &hop) const;

    ProvidersConfig m_providers;
    const PriceCatalogue *m_prices = nullptr;
    std::optional<LlmConfig> m_config;
    QList<Hop> m_hops;
    QStringList m_warnings;
};

}  // namespace Switchyard
