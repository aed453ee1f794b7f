#pragma once

#include "core/store/ProviderRepository.h"

#include <QList>
#include <QString>

namespace Switchyard {

/// Stored prices as CSV, one row per provider, model and source (providers.yaml, litellm, manual), so an analyst can
/// see every price the workspace knows and which one accounting uses (manual, else providers.yaml, else LiteLLM).
class PriceCsv {
public:
    /// The header line's column names, in order.
    static QStringList columns();

    /// A header line, then one line per record (prices in US dollars per 1,000 tokens; an empty cell where the
    /// provider does not bill that kind), each line ending in "\n".
    static QString write(const QList<ProviderRepository::PriceRecord> &records);
};

}  // namespace Switchyard
