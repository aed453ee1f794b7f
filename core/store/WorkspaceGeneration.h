#pragma once

#include "core/common/Result.h"

#include <QSqlQuery>
#include <optional>

namespace Switchyard {

class Database;

/// The workspace's configuration generation: a counter that every write to a configuration table (bots, configs,
/// prompts, labels, providers, models, prices, chains, rules, workspace settings) increments, from any connection or
/// process (migration 3 keeps it with triggers). Activity — calls, attempts, sessions — does not move it.
///
/// Caches of configuration compare it before use: reading it costs one prepared single-row SELECT, far less than
/// re-reading what it guards. Use one instance from one thread (it keeps its prepared statement on that thread's
/// connection).
class WorkspaceGeneration {
public:
    explicit WorkspaceGeneration(Database &database);

    /// The current value, as committed.
    Result<qint64> current();

private:
    Database &m_database;
    std::optional<QSqlQuery> m_query;  ///< prepared on first use, re-prepared after a failure
};

}  // namespace Switchyard
