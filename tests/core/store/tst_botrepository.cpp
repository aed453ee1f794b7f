#include "core/store/BotRepository.h"
#include "core/store/Database.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace Switchyard;

namespace {

Bot namedBot(const QString &name, const QString &slug = QString())
{
    Bot bot;
    bot.name = name;
    bot.slug = slug;
    return bot;
}

QStringList slugsOf(const QList<Bot> &bots)
{
    QStringList slugs;
    for (const Bot &bot : bots)
        slugs.append(bot.slug);
    return slugs;
}

}  // namespace

class TestBotRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void slugify_data();
    void slugify();
    void createDerivesSlugAndAssignsIdentity();
    void createKeepsEveryField();
    void duplicateSlugIsRefused();
    void invalidInputIsRefused_data();
    void invalidInputIsRefused();
    void updateSavesFieldsAndChecksSlug();
    void softDeleteAndRestore();
    void deletedBotKeepsItsSlug();
    void listIsOrderedByRankThenName();
    void unknownIdsAreNotFound();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<BotRepository> m_bots;
};

void TestBotRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_bots = std::make_unique<BotRepository>(*m_database);
}

void TestBotRepository::cleanup()
{
    m_bots.reset();
    m_database.reset();
    m_dir.reset();
}

void TestBotRepository::slugify_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("Support Bot") << QStringLiteral("support-bot");
    QTest::newRow("accents and punctuation")
        << QStringLiteral("Café Crème — Daily!") << QStringLiteral("cafe-creme-daily");
    QTest::newRow("spaces trimmed and collapsed")
        << QStringLiteral("  Hello   World  ") << QStringLiteral("hello-world");
    QTest::newRow("dashes trimmed and collapsed") << QStringLiteral("--a--b--") << QStringLiteral("a-b");
    QTest::newRow("digits kept") << QStringLiteral("Bot 2.0") << QStringLiteral("bot-2-0");
    QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("strasse");
    QTest::newRow("letters NFKD keeps whole") << QStringLiteral("Ærø Łódź Þór") << QStringLiteral("aero-lodz-thor");
    QTest::newRow("cedilla and upper case") << QStringLiteral("ÇA VA?") << QStringLiteral("ca-va");
    QTest::newRow("ligature") << QStringLiteral("ﬁne tuned") << QStringLiteral("fine-tuned");
    QTest::newRow("emoji between words") << QStringLiteral("Star ⭐ Gazer") << QStringLiteral("star-gazer");
    QTest::newRow("no ASCII at all") << QStringLiteral("日本語") << QString();
    QTest::newRow("only punctuation") << QStringLiteral("!!! ???") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("already a slug") << QStringLiteral("astro-daily-2") << QStringLiteral("astro-daily-2");
    QTest::newRow("cut at 64 without trailing dash")
        << (QString(63, QLatin1Char('a')) + QStringLiteral(" bcd")) << QString(63, QLatin1Char('a'));
}

void TestBotRepository::slugify()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString slug = BotRepository::slugify(input);
    QCOMPARE(slug, expected);
    QVERIFY(slug.size() <= 64);
    QCOMPARE(BotRepository::slugify(slug), slug);  // idempotent
}

void TestBotRepository::createDerivesSlugAndAssignsIdentity()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const auto created = m_bots->create(namedBot(QStringLiteral("  Café Oracle  ")));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    QVERIFY(created->id > 0);
    QCOMPARE(created->name, QStringLiteral("Café Oracle"));
    QCOMPARE(created->slug, QStringLiteral("cafe-oracle"));
    QVERIFY(!QUuid::fromString(created->uuid).isNull());
    QCOMPARE(created->status, QStringLiteral("draft"));
    QVERIFY(created->created.isValid());
    QVERIFY(created->created >= before);
    QCOMPARE(created->created.timeSpec(), Qt::UTC);
    QCOMPARE(created->updated, created->created);
    QVERIFY(!created->isDeleted());
    QVERIFY(!created->launched.isValid());

    const auto second = m_bots->create(namedBot(QStringLiteral("Second")));
    QVERIFY(second.ok());
    QVERIFY(second->id != created->id);
    QVERIFY(second->uuid != created->uuid);
}

