// The report rollups a batch writer totals in C++ (BatchRollupTotals, written by DeferredRollups through
// RollupTotalsWriter) against the definition: what the rollup triggers make of the same calls, and SQLite's own
// CAST(ROUND(cost_usd * 1000000) AS INTEGER).
#include "core/accounting/UsageRecorder.h"
#include "core/reporting/RollupChecker.h"
#include "core/store/BatchRollupTotals.h"
#include "core/store/Database.h"
#include "core/store/DeferredRollups.h"
#include "core/store/Transaction.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <functional>
#include <limits>

using namespace Switchyard;

namespace {

AttemptRecord attempt(int hop, AttemptRecord::Outcome outcome, int retry = 0)
{
    AttemptRecord a;
    a.hopIndex = hop;
    a.retryIndex = retry;
    a.provider = QStringLiteral("simulator");
    a.model = QStringLiteral("sim-fast");
    a.outcome = outcome;
    return a;
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
}

/// "812,1204," with its values sorted: the order of a latency list is not part of the rollup's definition.
QString sortedValues(const QString &values)
{
    QStringList list = values.split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::sort(list.begin(), list.end());
    return list.join(QLatin1Char(','));
}

}  // namespace

class TestBatchRollupTotals : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_botId = 0;
    qint64 m_configId = 0;
    int m_files = 0;

    /// Every row of the three rollup tables as text, sorted, latency values as sorted multisets.
    QStringList rollupRows()
    {
        QStringList rows;
        QSqlQuery q(m_database->connection());
        for (const char *table : {"report_daily", "report_daily_fallbacks", "report_latency"}) {
            if (!q.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table)))) {
                rows << q.lastError().text();
                continue;
            }
            const bool latency = qstrcmp(table, "report_latency") == 0;
            while (q.next()) {
                QStringList values{QString::fromLatin1(table)};
                for (int i = 0; i < q.record().count(); ++i) {
                    const QString name = q.record().fieldName(i);
                    QString value = q.value(i).toString();
                    if (latency && (name == QLatin1String("latencies") || name == QLatin1String("ttfts")))
                        value = sortedValues(value);
                    // The type too: an overflow into REAL must not pass for an integer.
                    values << name + QLatin1Char('=') + value + QLatin1Char(':') +
                                  QLatin1String(q.value(i).metaType().name());
                }
                rows << values.join(QLatin1Char('|'));
            }
        }
        rows.sort();
        return rows;
    }

    void exec(const QString &sql)
    {
        QSqlQuery q(m_database->connection());
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }

    /// Calls covering every derivation of the rollup keys and sums.
    std::vector<CallRecord> edgeCases()
    {
        std::vector<CallRecord> calls;
        const auto add = [&](const std::function<void(CallRecord &)> &change) {
            CallRecord call;
            call.uuid = UsageRecorder::newCallUuid();
            call.botId = m_botId;
            call.configId = m_configId;
            call.promptKey = QStringLiteral("greeting");
            call.promptVersion = 2;
            call.requestedProvider = QStringLiteral("simulator");
            call.requestedModel = QStringLiteral("sim-fast");
            call.servedProvider = QStringLiteral("simulator");
            call.servedModel = QStringLiteral("sim-fast");
            call.status = CallRecord::Status::Ok;
            call.latencyMs = 800;
            call.ttftMs = 120;
            call.usage = Usage{100, 20, 10, 50, 5};
            call.costUsd = 0.0012345;
            call.createdAt = at("2026-03-14T10:00:00.000Z");
            call.attempts.append(attempt(0, AttemptRecord::Outcome::Succeeded));
            change(call);
            calls.push_back(call);
        };
        // Several calls in one key: counts, tokens and costs add up; latency values collect.
        for (int i = 0; i < 3; ++i)
            add([i](CallRecord &c) { *c.latencyMs += i; });
        // NULL latency and time to first token: counted, no value.
        add([](CallRecord &c) {
            c.latencyMs.reset();
            c.ttftMs.reset();
        });
        add([](CallRecord &c) { c.ttftMs.reset(); });
        // Failed: reported under the requested provider and model, not in the latency rollup.
        add([](CallRecord &c) {
            c.status = CallRecord::Status::Failed;
            c.errorClass = FailureClass::Timeout;
            c.servedProvider.clear();
            c.servedModel.clear();
            c.requestedModel = QStringLiteral("sim-slow");
            c.attempts = {attempt(0, AttemptRecord::Outcome::Failed)};
        });
        add([](CallRecord &c) {
            c.status = CallRecord::Status::Cancelled;
            c.errorClass = FailureClass::Cancelled;
            c.servedProvider = QString();
        });
        // Answered with an empty served provider: the daily key falls back, the latency key does not.
        add([](CallRecord &c) {
            c.servedProvider = QString();
            c.servedModel = QStringLiteral("sim-fast");
        });
        // Fallbacks: answered by hop 1, by hop 2 after a failed hop 1, two answering attempts, a retried hop.
        add([](CallRecord &c) {
            c.attempts = {attempt(0, AttemptRecord::Outcome::Failed), attempt(1, AttemptRecord::Outcome::Succeeded)};
        });
        add([](CallRecord &c) {
            c.attempts = {attempt(0, AttemptRecord::Outcome::Failed), attempt(1, AttemptRecord::Outcome::Failed),
                          attempt(2, AttemptRecord::Outcome::Succeeded)};
        });
        add([](CallRecord &c) {
            c.attempts = {attempt(1, AttemptRecord::Outcome::Succeeded), attempt(2, AttemptRecord::Outcome::Succeeded)};
        });
        add([](CallRecord &c) {
            c.attempts = {attempt(0, AttemptRecord::Outcome::Failed), attempt(1, AttemptRecord::Outcome::Failed),
                          attempt(1, AttemptRecord::Outcome::Succeeded, 1)};
        });
        // A failed call whose later hop "answered" still counts as a fallback of its (failed) key.
        add([](CallRecord &c) {
            c.status = CallRecord::Status::Failed;
            c.errorClass = FailureClass::Validation;
            c.attempts = {attempt(1, AttemptRecord::Outcome::Succeeded)};
        });
        // NULL ids and version become 0; an empty prompt key; non-ASCII names.
        add([](CallRecord &c) {
            c.botId.reset();
            c.configId.reset();
            c.promptVersion.reset();
            c.promptKey.clear();
        });
        add([](CallRecord &c) {
            c.promptKey = QStringLiteral("begr\u00fc\u00dfung-\u043a\u043b\u044e\u0447");
            c.servedModel = QStringLiteral("mod\u00e8le-\u6a21\u578b");
        });
        // Days: the last millisecond of one and the first of the next; a five-digit year (created_at's fallback).
        add([](CallRecord &c) { c.createdAt = at("2026-03-14T23:59:59.999Z"); });
        add([](CallRecord &c) { c.createdAt = at("2026-03-15T00:00:00.000Z"); });
        add([](CallRecord &c) { c.createdAt = QDateTime(QDate(10000, 1, 1), QTime(12, 0), Qt::UTC); });
        // Costs on and around half a micro-dollar, negative, zero and huge (each in a key of its own).
        const double costs[] = {0.0000005,  0.0000015, 0.0000025,  -0.0000005, -0.0000015,   1.0000005,
                                0.00000049, 0.0,       0.12345650, 4.5e9,      4503599627.5, 1e300};
        for (const double cost : costs) {
            add([cost](CallRecord &c) {
                c.costUsd = cost;
                c.promptKey = QStringLiteral("cost-%1").arg(cost, 0, 'g', 17);
            });
        }
        // Costs at .5 micro-dollar steps summed in one key.
        for (int i = 0; i < 8; ++i)
            add([i](CallRecord &c) {
                c.costUsd = (2 * i + 1) * 0.0000005;
                c.promptKey = QStringLiteral("halves");
            });
        return calls;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database = std::make_unique<Database>();
        QVERIFY(m_database->open(m_dir.filePath(QStringLiteral("totals-%1.db").arg(++m_files))).ok());
        QVERIFY(WorkspaceInstaller(*m_database).install(WorkspaceInstaller::sampleFolder()).ok());
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT bot_id, id FROM llm_configs LIMIT 1")) && q.next());
        m_botId = q.value(0).toLongLong();
        m_configId = q.value(1).toLongLong();
        QVERIFY(rollupRows().isEmpty());
    }

    void cleanup() { m_database.reset(); }

    void costMicroUsdIsSqlitesRounding()
    {
        QList<double> costs = {0.0,
                               -0.0,
                               0.0000005,
                               0.0000015,
                               0.0000025,
                               -0.0000005,
                               -0.0000025,
                               1.0000005,
                               2.5e-6,
                               0.00000049,
                               4.99999e-7,
                               0.49999999999999994e-6,
                               4.5e9,
                               -4.5e9,
                               4503599627.5,
                               4503599627.3704965,
                               9.3e12,
                               -9.3e12,
                               9.2233720368547758e12,
                               1e300,
                               -1e300,
                               1e-300,
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity()};
        QRandomGenerator random(2026);
        for (int i = 0; i < 2000; ++i) {
            // Prices and token counts give costs with up to 9 decimals; some land on half micro-dollars.
            const double magnitude = std::pow(10.0, random.bounded(-9, 4));
            costs << std::round(random.generateDouble() * 1e6) * magnitude * (i % 7 == 0 ? -1 : 1)
                  << (random.bounded(200000) + 0.5) / 1e6;
        }
        QSqlQuery q(m_database->connection());
        QVERIFY(q.prepare(QStringLiteral("SELECT CAST(ROUND(? * 1000000) AS INTEGER)")));
        for (const double cost : std::as_const(costs)) {
            q.bindValue(0, cost);
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            QVERIFY2(q.value(0).toLongLong() == BatchRollupTotals::costMicroUsd(cost),
                     qPrintable(QStringLiteral("%1: SQLite %2, C++ %3")
                                    .arg(cost, 0, 'g', 17)
                                    .arg(q.value(0).toLongLong())
                                    .arg(BatchRollupTotals::costMicroUsd(cost))));
        }
    }

    void totalsEqualWhatTheTriggersMake()
    {
        const std::vector<CallRecord> calls = edgeCases();
        // The per-row triggers keep the rollups while the recorder inserts.
        {
            UsageRecorder::Options options;
            options.batchRollups = false;
            UsageRecorder recorder(*m_database, options);
            for (const CallRecord &call : calls)
                recorder.record(call);
            const auto flushed = recorder.flush();
            QVERIFY2(flushed.ok(), qPrintable(flushed.ok() ? QString() : flushed.error().toString()));
        }
        const QStringList byTriggers = rollupRows();
        QVERIFY(byTriggers.size() > 40);
        QVERIFY(RollupChecker(*m_database).check()->consistent());

        // The same calls' totals, written alone: no rows are inserted, so nothing but the totals can fill the tables.
        exec(QStringLiteral("DELETE FROM report_daily"));
        exec(QStringLiteral("DELETE FROM report_daily_fallbacks"));
        exec(QStringLiteral("DELETE FROM report_latency"));
        {
            Transaction tx(m_database->connection());
            QVERIFY(tx.isActive());
            DeferredRollups rollups(m_database->connection());
            QVERIFY(rollups.defer().ok());
            for (const CallRecord &call : calls)
                rollups.add(call);
            const auto applied = rollups.apply();
            QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
            QVERIFY(tx.commit().ok());
        }
        const QStringList byTotals = rollupRows();
        for (int i = 0; i < qMin(byTriggers.size(), byTotals.size()); ++i)
            QCOMPARE(byTotals.at(i), byTriggers.at(i));
        QCOMPARE(byTotals.size(), byTriggers.size());

        // Added once more, onto existing rows: the UPSERTs add (and append) rather than replace.
        {
            Transaction tx(m_database->connection());
            DeferredRollups rollups(m_database->connection());
            QVERIFY(rollups.defer().ok());
            for (const CallRecord &call : calls)
                rollups.add(call);
            QVERIFY(rollups.apply().ok());
            QVERIFY(tx.commit().ok());
        }
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT SUM(calls) FROM report_daily")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(2 * calls.size()));
    }

    void batchRecordingMatchesTheTriggers()
    {
        // The recorder's own batch path (native inserts, C++ totals) on the edge cases, checked against the raw rows.
        const std::vector<CallRecord> calls = edgeCases();
        {
            UsageRecorder recorder(*m_database, UsageRecorder::Options{8, 250, true, true});
            for (const CallRecord &call : calls)
                recorder.record(call);
            QVERIFY(recorder.flush().ok());
        }
        const auto check = RollupChecker(*m_database).check();
        QVERIFY(check.ok());
        QVERIFY2(check->consistent(), qPrintable(check->examples.join(QLatin1Char('\n'))));
        QSqlQuery control(m_database->connection());
        QVERIFY(control.exec(QStringLiteral("SELECT deferred FROM rollup_control")) && control.next());
        QCOMPARE(control.value(0).toInt(), 0);
    }

    void overflowingTotalsRefuseTheBatchLikeSql()
    {
        // Two calls whose input tokens sum past 2^63 - 1: SQLite's SUM() fails on them, so the batch is refused
        // rather than written with wrapped totals, whichever way its rollups are computed.
        std::vector<CallRecord> calls = edgeCases();
        calls.resize(2);
        for (CallRecord &call : calls) {
            call.usage.input = std::numeric_limits<qint64>::max() - 1;
            call.promptKey = QStringLiteral("overflow");
        }
        UsageRecorder recorder(*m_database, UsageRecorder::Options{8, 250, true, true});
        for (const CallRecord &call : calls)
            recorder.record(call);
        const auto flushed = recorder.flush();
        QVERIFY(!flushed.ok());
        QVERIFY2(flushed.error().message.contains(QLatin1String("overflow")), qPrintable(flushed.error().message));
        QCOMPARE(recorder.droppedCount(), qint64(2));
        QVERIFY(rollupRows().isEmpty());
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestBatchRollupTotals)
#include "tst_batchrolluptotals.moc"
