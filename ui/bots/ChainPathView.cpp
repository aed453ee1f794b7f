#include "ChainPathView.h"

#include "core/accounting/PriceCatalogue.h"
#include "core/routing/ChainPlanner.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QToolTip>

namespace Switchyard {

namespace {

constexpr int Margin = 8;
constexpr int BoxWidth = 210;
constexpr int ArrowWidth = 36;
constexpr int Padding = 6;
constexpr int IconSize = 16;
constexpr int TextLines = 5;  // origin, provider, model + region, context, price

/// A colour halfway between two palette colours, so accents stay readable on light and dark themes.
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

/// @p value with at most @p decimals decimals and at least @p minDecimals: trailing zeros beyond those are dropped.
QString trimmedNumber(double value, int decimals, int minDecimals = 0)
{
    QString text = QLocale().toString(value, 'f', decimals);
    const QString point = QLocale().decimalPoint();
    const qsizetype pointAt = text.indexOf(point);
    if (pointAt < 0)
        return text;
    while (text.endsWith(QLatin1Char('0')) && text.size() - pointAt - point.size() > minDecimals)
        text.chop(1);
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}

}  // namespace

ChainPathView::ChainPathView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chainPathView"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Fallback path"));
}

void ChainPathView::setProviders(const ProvidersConfig &providers)
{
    m_providers = providers;
    replan();
}

void ChainPathView::setPriceCatalogue(const PriceCatalogue *catalogue)
{
    m_prices = catalogue;
    replan();
}

void ChainPathView::setConfig(const std::optional<LlmConfig> &config)
{
    m_config = config;
    replan();
}

void ChainPathView::replan()
{
    m_hops.clear();
    m_warnings.clear();
    if (m_config) {
        // The same planner the engine uses; the system instruction does not change the path.
        const ChainPlan plan = ChainPlanner(m_providers).plan(*m_config, QString());
        const std::optional<ChainHop> &universal = m_providers.universalFallback;
        for (const PlannedHop &planned : plan.hops) {
            const bool isUniversal =
                planned.origin == PlannedHop::Origin::Universal ||
                (universal && universal->provider == planned.provider && universal->model == planned.model &&
                 (universal->region.isEmpty() || universal->region == planned.region));
            Hop hop{planned.provider,
                    planned.model,
                    planned.region,
                    planned.contextWindow,
                    planned.price,
                    {},
                    planned.origin,
                    planned.originName,
                    planned.smallerContextThanPrimary,
                    isUniversal};
            const auto effective = m_prices ? m_prices->find(planned.provider, planned.model)
                                            : std::optional<ProviderRepository::PriceRecord>();
            if (effective) {
                hop.price = effective->price;
                hop.priceSource = ProviderRepository::priceSourceName(effective->source);
            } else if (hop.price.inputPer1k > 0.0 || hop.price.outputPer1k > 0.0) {
                hop.priceSource = ProviderRepository::priceSourceName(ProviderRepository::PriceSource::ProvidersYaml);
            }
            m_hops.append(hop);
        }
        m_warnings = plan.warnings;
    }
    QString description;
    for (const Hop &hop : std::as_const(m_hops))
        description +=
            (description.isEmpty() ? QString() : QStringLiteral(" → ")) + hop.provider + QLatin1Char('/') + hop.model;
    setAccessibleDescription(description);
    updateGeometry();
    update();
}

QString ChainPathView::contextText(int contextWindow)
{
    if (contextWindow <= 0)
        return tr("context unknown");
    if (contextWindow >= 1000000)
        return tr("%1M tokens").arg(trimmedNumber(contextWindow / 1000000.0, 2));
    if (contextWindow >= 1000)
        return tr("%1K tokens").arg(trimmedNumber(contextWindow / 1000.0, 1));
    return tr("%1 tokens").arg(contextWindow);
}

QString ChainPathView::priceText(const Price &price)
{
    if (price.inputPer1k <= 0.0 && price.outputPer1k <= 0.0)
        return tr("price unknown");
    // Stored per 1K tokens; per 1M reads better for today's prices (0.15 rather than 0.00015).
    return tr("$%1 / $%2 per 1M in / out")
        .arg(trimmedNumber(price.inputPer1k * 1000.0, 3, 2), trimmedNumber(price.outputPer1k * 1000.0, 3, 2));
}

QString ChainPathView::originText(const Hop &hop) const
{
    if (hop.isUniversalFallback() && hop.origin != PlannedHop::Origin::Universal) {
        Hop plain = hop;
        plain.universalFallback = false;
        return tr("%1 · universal fallback").arg(originText(plain));
    }
    switch (hop.origin) {
    case PlannedHop::Origin::Primary:
        return tr("Primary");
    case PlannedHop::Origin::Rule:
        return tr("Fallback rule");
    case PlannedHop::Origin::Chain:
        return tr("Chain “%1”").arg(hop.originName);
    case PlannedHop::Origin::Universal:
        return tr("Universal fallback");
    }
    return QString();
}

