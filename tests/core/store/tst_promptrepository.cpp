#include "core/store/Database.h"
#include "core/store/PromptRepository.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

const QString Key = QStringLiteral("astrology.daily");

QString body(int n)
{
    return QStringLiteral("key: astrology.daily\nsystem: |\n  You are an astrologer. Draft %1.\n").arg(n);
}

QList<int> numbersOf(const QList<PromptVersion> &versions)
{
    QList<int> numbers;
    for (const PromptVersion &version : versions)
        numbers.append(version.version);
    return numbers;
}

}  // namespace

class TestPromptRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void versionsAreNumbered();
    void identicalBodyAddsNothing();
    void revertingToAnOlderBodyAddsAVersion();
    void keysAreIndependentAndSorted();
    void missingThingsAreNotFound();
    void invalidKeyIsRefused();
    void labelsMoveAndAreRecorded();
    void movingToAMissingVersionChangesNothing();
    void versionsAreImmutable();
    void removePromptRemovesEverything();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PromptRepository> m_prompts;
};

void TestPromptRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_prompts = std::make_unique<PromptRepository>(*m_database);
}

void TestPromptRepository::cleanup()
{
    m_prompts.reset();
    m_database.reset();
    m_dir.reset();
}

void TestPromptRepository::versionsAreNumbered()
{
    for (int n = 1; n <= 3; ++n) {
        const auto added = m_prompts->addVersion(Key, body(n), QStringLiteral("ana"), QStringLiteral("note %1").arg(n));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
        QVERIFY(added->created);
        QCOMPARE(added->version.version, n);
        QCOMPARE(added->version.key, Key);
        QCOMPARE(added->version.body, body(n));
        QCOMPARE(added->version.author, QStringLiteral("ana"));
        QCOMPARE(added->version.note, QStringLiteral("note %1").arg(n));
        QVERIFY(added->version.created.isValid());
    }
    const auto history = m_prompts->history(Key);
    QVERIFY(history.ok());
    QCOMPARE(numbersOf(*history), (QList<int>{1, 2, 3}));
    QCOMPARE(history->at(1).body, body(2));

    const auto latest = m_prompts->latest(Key);
    QVERIFY(latest.ok());
    QCOMPARE(latest->version, 3);
    const auto second = m_prompts->version(Key, 2);
    QVERIFY(second.ok());
    QCOMPARE(second->body, body(2));

    // The hash is SHA-256 of the UTF-8 bytes, also for text outside ASCII.
    const QString unicode = QStringLiteral("system: Привет, 世界 — ✨\n");
    const auto added = m_prompts->addVersion(Key, unicode, QString(), QString());
    QVERIFY(added.ok());
    QCOMPARE(added->version.contentHash,
             QString::fromLatin1(QCryptographicHash::hash(unicode.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(added->version.body, unicode);
}

void TestPromptRepository::identicalBodyAddsNothing()
{
    QVERIFY(m_prompts->addVersion(Key, body(1), QStringLiteral("ana"), QString()).ok());
    const auto second = m_prompts->addVersion(Key, body(2), QStringLiteral("ana"), QString());
    QVERIFY(second.ok());

    const auto same = m_prompts->addVersion(Key, body(2), QStringLiteral("bob"), QStringLiteral("re-import"));
    QVERIFY(same.ok());
    QVERIFY(!same->created);
    QCOMPARE(same->version.version, 2);
    QCOMPARE(same->version.author, QStringLiteral("ana"));  // the existing version, untouched
    QCOMPARE(same->version.id, second->version.id);
    QCOMPARE(numbersOf(*m_prompts->history(Key)), (QList<int>{1, 2}));

    // One changed byte is a change.
    const auto changed = m_prompts->addVersion(Key, body(2) + QLatin1Char(' '), QString(), QString());
    QVERIFY(changed.ok());
    QVERIFY(changed->created);
    QCOMPARE(changed->version.version, 3);
}

void TestPromptRepository::revertingToAnOlderBodyAddsAVersion()
{
    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->addVersion(Key, body(2), QString(), QString()).ok());
    const auto reverted = m_prompts->addVersion(Key, body(1), QString(), QStringLiteral("revert"));
    QVERIFY(reverted.ok());
    QVERIFY(reverted->created);
    QCOMPARE(reverted->version.version, 3);
    QCOMPARE(reverted->version.contentHash, m_prompts->version(Key, 1)->contentHash);
}

void TestPromptRepository::keysAreIndependentAndSorted()
{
    QVERIFY(m_prompts->addVersion(QStringLiteral("zeta"), body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->addVersion(Key, body(2), QString(), QString()).ok());
    const auto other = m_prompts->addVersion(QStringLiteral("zeta"), body(2), QString(), QString());
    QVERIFY(other.ok());
    QCOMPARE(other->version.version, 2);
    // The same body under another key is a version of that key, not a duplicate.
    const auto alpha = m_prompts->addVersion(QStringLiteral("alpha"), body(1), QString(), QString());
    QVERIFY(alpha.ok());
    QVERIFY(alpha->created);
    QCOMPARE(alpha->version.version, 1);
    QCOMPARE(*m_prompts->keys(), (QStringList{QStringLiteral("alpha"), Key, QStringLiteral("zeta")}));
}

void TestPromptRepository::missingThingsAreNotFound()
{
    QCOMPARE(m_prompts->latest(QStringLiteral("nope")).error().code, Error::Code::NotFound);
    QCOMPARE(m_prompts->history(QStringLiteral("nope")).error().code, Error::Code::NotFound);
    QCOMPARE(m_prompts->labels(QStringLiteral("nope")).error().code, Error::Code::NotFound);
    QVERIFY(m_prompts->keys()->isEmpty());

    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->addVersion(Key, body(2), QString(), QString()).ok());
    const auto missing = m_prompts->version(Key, 9);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY2(missing.error().message.contains(QLatin1String("no version 9; its versions are 1 to 2")),
             qPrintable(missing.error().message));
    const auto noLabel = m_prompts->byLabel(Key, QStringLiteral("production"));
    QVERIFY(!noLabel.ok());
    QCOMPARE(noLabel.error().code, Error::Code::NotFound);
    QVERIFY(noLabel.error().message.contains(QLatin1String("no label 'production'")));
}

void TestPromptRepository::invalidKeyIsRefused()
{
    for (const QString &key : {QString(), QStringLiteral(" padded "), QStringLiteral("   ")}) {
        const auto added = m_prompts->addVersion(key, body(1), QString(), QString());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, Error::Code::InvalidInput);
    }
    QVERIFY(m_prompts->keys()->isEmpty());
}

void TestPromptRepository::labelsMoveAndAreRecorded()
{
    for (int n = 1; n <= 3; ++n)
        QVERIFY(m_prompts->addVersion(Key, body(n), QString(), QString()).ok());

    const auto created = m_prompts->moveLabel(Key, QStringLiteral("production"), 1, QStringLiteral("ana"));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    QVERIFY(created->has_value());
    QVERIFY(!(*created)->fromVersion.has_value());
    QCOMPARE((*created)->toVersion, 1);
    QCOMPARE(m_prompts->byLabel(Key, QStringLiteral("production"))->version, 1);

    QVERIFY(m_prompts->moveLabel(Key, QStringLiteral("staging"), 3, QStringLiteral("bob")).ok());
    const auto moved = m_prompts->moveLabel(Key, QStringLiteral("production"), 3, QStringLiteral("carol"));
    QVERIFY(moved.ok());
    QVERIFY(moved->has_value());
    QCOMPARE((*moved)->fromVersion, std::optional<int>(1));
    QCOMPARE((*moved)->toVersion, 3);
    QCOMPARE((*moved)->movedBy, QStringLiteral("carol"));
    QCOMPARE(m_prompts->byLabel(Key, QStringLiteral("production"))->body, body(3));

    // Moving to where it already points is a no-op: nothing recorded.
    const auto noop = m_prompts->moveLabel(Key, QStringLiteral("production"), 3, QStringLiteral("dave"));
    QVERIFY(noop.ok());
    QVERIFY(!noop->has_value());

    const auto labels = m_prompts->labels(Key);
    QVERIFY(labels.ok());
    QCOMPARE(labels->size(), 2);
    QCOMPARE(labels->at(0).label, QStringLiteral("production"));
    QCOMPARE(labels->at(0).version, 3);
    QCOMPARE(labels->at(1).label, QStringLiteral("staging"));
    QCOMPARE(labels->at(1).version, 3);

    const auto history = m_prompts->labelHistory(Key);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(0).label, QStringLiteral("production"));
    QVERIFY(!history->at(0).fromVersion.has_value());
    QCOMPARE(history->at(0).toVersion, 1);
    QCOMPARE(history->at(0).movedBy, QStringLiteral("ana"));
    QCOMPARE(history->at(1).label, QStringLiteral("staging"));
    QCOMPARE(history->at(2).fromVersion, std::optional<int>(1));
    QCOMPARE(history->at(2).toVersion, 3);
    QCOMPARE(history->at(2).movedBy, QStringLiteral("carol"));
    QVERIFY(history->at(2).movedAt.isValid());
    QVERIFY(history->at(2).movedAt >= history->at(0).movedAt);
}

