#include "core/reporting/DemoDataGenerator.h"

#include "core/accounting/UsageRecorder.h"
#include "core/model/Money.h"
#include "core/reporting/Percentile.h"
#include "core/store/BudgetRepository.h"
#include "core/store/Database.h"
#include "core/store/SqlSupport.h"
#include "core/store/Transaction.h"
#include "core/store/UnusedPromptTexts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSet>
#include <QTimeZone>
#include <QUuid>
#include <cmath>

namespace Switchyard {

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 ChunkCalls = 50000;
constexpr int DemoPromptVersions = 3;  ///< versions per prompt in the history, even when the workspace has fewer  ///<
                                       ///< calls generated and written at a time: bounded memory for any --calls

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoDataGenerator", text);
}

/// A stable number per model, so a model keeps its character (speed, quality) across runs and seeds.
quint32 modelTrait(const QString &provider, const QString &model)
{
    const QByteArray digest =
        QCryptographicHash::hash((provider + QLatin1Char('/') + model).toUtf8(), QCryptographicHash::Md5);
    return quint32(quint8(digest[0])) | quint32(quint8(digest[1])) << 8 | quint32(quint8(digest[2])) << 16;
}

bool isReasoningModel(const QString &model)
{
    for (const char *marker : {"o1", "o3", "o4", "reason", "think", "r1", "pro"}) {
        if (model.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

qint64 perThousand(qint64 tokens, qint64 microUsdPer1k)
{
    return tokens * microUsdPer1k;  // in thousandths of a micro-dollar; divided once per call
}

/// The demo sessions and messages of @p calls: a session is created by its first turn (a later chunk only moves its
/// updated_at), each turn adds its question and, when the call answered, the answer linked to the call.
Result<void> writeConversations(QSqlDatabase &db, const std::vector<DemoCall> &calls)
{
    const QString action = QStringLiteral("record demo conversations");
    auto session = SqlSupport::prepare(db,
                                       QStringLiteral("INSERT INTO sessions (uuid, bot_id, config_id, user_ref, title, "
                                                      "created_at, updated_at, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                                      "1) ON CONFLICT (uuid) DO UPDATE SET updated_at = "
                                                      "excluded.updated_at"),
                                       action);
    if (!session)
        return session.error();
    auto question = SqlSupport::prepare(db,
                                        QStringLiteral("INSERT INTO messages (session_id, position, role, content, "
                                                       "created_at) SELECT id, ?, 'user', ?, ? FROM sessions "
                                                       "WHERE uuid = ?"),
                                        action);
    if (!question)
        return question.error();
    auto answer = SqlSupport::prepare(db,
                                      QStringLiteral("INSERT INTO messages (session_id, position, role, content, "
                                                     "call_id, created_at) SELECT s.id, ?, 'assistant', ?, c.id, ? "
                                                     "FROM sessions s, calls c WHERE s.uuid = ? AND c.uuid = ?"),
                                      action);
    if (!answer)
        return answer.error();
    for (const DemoCall &demo : calls) {
        if (!demo.turn)
            continue;
        const CallRecord &call = demo.call;
        const QVariant at = SqlSupport::toDbTimestamp(call.createdAt);
        SWITCHYARD_TRY(SqlSupport::execPrepared(*session,
                                                {demo.turn->sessionUuid, SqlSupport::nullable(call.botId),
                                                 SqlSupport::nullable(call.configId), call.userRef,
                                                 tr("Demo conversation"), at, at},
                                                action));
        const int position = 2 * demo.turn->turn - 1;
        SWITCHYARD_TRY(SqlSupport::execPrepared(
            *question, {position, QStringLiteral("demo question %1").arg(demo.turn->turn), at, demo.turn->sessionUuid},
            action));
        if (call.status == CallRecord::Status::Ok) {
            SWITCHYARD_TRY(SqlSupport::execPrepared(
                *answer,
                {position + 1, QStringLiteral("demo answer"),
                 SqlSupport::toDbTimestamp(call.createdAt.addMSecs(call.latencyMs.value_or(0))), demo.turn->sessionUuid,
                 call.uuid},
                action));
        }
    }
    return {};
}

/// The breaker events of @p calls, except on breakers whose latest real change left them open: a demo "closed"
/// written after it would read as the breaker's current state.
Result<void> writeBreakerEvents(Database &database, const std::vector<DemoCall> &calls)
{
    BreakerEventRepository repository(database);
    auto latest = repository.latestPerBreaker();
    if (!latest)
        return latest.error();
    QSet<QString> open;
    for (const BreakerEventRow &row : *latest) {
        if (row.actor != QLatin1String("demo") && row.toState != QLatin1String("closed"))
            open << row.provider + QLatin1Char('/') + row.model + QLatin1Char('@') + row.region;
    }
    QList<BreakerEventRow> events;
    for (const DemoCall &demo : calls) {
        for (const BreakerEventRow &row : demo.breakerEvents) {
            if (!open.contains(row.provider + QLatin1Char('/') + row.model + QLatin1Char('@') + row.region))
                events.append(row);
        }
    }
    return events.isEmpty() ? Result<void>() : repository.append(events);
}

}  // namespace

Result<DemoCatalogue> DemoCatalogue::load(Database &database)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    DemoCatalogue catalogue;
    const QString action = QStringLiteral("read the workspace for demo data");
    auto models = SqlSupport::run(*db,
                                  QStringLiteral("SELECT m.provider_id, m.id, (SELECT p.input_per_1k FROM prices p "
                                                 "WHERE p.provider_id = m.provider_id AND p.model_id = m.id LIMIT 1), "
                                                 "(SELECT p.output_per_1k FROM prices p WHERE p.provider_id = "
                                                 "m.provider_id AND p.model_id = m.id LIMIT 1), (SELECT "
                                                 "p.cached_input_per_1k FROM prices p WHERE p.provider_id = "
                                                 "m.provider_id AND p.model_id = m.id LIMIT 1) FROM models m "
                                                 "ORDER BY m.provider_id, m.position"),
                                  {}, action);
    if (!models)
        return models.error();
    while (models->next()) {
        Model model{models->value(0).toString(), models->value(1).toString()};
        if (!models->value(2).isNull()) {
            model.inputMicroUsdPer1k = MicroUsd::fromUsd(models->value(2).toDouble());
            model.outputMicroUsdPer1k = MicroUsd::fromUsd(models->value(3).toDouble());
            model.cachedMicroUsdPer1k = models->value(4).isNull() ? model.inputMicroUsdPer1k / 4
                                                                  : MicroUsd::fromUsd(models->value(4).toDouble());
        }
        catalogue.models.append(model);
    }
    if (catalogue.models.isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           tr("the workspace has no providers' models to make demo calls with; run 'init' first"),
                           database.path());
    }
    auto configs = SqlSupport::run(*db,
                                   QStringLiteral("SELECT c.id, c.bot_id, c.provider, c.model, c.prompt_key FROM "
                                                  "llm_configs c JOIN bots b ON b.id = c.bot_id WHERE b.deleted_at "
                                                  "IS NULL ORDER BY c.id"),
                                   {}, action);
    if (!configs)
        return configs.error();
    while (configs->next()) {
        catalogue.configs.append(Config{configs->value(0).toLongLong(), configs->value(1).toLongLong(),
                                        configs->value(2).toString(), configs->value(3).toString(),
                                        configs->value(4).toString()});
    }
    auto prompts = SqlSupport::run(*db,
                                   QStringLiteral("SELECT p.key, MAX(v.version) FROM prompts p JOIN prompt_versions v "
                                                  "ON v.prompt_id = p.id GROUP BY p.key"),
                                   {}, action);
    if (!prompts)
        return prompts.error();
    while (prompts->next())
        catalogue.latestPromptVersion.insert(prompts->value(0).toString(), prompts->value(1).toInt());
    return catalogue;
}

