#pragma once

#include "core/model/CallRecord.h"
#include "core/model/ProviderSpec.h"
#include "core/model/Usage.h"

#include <QStringList>
#include <QtGlobal>

namespace Switchyard {

class PriceCatalogue;

/**
 * Turns token usage into US dollars.
 *
 * cost = ( input       × inputPer1k
 *        + cachedInput × (cachedInputPer1k or inputPer1k)
 *        + cacheWrite  × (cacheWritePer1k  or inputPer1k)
 *        + output      × outputPer1k
 *        + reasoning   × (reasoningPer1k   or outputPer1k) ) / 1000
 *
 * A price kind the provider does not list falls back to its base price (input for cache reads and writes, output for
 * reasoning), so a token is never free by omission.
 *
 * Arithmetic and rounding: each per-1K price is first rounded to the nearest 1e-9 USD per 1K tokens (= 1e-12 USD per
 * token, finer than any published price) and held as an integer; every bucket is then an exact integer product in
 * pico-dollars (1e-12 USD), summed exactly, and the total is rounded once, half away from zero, to the nearest
 * nano-dollar (1e-9 USD). Results are therefore independent of the order of the buckets and of the attempts of a
 * call. Only when a product would overflow 64 bits (over ~9.2 million dollars in one call) is the sum computed in
 * long double instead.
 */
class CostCalculator {
public:
    /// Prices calls with the effective prices of @p catalogue (which must outlive the calculator).
    explicit CostCalculator(const PriceCatalogue &catalogue);

    /// Cost of @p usage at @p price in nano-dollars (1e-9 USD), rounded as described above.
    static qint64 costNanoUsd(const Usage &usage, const Price &price);

    /// costNanoUsd() in US dollars.
    static double costUsd(const Usage &usage, const Price &price);

    /// Nano-dollars → US dollars.
    static double nanoToUsd(qint64 nanoUsd) { return double(nanoUsd) / 1e9; }

    /**
     * Applies the billing rule to @p call: each attempt costs its AttemptRecord::usage at its own provider/model
     * price — failed, skipped and cancelled attempts carry no usage unless the provider billed them, so they cost 0;
     * the answer is billed to the model that served it. Fills every AttemptRecord::costUsd, sets CallRecord::usage to
     * the sum of the attempts' usage and CallRecord::costUsd to the sum of their costs (each attempt is rounded to
     * 1e-9 USD first, so a call always equals the sum of its attempts).
     *
     * When no attempt carries usage but the call does (an engine that only tracks the call's total), the call's
     * usage is billed to its served provider and model and left as it is.
     *
     * @return "provider/model" of every billed attempt that has no price; those attempts are costed at 0 and the
     *         caller should warn (the tokens are still recorded).
     */
    QStringList priceCall(CallRecord &call) const;

private:
    const PriceCatalogue &m_catalogue;
};

}  // namespace Switchyard