void TestPromptRepository::movingToAMissingVersionChangesNothing()
{
    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->moveLabel(Key, QStringLiteral("production"), 1, QStringLiteral("ana")).ok());

    const auto missing = m_prompts->moveLabel(Key, QStringLiteral("production"), 4, QStringLiteral("ana"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(m_prompts->byLabel(Key, QStringLiteral("production"))->version, 1);
    QCOMPARE(m_prompts->labelHistory(Key)->size(), 1);

    QCOMPARE(m_prompts->moveLabel(QStringLiteral("nope"), QStringLiteral("production"), 1, QString()).error().code,
             Error::Code::NotFound);
    QCOMPARE(m_prompts->moveLabel(Key, QString(), 1, QString()).error().code, Error::Code::InvalidInput);
}

void TestPromptRepository::versionsAreImmutable()
{
    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QSqlQuery query(m_database->connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE prompt_versions SET body = 'tampered'")));
    QVERIFY2(query.lastError().text().contains(QLatin1String("immutable")), qPrintable(query.lastError().text()));
    QCOMPARE(m_prompts->version(Key, 1)->body, body(1));
    // A second row with the same number is impossible too.
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO prompt_versions (prompt_id, version, body, content_hash, "
                                       "created_at) SELECT prompt_id, 1, 'x', 'x', 'x' FROM prompt_versions")));
}