DemoDataGenerator::DemoDataGenerator(DemoCatalogue catalogue, DemoDataOptions options)
    : m_catalogue(std::move(catalogue)), m_options(options), m_random(options.seed),
      m_extras(options.seed ^ 0x5e5510b4ea4e7ULL)
{
    const QDate last = m_options.lastDay.isValid() ? m_options.lastDay : QDateTime::currentDateTimeUtc().date();
    const int days = qMax(1, m_options.days);
    m_firstMs = QDateTime(last.addDays(1 - days), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    m_spanMs = qint64(days) * MsPerDay;
}

double DemoDataGenerator::uniform()
{
    return double(m_random() >> 11) * 0x1.0p-53;
}

double DemoDataGenerator::normal()
{
    // Box-Muller by hand: std::normal_distribution differs between standard libraries, and a seed must give the
    // same history everywhere.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

int DemoDataGenerator::pick(int count)
{
    return count <= 1 ? 0 : int(m_random() % quint64(count));
}

std::vector<DemoCall> DemoDataGenerator::next(qint64 count)
{
    std::vector<DemoCall> calls;
    calls.reserve(std::size_t(qMax<qint64>(0, count)));
    for (qint64 i = 0; i < count; ++i) {
        DemoCall demo;
        demo.call = makeCall(&demo.rating);
        addConversationAndBreakers(demo);
        calls.push_back(std::move(demo));
    }
    return calls;
}

CallRecord DemoDataGenerator::makeCall(std::optional<int> *rating)
{
    const QList<DemoCatalogue::Model> &models = m_catalogue.models;
    CallRecord call;
    call.isDemo = true;
    call.userRef = QStringLiteral("demo-user-%1").arg(pick(40));
    DemoCatalogue::Model primary = models.at(pick(int(models.size())));
    if (!m_catalogue.configs.isEmpty()) {
        const DemoCatalogue::Config &config = m_catalogue.configs.at(pick(int(m_catalogue.configs.size())));
        call.botId = config.botId;
        call.configId = config.id;
        call.promptKey = config.promptKey;
        primary = DemoCatalogue::Model{config.provider, config.model};
        for (const DemoCatalogue::Model &model : models) {
            if (model.provider == config.provider && model.id == config.model)
                primary = model;
        }
    }
    int versionRank = 0;  // 0 = the newest version
    if (m_catalogue.latestPromptVersion.contains(call.promptKey)) {
        const int latest = qMax(DemoPromptVersions, m_catalogue.latestPromptVersion.value(call.promptKey));
        const double r = uniform();
        versionRank = r < 0.55 ? 0 : r < 0.85 ? 1 : pick(latest);
        call.promptVersion = qMax(1, latest - versionRank);
        versionRank = latest - *call.promptVersion;
    }
    call.requestedProvider = primary.provider;
    call.requestedModel = primary.id;
    call.streamed = uniform() < 0.7;
    // Calls come in time order (call i of n in the i-th n-th of the span): the recorder's indexes on time and on
    // time-ordered uuids then grow at their ends, as they do for live traffic, instead of at random pages.
    const double slot = double(m_spanMs) / double(qMax<qint64>(1, m_options.calls));
    const qint64 createdMs = m_firstMs + qMin(m_spanMs - 1, qint64((double(m_index++) + uniform()) * slot));
    call.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, QTimeZone::utc());

    // The hops a failing call falls back to: other models, preferably of other providers.
    const auto fallbackModel = [&](const DemoCatalogue::Model &from) {
        for (int tries = 0; tries < 8; ++tries) {
            const DemoCatalogue::Model &candidate = models.at(pick(int(models.size())));
            if (candidate.provider != from.provider)
                return candidate;
        }
        return models.at(pick(int(models.size())));
    };
    static const FailureClass retryable[] = {
        FailureClass::Transient,   FailureClass::Transient,   FailureClass::Transient,   FailureClass::Transient,
        FailureClass::RateLimited, FailureClass::RateLimited, FailureClass::RateLimited, FailureClass::Timeout,
        FailureClass::Timeout,     FailureClass::Network};
    const auto failureLatency = [&](FailureClass failure) -> qint64 {
        return failure == FailureClass::Timeout ? 30000 : 80 + qint64(uniform() * 700);
    };
    const auto fail = [&](int hop, int retry, const DemoCatalogue::Model &model, FailureClass failure) {
        AttemptRecord attempt;
        attempt.hopIndex = hop;
        attempt.retryIndex = retry;
        attempt.provider = model.provider;
        attempt.model = model.id;
        attempt.outcome = AttemptRecord::Outcome::Failed;
        attempt.errorClass = failure;
        attempt.httpStatus = failure == FailureClass::RateLimited ? 429
                             : failure == FailureClass::Transient ? 503
                             : failure == FailureClass::ContentFilter || failure == FailureClass::Validation
                                 ? 400
                                 : std::optional<int>();
        attempt.errorMessage = QStringLiteral("demo: %1").arg(failureClassName(failure));
        attempt.latencyMs = failureLatency(failure);
        return attempt;
    };

    qint64 elapsed = 0;
    const auto add = [&](AttemptRecord attempt) {
        attempt.startedAt = call.createdAt.addMSecs(elapsed);
        elapsed += attempt.latencyMs.value_or(0);
        call.attempts.append(attempt);
    };
    std::optional<DemoCatalogue::Model> served;
    int servedHop = 0;
    const double r = uniform();
    if (r < 0.86) {
        served = primary;
    } else if (r < 0.875) {
        const FailureClass failure = uniform() < 0.6 ? FailureClass::ContentFilter : FailureClass::Validation;
        add(fail(0, 0, primary, failure));
        call.status = CallRecord::Status::Failed;
        call.errorClass = failure;
    } else if (r < 0.995) {
        FailureClass failure = retryable[pick(10)];
        add(fail(0, 0, primary, failure));
        if (uniform() < 0.35 && uniform() < 0.6) {
            elapsed += 200;  // backoff
            served = primary;
            servedHop = 0;
        } else {
            DemoCatalogue::Model hop = fallbackModel(primary);
            if (uniform() < 0.88) {
                served = hop;
                servedHop = 1;
            } else {
                failure = retryable[pick(10)];
                add(fail(1, 0, hop, failure));
                DemoCatalogue::Model last = fallbackModel(hop);
                if (uniform() < 0.7) {
                    served = last;
                    servedHop = 2;
                } else {
                    failure = retryable[pick(10)];
                    add(fail(2, 0, last, failure));
                    call.status = CallRecord::Status::Failed;
                    call.errorClass = failure;
                }
            }
        }
    } else {
        AttemptRecord cancelled = fail(0, 0, primary, FailureClass::Cancelled);
        cancelled.outcome = AttemptRecord::Outcome::Cancelled;
        cancelled.httpStatus.reset();
        add(cancelled);
        call.status = CallRecord::Status::Cancelled;
        call.errorClass = FailureClass::Cancelled;
    }

    if (served) {
        const quint32 trait = modelTrait(served->provider, served->id);
        Usage usage;
        usage.input = qint64(std::exp(std::log(900.0) + 0.8 * normal()));
        if (uniform() < 0.3)
            usage.cachedInput = qint64(double(usage.input) * 0.6 * uniform());
        if (served->provider.contains(QLatin1String("anthropic")) && uniform() < 0.1)
            usage.cacheWrite = usage.input / 5;
        usage.output = 1 + qint64(std::exp(std::log(350.0) + 0.7 * normal()));
        if (isReasoningModel(served->id))
            usage.reasoning = qint64(std::exp(std::log(600.0) + 0.8 * normal()));
        const double ttftBase = 250.0 + double(trait % 900);
        const qint64 ttft = qint64(std::exp(std::log(ttftBase) + 0.35 * normal()));
        const double msPerToken = 8.0 + double((trait >> 10) % 30);
        const qint64 generation = qint64(double(usage.output + usage.reasoning) * msPerToken / 4.0);

        AttemptRecord answer;
        answer.hopIndex = servedHop;
        answer.retryIndex = servedHop == 0 && !call.attempts.isEmpty() ? 1 : 0;
        answer.provider = served->provider;
        answer.model = served->id;
        answer.outcome = AttemptRecord::Outcome::Succeeded;
        answer.httpStatus = 200;
        answer.latencyMs = ttft + generation;
        answer.usage = usage;
        const qint64 before = elapsed;
        add(answer);
        call.servedProvider = served->provider;
        call.servedModel = served->id;
        call.usage = usage;
        // Integer micro-dollars first, so that the stored REAL reads back to exactly these micro-dollars.
        const qint64 thousandths = perThousand(usage.input, served->inputMicroUsdPer1k) +
                                   perThousand(usage.cachedInput, served->cachedMicroUsdPer1k) +
                                   perThousand(usage.cacheWrite, served->inputMicroUsdPer1k) +
                                   perThousand(usage.output + usage.reasoning, served->outputMicroUsdPer1k);
        call.costUsd = MicroUsd::toUsd((thousandths + 500) / 1000);
        if (call.streamed)
            call.ttftMs = before + ttft;

        if (uniform() < 0.12) {
            // Newer prompt versions and some models do better.
            const double up = 0.62 + (versionRank == 0 ? 0.12 : 0.0) - 0.04 * versionRank + double(trait % 20) / 100.0;
            *rating = uniform() < up ? 1 : -1;
        }
    }
    call.latencyMs = elapsed;
    return call;
}

void DemoDataGenerator::addConversationAndBreakers(DemoCall &demo)
{
    const auto chance = [this] {
        return double(m_extras() >> 11) * 0x1.0p-53;
    };
    CallRecord &call = demo.call;
    // About a third of a config's calls are turns of chat sessions of one to eight turns.
    if (call.configId && chance() < 0.3) {
        OpenSession &open = m_sessions[*call.configId];
        if (open.turnsLeft <= 0)
            open = OpenSession{QUuid::createUuid().toString(QUuid::WithoutBraces), call.userRef, 0,
                               1 + int(m_extras() % 8)};
        ++open.turns;
        --open.turnsLeft;
        call.userRef = open.userRef;
        demo.turn = DemoTurn{open.uuid, open.turns};
    }
    // A hop failing for a reason a breaker counts sometimes trips it: open, a probe half a minute later, closed.
    for (const AttemptRecord &attempt : std::as_const(call.attempts)) {
        const bool counted =
            attempt.outcome == AttemptRecord::Outcome::Failed &&
            (attempt.errorClass == FailureClass::Transient || attempt.errorClass == FailureClass::RateLimited ||
             attempt.errorClass == FailureClass::Timeout || attempt.errorClass == FailureClass::Network);
        if (!counted || chance() >= 0.04)
            continue;
        const bool forced = chance() < 0.1;  // now and then an admin opens one by hand
        const QDateTime at = attempt.startedAt.addMSecs(attempt.latencyMs.value_or(0));
        const auto event = [&](const char *from, const char *to, const QString &reason, qint64 afterMs) {
            BreakerEventRow row;
            row.provider = attempt.provider;
            row.model = attempt.model;
            row.fromState = QLatin1String(from);
            row.toState = QLatin1String(to);
            row.reason = reason;
            row.actor = QStringLiteral("demo");
            row.createdAt = at.addMSecs(afterMs);
            demo.breakerEvents.append(row);
        };
        if (forced) {
            event("closed", "forced_open", QStringLiteral("demo: forced open by an admin"), 0);
            event("forced_open", "closed", QStringLiteral("demo: reset by an admin"), 600000);
        } else {
            event("closed", "open",
                  QStringLiteral("demo: %1 failures passed the threshold").arg(failureClassName(attempt.errorClass)),
                  0);
            event("open", "half_open", QStringLiteral("demo: open period over"), 30000);
            event("half_open", "closed", QStringLiteral("demo: probe answered"), 31000);
        }
    }
}

Result<void> DemoDataGenerator::write(Database &database, std::vector<DemoCall> &calls)
{
    {
        UsageRecorder recorder(database, UsageRecorder::Options{2048, 250, true});
        for (DemoCall &demo : calls) {
            if (demo.call.uuid.isEmpty())
                demo.call.uuid = UsageRecorder::newCallUuid();
            recorder.record(demo.call);
        }
        SWITCHYARD_TRY(recorder.flush());
    }
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    const QString action = QStringLiteral("record demo feedback");
    auto insert = SqlSupport::prepare(*db,
                                      QStringLiteral("INSERT INTO feedback (call_id, rating, user_ref, created_at) "
                                                     "SELECT id, ?, 'demo', ? FROM calls WHERE uuid = ?"),
                                      action);
    if (!insert)
        return insert.error();
    for (const DemoCall &demo : calls) {
        if (!demo.rating)
            continue;
        SWITCHYARD_TRY(SqlSupport::execPrepared(
            *insert, {*demo.rating, SqlSupport::toDbTimestamp(demo.call.createdAt.addSecs(90)), demo.call.uuid},
            action));
    }
    SWITCHYARD_TRY(writeConversations(*db, calls));
    SWITCHYARD_TRY(tx.commit());
    return writeBreakerEvents(database, calls);
}

namespace {

/// Takes out what demo data adds besides calls: sessions (their messages cascade), breaker events and the budgets
/// addBudgets() set that nobody has edited since.
Result<void> removeDemoExtras(QSqlDatabase &db)
{
    const QString action = QStringLiteral("remove demo data");
    auto remembered = SqlSupport::run(db, QStringLiteral("SELECT value FROM workspace_meta WHERE key = ?"),
                                      {DemoDataGenerator::demoBudgetsKey()}, action);
    if (!remembered)
        return remembered.error();
    const QStringList ids =
        remembered->next() ? remembered->value(0).toString().split(QLatin1Char(',')) : QStringList();
    for (const QString &id : ids) {
        auto removed = SqlSupport::run(
            db, QStringLiteral("DELETE FROM budgets WHERE id = ? AND scope = 'bot' AND updated_at = created_at"),
            {id.toLongLong()}, action);
        if (!removed)
            return removed.error();
    }
    for (const QString &sql :
         {QStringLiteral("DELETE FROM sessions WHERE is_demo = 1"),
          QStringLiteral("DELETE FROM breaker_events WHERE actor = 'demo'"),
          QStringLiteral("DELETE FROM workspace_meta WHERE key = '%1'").arg(DemoDataGenerator::demoBudgetsKey())}) {
        if (auto cleaned = SqlSupport::run(db, sql, {}, action); !cleaned)
            return cleaned.error();
    }
    return {};
}

}  // namespace

Result<qint64> DemoDataGenerator::generate(Database &database, const DemoDataOptions &options)
{
    auto catalogue = DemoCatalogue::load(database);
    if (!catalogue)
        return catalogue.error();
    DemoDataGenerator generator(std::move(*catalogue), options);
    qint64 written = 0;
    while (written < options.calls) {
        std::vector<DemoCall> chunk = generator.next(qMin(ChunkCalls, options.calls - written));
        SWITCHYARD_TRY(write(database, chunk));
        written += qint64(chunk.size());
    }
    SWITCHYARD_TRY(addBudgets(database));
    return written;
}

Result<qint64> DemoDataGenerator::remove(Database &database)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isActive())
        return tx.error();
    const QString action = QStringLiteral("remove demo data");
    // Demo data is generated without prompts: only a demo call recorded with one (a test's, a script's) leaves texts
    // to clean up, and only then is the pass over call_prompts worth its time.
    auto prompted = SqlSupport::run(*db,
                                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM call_prompts p JOIN calls c ON "
                                                   "c.id = p.call_id WHERE c.is_demo = 1)"),
                                    {}, action);
    if (!prompted)
        return prompted.error();
    const bool withPrompts = prompted->next() && prompted->value(0).toBool();
    prompted->finish();
    // The triggers subtract each call from the rollups; attempts, their restart notes, feedback and call_prompts rows
    // follow by ON DELETE CASCADE.
    auto deleted = SqlSupport::run(*db, QStringLiteral("DELETE FROM calls WHERE is_demo = 1"), {}, action);
    if (!deleted)
        return deleted.error();
    const qint64 removed = deleted->numRowsAffected();
    // Demo sessions go too, with their messages (the conversation rollup's triggers subtract those still linked).
    SWITCHYARD_TRY(removeDemoExtras(*db));
    // Prompt texts only these calls sent go with them; texts other calls sent too stay.
    if (withPrompts) {
        if (auto texts = UnusedPromptTexts::remove(*db); !texts)
            return texts.error();
    }
    // Rollup rows only demo calls filled are now all zero: drop them.
    for (const QString &sql :
         {QStringLiteral("DELETE FROM report_daily WHERE calls = 0 AND input_tokens = 0 AND cached_input_tokens = 0 "
                         "AND cache_write_tokens = 0 AND output_tokens = 0 AND reasoning_tokens = 0 AND "
                         "cost_micro_usd = 0 AND feedback_up = 0 AND feedback_down = 0"),
          QStringLiteral("DELETE FROM report_daily_fallbacks WHERE calls = 0"),
          QStringLiteral("DELETE FROM report_latency WHERE calls = 0"),
          QStringLiteral("DELETE FROM report_conversations WHERE messages = 0 AND cost_micro_usd = 0 AND "
                         "message_costs = ''")}) {
        if (auto cleaned = SqlSupport::run(*db, sql, {}, action); !cleaned)
            return cleaned.error();
    }
    SWITCHYARD_TRY(tx.commit());
    return removed;
}

