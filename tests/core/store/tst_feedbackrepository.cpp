#include "core/accounting/UsageRecorder.h"
#include "core/store/Database.h"
#include "core/store/FeedbackRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

class TestFeedbackRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rateStoresFeedbackForTheCall();
    void rateAgainReplacesTheUsersFeedback();
    void usersRateSeparately();
    void unknownCallIsNotFound();
    void ratingMustBeUpOrDown();

private:
    /// Records a call and flushes it, as the studio does before rating; returns its uuid.
    QString recordCall();
    qint64 feedbackRows();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<FeedbackRepository> m_feedback;
};

void TestFeedbackRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_recorder = std::make_unique<UsageRecorder>(*m_database);
    m_feedback = std::make_unique<FeedbackRepository>(*m_database);
}

void TestFeedbackRepository::cleanup()
{
    m_feedback.reset();
    m_recorder.reset();
    m_database.reset();
    m_dir.reset();
}

QString TestFeedbackRepository::recordCall()
{
    CallRecord call;
    call.uuid = UsageRecorder::newCallUuid();
    m_recorder->record(call);
    if (!m_recorder->flush().ok())
        return {};
    return call.uuid;
}

qint64 TestFeedbackRepository::feedbackRows()
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM feedback")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestFeedbackRepository::rateStoresFeedbackForTheCall()
{
    const QString uuid = recordCall();
    QVERIFY(!uuid.isEmpty());
    const auto saved = m_feedback->rate(uuid, -1, QStringLiteral("too vague"), QStringLiteral("alice"));
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QVERIFY(saved->id > 0);
    QVERIFY(saved->callId > 0);
    QCOMPARE(saved->callUuid, uuid);
    QCOMPARE(saved->rating, -1);
    QCOMPARE(saved->comment, QStringLiteral("too vague"));
    QCOMPARE(saved->userRef, QStringLiteral("alice"));
    QVERIFY(saved->created.isValid());

    const auto loaded = m_feedback->forCall(uuid, QStringLiteral("alice"));
    QVERIFY(loaded.ok() && loaded->has_value());
    QCOMPARE(**loaded, *saved);
    // Another user's feedback on the same call is not this one.
    QVERIFY(!m_feedback->forCall(uuid, QStringLiteral("bob"))->has_value());
}

void TestFeedbackRepository::rateAgainReplacesTheUsersFeedback()
{
    const QString uuid = recordCall();
    QVERIFY(m_feedback->rate(uuid, 1, QStringLiteral("great")).ok());
    const auto changed = m_feedback->rate(uuid, -1, QString());
    QVERIFY(changed.ok());
    QCOMPARE(feedbackRows(), 1);
    const auto loaded = m_feedback->forCall(uuid);
    QVERIFY(loaded.ok() && loaded->has_value());
    QCOMPARE((*loaded)->rating, -1);
    QCOMPARE((*loaded)->comment, QString());
}

void TestFeedbackRepository::usersRateSeparately()
{
    const QString uuid = recordCall();
    const QString other = recordCall();
    QVERIFY(m_feedback->rate(uuid, 1, {}, QStringLiteral("alice")).ok());
    QVERIFY(m_feedback->rate(uuid, -1, {}, QStringLiteral("bob")).ok());
    QVERIFY(m_feedback->rate(other, 1, {}, QStringLiteral("bob")).ok());
    const auto all = m_feedback->allForCall(uuid);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).userRef, QStringLiteral("alice"));
    QCOMPARE(all->at(0).rating, 1);
    QCOMPARE(all->at(1).userRef, QStringLiteral("bob"));
    QCOMPARE(all->at(1).rating, -1);
}

void TestFeedbackRepository::unknownCallIsNotFound()
{
    // Recorded but not yet flushed looks the same as never recorded: the caller must flush first.
    CallRecord pending;
    pending.uuid = UsageRecorder::newCallUuid();
    const auto saved = m_feedback->rate(pending.uuid, 1, {});
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::NotFound);
    QVERIFY(saved.error().message.contains(pending.uuid));
    QCOMPARE(feedbackRows(), 0);
}

void TestFeedbackRepository::ratingMustBeUpOrDown()
{
    const QString uuid = recordCall();
    for (const int rating : {0, 2, -5}) {
        const auto saved = m_feedback->rate(uuid, rating, {});
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, Error::Code::InvalidInput);
    }
    QCOMPARE(feedbackRows(), 0);
}

QTEST_GUILESS_MAIN(TestFeedbackRepository)
#include "tst_feedbackrepository.moc"
