#pragma once

#include "core/model/ProviderSpec.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard {

/// What LiteLlmPriceImporter did with each entry of a LiteLLM price file.
struct LiteLlmImportReport {
    /// An entry that was not used, and why.
    struct Skipped {
        QString entry;   ///< the entry's key in the file, e.g. "text-embedding-3-small"
        QString reason;  ///< complete sentence, e.g. "mode 'embedding' is not a chat model"
        bool operator==(const Skipped &) const = default;
    };

    /// A workspace model that received a price.
    struct Match {
        QString entry;  ///< the key in the file it came from, e.g. "gemini/gemini-2.5-pro"
        QString providerId;
        QString modelId;
        Price price;  ///< per 1K tokens
        bool operator==(const Match &) const = default;
    };

    int entries = 0;         ///< top-level entries in the file, `sample_spec` included
    int matched = 0;         ///< workspace (provider, model) pairs that received a LiteLLM price
    int updated = 0;         ///< of those, the ones whose stored LiteLLM price was missing or different
    QList<Match> matches;    ///< in the order of the workspace's providers and models
    QStringList unmatched;   ///< usable chat entries no workspace model corresponds to, in key order
    QList<Skipped> skipped;  ///< unusable entries (sample_spec, other modes, missing prices...), in key order
};

}  // namespace Switchyard
