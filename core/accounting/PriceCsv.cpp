#include "PriceCsv.h"

#include "core/common/Csv.h"

namespace Switchyard {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

QString optionalNumber(const std::optional<double> &value)
{
    return value ? number(*value) : QString();
}

}  // namespace

QStringList PriceCsv::columns()
{
    return {QStringLiteral("provider"),
            QStringLiteral("model"),
            QStringLiteral("source"),
            QStringLiteral("input_per_1k"),
            QStringLiteral("output_per_1k"),
            QStringLiteral("cached_input_per_1k"),
            QStringLiteral("cache_write_per_1k"),
            QStringLiteral("reasoning_per_1k"),
            QStringLiteral("updated")};
}

QString PriceCsv::write(const QList<ProviderRepository::PriceRecord> &records)
{
    QString out = Csv::row(columns()) + QLatin1Char('\n');
    for (const ProviderRepository::PriceRecord &record : records) {
        out += Csv::row({record.providerId, record.modelId, ProviderRepository::priceSourceName(record.source),
                         number(record.price.inputPer1k), number(record.price.outputPer1k),
                         optionalNumber(record.price.cachedInputPer1k), optionalNumber(record.price.cacheWritePer1k),
                         optionalNumber(record.price.reasoningPer1k), record.updated.toUTC().toString(Qt::ISODate)}) +
               QLatin1Char('\n');
    }
    return out;
}

}  // namespace Switchyard