void TestPromptRepository::removePromptRemovesEverything()
{
    QVERIFY(m_prompts->addVersion(Key, body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->addVersion(QStringLiteral("other"), body(1), QString(), QString()).ok());
    QVERIFY(m_prompts->moveLabel(Key, QStringLiteral("production"), 1, QString()).ok());
    QVERIFY(m_prompts->moveLabel(QStringLiteral("other"), QStringLiteral("production"), 1, QString()).ok());

    const auto removed = m_prompts->removePrompt(Key);
    QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
    QCOMPARE(*m_prompts->keys(), QStringList{QStringLiteral("other")});
    QCOMPARE(m_prompts->latest(Key).error().code, Error::Code::NotFound);
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM prompt_versions), (SELECT COUNT(*) FROM "
                                      "prompt_labels), (SELECT COUNT(*) FROM prompt_label_moves)")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toInt(), 1);
    QCOMPARE(query.value(2).toInt(), 1);
    QCOMPARE(m_prompts->removePrompt(Key).error().code, Error::Code::NotFound);

    // The key can start over at version 1.
    const auto fresh = m_prompts->addVersion(Key, body(5), QString(), QString());
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->version.version, 1);
}

QTEST_GUILESS_MAIN(TestPromptRepository)
#include "tst_promptrepository.moc"