void TestBotRepository::createKeepsEveryField()
{
    Bot bot;
    bot.uuid = QStringLiteral("5b7c1a52-0000-4000-8000-000000000001");
    bot.name = QStringLiteral("Astro");
    bot.slug = QStringLiteral("astro-daily");
    bot.description = QStringLiteral("Daily horoscopes");
    bot.avatar = QStringLiteral("avatars/astro.svg");
    bot.status = QStringLiteral("live");
    bot.type = QStringLiteral("astrology");
    bot.rank = 7;
    bot.metadata = QJsonObject{{QStringLiteral("tone"), QStringLiteral("warm")},
                               {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}};
    bot.launched = QDateTime(QDate(2024, 3, 1), QTime(9, 30, 15, 250), Qt::UTC);
    const auto created = m_bots->create(bot);
    QVERIFY(created.ok());

    const auto loaded = m_bots->byId(created->id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->uuid, bot.uuid);
    QCOMPARE(loaded->slug, bot.slug);
    QCOMPARE(loaded->description, bot.description);
    QCOMPARE(loaded->avatar, bot.avatar);
    QCOMPARE(loaded->status, bot.status);
    QCOMPARE(loaded->type, bot.type);
    QCOMPARE(loaded->rank, 7);
    QCOMPARE(loaded->metadata, bot.metadata);
    QCOMPARE(loaded->launched, bot.launched);
}

void TestBotRepository::duplicateSlugIsRefused()
{
    QVERIFY(m_bots->create(namedBot(QStringLiteral("Support Bot"))).ok());

    // A different name that folds to the same slug.
    const auto derived = m_bots->create(namedBot(QStringLiteral("SUPPORT-bot!")));
    QVERIFY(!derived.ok());
    QCOMPARE(derived.error().code, Error::Code::Conflict);
    QVERIFY2(derived.error().message.contains(QLatin1String("'support-bot'")), qPrintable(derived.error().message));
    QVERIFY(derived.error().message.contains(QLatin1String("Support Bot")));  // names the owner

    // The same slug given explicitly.
    const auto explicitSlug = m_bots->create(namedBot(QStringLiteral("Other"), QStringLiteral("support-bot")));
    QVERIFY(!explicitSlug.ok());
    QCOMPARE(explicitSlug.error().code, Error::Code::Conflict);

    const auto all = m_bots->list(true);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1);
}

void TestBotRepository::invalidInputIsRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty name") << QStringLiteral("   ") << QString() << QStringLiteral("draft")
                                << QStringLiteral("name");
    QTest::newRow("name without a slug") << QStringLiteral("日本語") << QString() << QStringLiteral("draft")
                                         << QStringLiteral("give the bot a slug");
    QTest::newRow("slug not slug-shaped") << QStringLiteral("Fine") << QStringLiteral("Bad Slug")
                                          << QStringLiteral("draft") << QStringLiteral("'bad-slug'");
    QTest::newRow("unknown status") << QStringLiteral("Fine") << QString() << QStringLiteral("retired")
                                    << QStringLiteral("draft, live or archived");
}

void TestBotRepository::invalidInputIsRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QFETCH(QString, status);
    QFETCH(QString, mentions);
    Bot bot = namedBot(name, slug);
    bot.status = status;
    const auto created = m_bots->create(bot);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, Error::Code::InvalidInput);
    QVERIFY2(created.error().message.contains(mentions), qPrintable(created.error().message));
    QCOMPARE(m_bots->list(true)->size(), 0);
}