QString DemoDataGenerator::demoBudgetsKey()
{
    return QStringLiteral("demo.budget_ids");
}

Result<int> DemoDataGenerator::addBudgets(Database &database)
{
    auto db = database.checkedConnection();
    if (!db)
        return db.error();
    const QString action = QStringLiteral("set demo budgets");
    auto bots = SqlSupport::run(*db,
                                QStringLiteral("SELECT b.id, b.slug FROM bots b WHERE b.deleted_at IS NULL AND NOT "
                                               "EXISTS (SELECT 1 FROM budgets g WHERE g.scope = 'bot' AND "
                                               "g.scope_ref = b.slug) ORDER BY b.id"),
                                {}, action);
    if (!bots)
        return bots.error();
    QList<std::pair<qint64, QString>> unbudgeted;
    while (bots->next())
        unbudgeted.append({bots->value(0).toLongLong(), bots->value(1).toString()});
    QStringList ids;
    BudgetRepository budgets(database);
    for (const auto &[botId, slug] : unbudgeted) {
        auto days = SqlSupport::run(*db,
                                    QStringLiteral("SELECT SUM(cost_micro_usd), SUM(input_tokens + "
                                                   "cached_input_tokens + cache_write_tokens + output_tokens + "
                                                   "reasoning_tokens) FROM report_daily WHERE bot_id = ? AND calls "
                                                   "<> 0 GROUP BY day"),
                                    {botId}, action);
        if (!days)
            return days.error();
        std::vector<qint64> costs, tokens;
        while (days->next()) {
            costs.push_back(days->value(0).toLongLong());
            tokens.push_back(days->value(1).toLongLong());
        }
        const std::vector<qint64> cost = Percentile::nearestRank(costs, {50});
        const std::vector<qint64> token = Percentile::nearestRank(tokens, {50});
        // 15 % above the median day, in whole cents and thousands of tokens. A bot whose calls cost nothing (the
        // offline simulator) gets no cost limit: a limit of $0 would refuse its every call.
        Budget budget;
        budget.scope = Budget::Scope::Bot;
        budget.scopeRef = slug;
        if (!cost.empty() && cost.front() > 0)
            budget.maxCostUsd = double((cost.front() * 115 / 100 + 9999) / 10000) / 100.0;
        if (!token.empty() && token.front() > 0)
            budget.maxTokens = (token.front() * 115 / 100 + 999) / 1000 * 1000;
        if (!budget.maxCostUsd && !budget.maxTokens)
            continue;
        auto stored = budgets.set(budget);
        if (!stored)
            return stored.error();
        ids << QString::number(stored->id);
    }
    if (!ids.isEmpty()) {
        auto remembered = SqlSupport::run(
            *db,
            QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                           "value = value || ',' || excluded.value"),
            {demoBudgetsKey(), ids.join(QLatin1Char(','))}, action);
        if (!remembered)
            return remembered.error();
    }
    return int(ids.size());
}

}  // namespace Switchyard
