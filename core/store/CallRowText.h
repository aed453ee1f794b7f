#pragma once

#include "core/model/FailureClass.h"

#include <QDateTime>
#include <QString>

/// The text a CallRecord's values take in a `calls` row, where the rows' text is also what the report rollups are
/// keyed by: UsageRecorder writes created_at and error_class with these, and BatchRollupTotals derives the rollups'
/// day and error class from the same text, so the two can never disagree.
namespace Switchyard::CallRowText {

/// Writes @p when as the store's timestamp ("2025-01-31T12:00:00.000Z", UTC) to @p buffer (at least 32 bytes) and
/// returns its length (24 for four-digit years). Done by hand (days to civil date after H. Hinnant's algorithm, then
/// digits) because QDateTime::toString() and even snprintf() cost more than SQLite's work for the rest of a row.
int formatTimestamp(const QDateTime &when, char *buffer);

/// formatTimestamp() as a QString.
QString formatTimestamp(const QDateTime &when);

/// calls.error_class (and attempts.error_class): '' for no failure, else failureClassName().
QString errorClass(FailureClass failure);

}  // namespace Switchyard::CallRowText