void TestBotRepository::updateSavesFieldsAndChecksSlug()
{
    const auto first = m_bots->create(namedBot(QStringLiteral("First")));
    const auto second = m_bots->create(namedBot(QStringLiteral("Second")));
    QVERIFY(first.ok() && second.ok());
    QTest::qWait(5);  // so the update time differs from the creation time

    Bot edited = *first;
    edited.name = QStringLiteral("First, renamed");
    edited.slug = QStringLiteral("first-renamed");
    edited.status = QStringLiteral("archived");
    edited.metadata = QJsonObject{{QStringLiteral("k"), 1}};
    const auto updated = m_bots->update(edited);
    QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().toString()));
    QCOMPARE(updated->name, QStringLiteral("First, renamed"));
    QCOMPARE(updated->slug, QStringLiteral("first-renamed"));
    QCOMPARE(updated->status, QStringLiteral("archived"));
    QCOMPARE(updated->metadata.value(QStringLiteral("k")).toInt(), 1);
    QCOMPARE(updated->created, first->created);
    QVERIFY(updated->updated > first->updated);
    QCOMPARE(updated->uuid, first->uuid);

    // Keeping its own slug is fine; taking another bot's is not.
    QVERIFY(m_bots->update(*updated).ok());
    Bot stealing = *updated;
    stealing.slug = second->slug;
    const auto refused = m_bots->update(stealing);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(m_bots->byId(first->id)->slug, QStringLiteral("first-renamed"));

    Bot ghost = *updated;
    ghost.id = 4242;
    const auto missing = m_bots->update(ghost);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestBotRepository::softDeleteAndRestore()
{
    const auto keep = m_bots->create(namedBot(QStringLiteral("Keep")));
    const auto gone = m_bots->create(namedBot(QStringLiteral("Gone")));
    QVERIFY(keep.ok() && gone.ok());

    QVERIFY(m_bots->softDelete(gone->id).ok());
    QCOMPARE(slugsOf(*m_bots->list()), QStringList{QStringLiteral("keep")});
    QCOMPARE(slugsOf(*m_bots->list(true)), (QStringList{QStringLiteral("gone"), QStringLiteral("keep")}));
    QCOMPARE(slugsOf(*m_bots->listDeleted()), QStringList{QStringLiteral("gone")});

    const auto deleted = m_bots->byId(gone->id);
    QVERIFY(deleted.ok());
    QVERIFY(deleted->isDeleted());
    QCOMPARE(deleted->deleted.timeSpec(), Qt::UTC);

    // Editing a deleted bot is refused; deleting it again keeps the first deletion time.
    const auto edit = m_bots->update(*deleted);
    QVERIFY(!edit.ok());
    QVERIFY(edit.error().message.contains(QLatin1String("restore")));
    QTest::qWait(5);
    QVERIFY(m_bots->softDelete(gone->id).ok());
    QCOMPARE(m_bots->byId(gone->id)->deleted, deleted->deleted);

    QVERIFY(m_bots->restore(gone->id).ok());
    QVERIFY(!m_bots->byId(gone->id)->isDeleted());
    QCOMPARE(m_bots->list()->size(), 2);
    QVERIFY(m_bots->listDeleted()->isEmpty());
    QVERIFY(m_bots->restore(gone->id).ok());  // restoring a live bot changes nothing
    QCOMPARE(m_bots->list()->size(), 2);
}

void TestBotRepository::deletedBotKeepsItsSlug()
{
    const auto bot = m_bots->create(namedBot(QStringLiteral("Reserved")));
    QVERIFY(bot.ok());
    QVERIFY(m_bots->softDelete(bot->id).ok());
    const auto again = m_bots->create(namedBot(QStringLiteral("Reserved")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QVERIFY2(again.error().message.contains(QLatin1String("deleted")), qPrintable(again.error().message));
    QVERIFY(again.error().message.contains(QLatin1String("restore")));
}

void TestBotRepository::listIsOrderedByRankThenName()
{
    const auto make = [&](const QString &name, int rank) {
        Bot bot = namedBot(name);
        bot.rank = rank;
        return m_bots->create(bot).ok();
    };
    QVERIFY(make(QStringLiteral("zulu"), 1));
    QVERIFY(make(QStringLiteral("Alpha"), 2));
    QVERIFY(make(QStringLiteral("bravo"), 1));
    QVERIFY(make(QStringLiteral("Charlie"), 0));
    QCOMPARE(slugsOf(*m_bots->list()), (QStringList{QStringLiteral("charlie"), QStringLiteral("bravo"),
                                                    QStringLiteral("zulu"), QStringLiteral("alpha")}));
}

void TestBotRepository::unknownIdsAreNotFound()
{
    const auto byId = m_bots->byId(99);
    QVERIFY(!byId.ok());
    QCOMPARE(byId.error().code, Error::Code::NotFound);
    QVERIFY(byId.error().message.contains(QLatin1String("id 99")));
    const auto bySlug = m_bots->bySlug(QStringLiteral("nobody"));
    QVERIFY(!bySlug.ok());
    QCOMPARE(bySlug.error().code, Error::Code::NotFound);
    QVERIFY(bySlug.error().message.contains(QLatin1String("'nobody'")));
    QCOMPARE(m_bots->softDelete(99).error().code, Error::Code::NotFound);
    QCOMPARE(m_bots->restore(99).error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestBotRepository)
#include "tst_botrepository.moc"
