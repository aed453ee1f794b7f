#pragma once

#include "core/common/Result.h"
#include "core/model/CallRecord.h"
#include "core/store/BreakerEventRepository.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <optional>
#include <random>
#include <vector>

namespace Switchyard {

class Database;

/// What demo history to write.
struct DemoDataOptions {
    qint64 calls = 10000;  ///< also sets the spacing of the calls in time: next() beyond it piles up on the last day
    int days = 30;         ///< spread over the @p days UTC days ending with @p lastDay
    quint64 seed = 1;      ///< the same seed and catalogue give the same calls (except their uuids)
    QDate lastDay;         ///< invalid = today (UTC)
};

/// The chat turn a demo call answers.
struct DemoTurn {
    QString sessionUuid;  ///< the demo session (sessions.uuid)
    int turn = 1;         ///< 1-based: its question is message 2 * turn - 1, its answer (an answered call) 2 * turn
};

/// One generated call, the vote it gets (if any), the conversation it belongs to and the breaker changes it caused.
struct DemoCall {
    CallRecord call;
    std::optional<int> rating;  ///< +1 or -1: a feedback row by user "demo"
    std::optional<DemoTurn> turn;
    QList<BreakerEventRow> breakerEvents;  ///< actor "demo": an open, its half-open probe and the close
};

/// What the demo history is made of: the workspace's bots' configs, providers' models, prompts and prices.
struct DemoCatalogue {
    struct Config {
        qint64 id = 0;
        qint64 botId = 0;
        QString provider;
        QString model;
        QString promptKey;
    };
    struct Model {
        QString provider;
        QString id;
        qint64 inputMicroUsdPer1k = 1000;  ///< from the prices table when it has the model
        qint64 cachedMicroUsdPer1k = 250;
        qint64 outputMicroUsdPer1k = 3000;
    };
    QList<Config> configs;
    QList<Model> models;
    QHash<QString, int> latestPromptVersion;  ///< prompt key → its newest version

    /// Reads the catalogue; an Error when the workspace has no models to call (run `init` first).
    static Result<DemoCatalogue> load(Database &database);
};

/**
 * Synthetic call history for trying the reports and dashboards and for the benchmarks: calls of the workspace's
 * bots' configs over several providers and models, with fallbacks (failed first hops with their error classes,
 * retries, later hops answering), failed and cancelled calls, streamed calls with a time to first token, log-normal
 * latencies per model, token mixes with cached input and reasoning, costs from the workspace's prices, several
 * versions of each prompt, and feedback votes that favour newer versions. Every row is marked is_demo = 1.
 *
 * Calls are spread evenly over the days in time order. Prompt versions: each prompt of the workspace is used at
 * versions 1..max(3, its newest version), so the version comparisons have something to compare even in the sample
 * workspace, whose prompts have one version; the history may therefore name versions the workspace does not hold.
 */
class DemoDataGenerator {
public:
    DemoDataGenerator(DemoCatalogue catalogue, DemoDataOptions options);

    /// The next @p count calls of the sequence.
    std::vector<DemoCall> next(qint64 count);

    /// Records @p calls (uuids are assigned) and their votes, in batched transactions, keeping the rollups current.
    static Result<void> write(Database &database, std::vector<DemoCall> &calls);

    /// Generates options.calls calls and writes them a chunk at a time. @return the number of calls written.
    static Result<qint64> generate(Database &database, const DemoDataOptions &options);

    /// Gives every bot without a budget a demo daily budget a little above its median day (so that some days pass
    /// it), remembered in workspace_meta so that remove() takes exactly these out again. @return the budgets set.
    static Result<int> addBudgets(Database &database);

    /// Deletes every demo call (with its attempts and feedback), demo session (with its messages), demo breaker
    /// event and demo budget not edited since, and nothing else. @return the calls removed.
    static Result<qint64> remove(Database &database);

    /// The workspace_meta key listing the ids of the budgets addBudgets() set.
    static QString demoBudgetsKey();

private:
    double uniform();
    double normal();
    int pick(int count);
    CallRecord makeCall(std::optional<int> *rating);
    /// Puts @p demo in a conversation (sometimes) and lets its failures open breakers (rarely), drawing from a
    /// random sequence of its own so that the calls stay those of the seed.
    void addConversationAndBreakers(DemoCall &demo);

    DemoCatalogue m_catalogue;
    DemoDataOptions m_options;
    std::mt19937_64 m_random;
    qint64 m_firstMs = 0;
    qint64 m_spanMs = 0;
    qint64 m_index = 0;  ///< calls made so far

    struct OpenSession {
        QString uuid;
        QString userRef;
        int turns = 0;      ///< made so far
        int turnsLeft = 0;  ///< to come
    };
    std::mt19937_64 m_extras;               ///< conversations and breakers
    QHash<qint64, OpenSession> m_sessions;  ///< the open conversation of each config
};

}  // namespace Switchyard