QString ChainPathView::toolTipFor(const Hop &hop) const
{
    QString tip = tr("%1: %2 / %3").arg(originText(hop), hop.provider, hop.model);
    if (!hop.region.isEmpty())
        tip += QLatin1Char('\n') + tr("Region: %1").arg(hop.region);
    tip += QLatin1Char('\n') + tr("Context window: %1").arg(contextText(hop.contextWindow));
    tip += QLatin1Char('\n') + (hop.priceSource.isEmpty()
                                    ? tr("Price: %1").arg(priceText(hop.price))
                                    : tr("Price: %1 (from %2)").arg(priceText(hop.price), hop.priceSource));
    if (hop.smallerContextThanPrimary && !m_hops.isEmpty()) {
        tip += QStringLiteral("\n\n") +
               tr("Warning: this hop's context window (%1) is smaller than the primary's (%2). A conversation that "
                  "fits the primary may be too long here.")
                   .arg(contextText(hop.contextWindow), contextText(m_hops.constFirst().contextWindow));
    }
    return tip;
}

QRect ChainPathView::boxRect(int index) const
{
    const int height = TextLines * fontMetrics().lineSpacing() + 2 * Padding;
    return QRect(Margin + index * (BoxWidth + ArrowWidth), Margin, BoxWidth, height);
}

QSize ChainPathView::sizeHint() const
{
    const int boxes = std::max<int>(1, int(m_hops.size()));
    const int width = 2 * Margin + boxes * BoxWidth + (boxes - 1) * ArrowWidth;
    const int height = boxRect(0).bottom() + Margin + int(m_warnings.size()) * fontMetrics().lineSpacing() + 1;
    return {width, height};
}

QSize ChainPathView::minimumSizeHint() const
{
    // The whole path: in its scroll area a long chain scrolls rather than being squeezed.
    return sizeHint();
}

void ChainPathView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.lineSpacing();

    if (m_hops.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString hint = m_config ? tr("No hop of this config could be planned; see the warnings below.")
                                      : tr("Select a config to see the path its calls take.");
        painter.drawText(boxRect(0).adjusted(0, 0, width(), 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, hint);
    }

    // Warning orange, pulled toward the text colour so it reads on either theme.
    const QColor warning = mix(QColor(0xd9, 0x73, 0x06), pal.color(QPalette::Text), 0.15);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_hops.size(); ++i) {
        const Hop &hop = m_hops.at(i);
        const QRect box = boxRect(i);

        QPen border(pal.color(QPalette::Mid), 1);
        if (hop.origin == PlannedHop::Origin::Primary)
            border = QPen(pal.color(QPalette::Highlight), 2);
        if (hop.smallerContextThanPrimary)
            border = QPen(warning, 2);
        if (hop.isUniversalFallback())
            border.setStyle(Qt::DashLine);
        painter.setPen(border);
        painter.setBrush(hop.isUniversalFallback() ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
        painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

        if (hop.smallerContextThanPrimary)
            warningIcon.paint(&painter,
                              QRect(box.right() - Padding - IconSize, box.top() + Padding, IconSize, IconSize));

        const int textWidth = box.width() - 2 * Padding;
        int y = box.top() + Padding + metrics.ascent();
        const auto drawLine = [&](const QString &text, const QFont &font, const QColor &colour, int width) {
            painter.setFont(font);
            painter.setPen(colour);
            painter.drawText(box.left() + Padding, y, QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
            y += line;
        };
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.9);
        QFont bold = font();
        bold.setBold(true);
        drawLine(originText(hop), small, pal.color(QPalette::PlaceholderText),
                 textWidth - (hop.smallerContextThanPrimary ? IconSize + Padding : 0));
        drawLine(hop.provider, bold, pal.color(QPalette::Text), textWidth);
        drawLine(hop.region.isEmpty() ? hop.model : tr("%1 · %2").arg(hop.model, hop.region), font(),
                 pal.color(QPalette::Text), textWidth);
        drawLine(contextText(hop.contextWindow), font(),
                 hop.smallerContextThanPrimary ? warning : pal.color(QPalette::Text), textWidth);
        drawLine(priceText(hop.price), small, pal.color(QPalette::Text), textWidth);

        if (i + 1 < m_hops.size()) {
            const int midY = box.center().y();
            const int from = box.right() + 5;
            const int to = box.right() + ArrowWidth - 5;
            painter.setPen(QPen(pal.color(QPalette::Text), 1.5));
            painter.drawLine(from, midY, to - 2, midY);
            QPainterPath head;
            head.moveTo(to, midY);
            head.lineTo(to - 7, midY - 4);
            head.lineTo(to - 7, midY + 4);
            head.closeSubpath();
            painter.fillPath(head, pal.color(QPalette::Text));
        }
    }

    painter.setFont(font());
    painter.setPen(warning);
    int y = boxRect(0).bottom() + Margin + metrics.ascent();
    for (const QString &text : std::as_const(m_warnings)) {
        painter.drawText(Margin, y, metrics.elidedText(text, Qt::ElideRight, width() - 2 * Margin));
        y += line;
    }
}

bool ChainPathView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (int i = 0; i < m_hops.size(); ++i) {
            if (boxRect(i).contains(help->pos())) {
                QToolTip::showText(help->globalPos(), toolTipFor(m_hops.at(i)), this, boxRect(i));
                return true;
            }
        }
        const int warningsTop = boxRect(0).bottom() + Margin;
        if (!m_warnings.isEmpty() && help->pos().y() >= warningsTop) {
            QToolTip::showText(help->globalPos(), m_warnings.join(QLatin1Char('\n')), this);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void ChainPathView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

}  // namespace Switchyard
