#include "core/store/BudgetRepository.h"
#include "core/store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::Budget)

namespace {

Budget makeBudget(Budget::Scope scope, const QString &ref, std::optional<qint64> tokens, std::optional<double> cost)
{
    Budget budget;
    budget.scope = scope;
    budget.scopeRef = ref;
    budget.maxTokens = tokens;
    budget.maxCostUsd = cost;
    return budget;
}

}  // namespace

class TestBudgetRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void setAndGet();
    void setReplacesTheScopesBudget();
    void scopesAreSeparate();
    void removeReportsWhetherThereWasOne();
    void setValidates_data();
    void setValidates();
    void listOrdersByScope();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<BudgetRepository> m_budgets;
};

void TestBudgetRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("ws.db"))).ok());
    m_budgets = std::make_unique<BudgetRepository>(*m_database);
}

void TestBudgetRepository::cleanup()
{
    m_budgets.reset();
    m_database.reset();
    m_dir.reset();
}

void TestBudgetRepository::setAndGet()
{
    QVERIFY(!m_budgets->get(Budget::Scope::Bot, QStringLiteral("astro-guide"))->has_value());
    const auto saved =
        m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("astro-guide"), 100000, std::nullopt));
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->scope, Budget::Scope::Bot);
    QCOMPARE(saved->maxTokens, std::optional<qint64>(100000));
    QVERIFY(!saved->maxCostUsd.has_value());
    QVERIFY(saved->created.isValid());

    const auto loaded = m_budgets->get(Budget::Scope::Bot, QStringLiteral("astro-guide"));
    QVERIFY(loaded.ok() && loaded->has_value());
    QCOMPARE((*loaded)->id, saved->id);
    QCOMPARE((*loaded)->scopeRef, QStringLiteral("astro-guide"));
    QCOMPARE((*loaded)->maxTokens, std::optional<qint64>(100000));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT scope, period FROM budgets")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("bot"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("daily"));
}

void TestBudgetRepository::setReplacesTheScopesBudget()
{
    const auto first = m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("b"), 1000, std::nullopt));
    const auto second = m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("b"), std::nullopt, 2.5));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second->id, first->id);  // the same row, updated in place
    QVERIFY(!second->maxTokens.has_value());
    QCOMPARE(second->maxCostUsd, std::optional<double>(2.5));
    QCOMPARE(m_budgets->list()->size(), 1);
}

void TestBudgetRepository::scopesAreSeparate()
{
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("x"), 10, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::User, QStringLiteral("x"), 20, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Workspace, QString(), 30, 1.0)).ok());
    QCOMPARE((*m_budgets->get(Budget::Scope::Bot, QStringLiteral("x")))->maxTokens, std::optional<qint64>(10));
    QCOMPARE((*m_budgets->get(Budget::Scope::User, QStringLiteral("x")))->maxTokens, std::optional<qint64>(20));
    QCOMPARE((*m_budgets->get(Budget::Scope::Workspace))->maxTokens, std::optional<qint64>(30));
    QVERIFY(!m_budgets->get(Budget::Scope::Bot, QStringLiteral("y"))->has_value());
}

void TestBudgetRepository::removeReportsWhetherThereWasOne()
{
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("a"), 10, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("b"), 10, std::nullopt)).ok());
    QCOMPARE(*m_budgets->remove(Budget::Scope::Bot, QStringLiteral("a")), true);
    QCOMPARE(*m_budgets->remove(Budget::Scope::Bot, QStringLiteral("a")), false);
    QVERIFY(!m_budgets->get(Budget::Scope::Bot, QStringLiteral("a"))->has_value());
    QVERIFY(m_budgets->get(Budget::Scope::Bot, QStringLiteral("b"))->has_value());
}

void TestBudgetRepository::setValidates_data()
{
    QTest::addColumn<Budget>("budget");
    QTest::newRow("limits nothing") << makeBudget(Budget::Scope::Bot, QStringLiteral("b"), std::nullopt, std::nullopt);
    QTest::newRow("bot without slug") << makeBudget(Budget::Scope::Bot, QString(), 10, std::nullopt);
    QTest::newRow("user without ref") << makeBudget(Budget::Scope::User, QStringLiteral(" "), 10, std::nullopt);
    QTest::newRow("workspace with ref") << makeBudget(Budget::Scope::Workspace, QStringLiteral("w"), 10, std::nullopt);
    QTest::newRow("negative tokens") << makeBudget(Budget::Scope::Bot, QStringLiteral("b"), -1, std::nullopt);
    QTest::newRow("negative cost") << makeBudget(Budget::Scope::Bot, QStringLiteral("b"), std::nullopt, -0.5);
}

void TestBudgetRepository::setValidates()
{
    QFETCH(Budget, budget);
    const auto refused = m_budgets->set(budget);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY(m_budgets->list()->isEmpty());
}

void TestBudgetRepository::listOrdersByScope()
{
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::User, QStringLiteral("alice"), 5, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("zeta"), 5, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Bot, QStringLiteral("alpha"), 5, std::nullopt)).ok());
    QVERIFY(m_budgets->set(makeBudget(Budget::Scope::Workspace, QString(), std::nullopt, 10.0)).ok());
    const auto list = m_budgets->list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 4);
    QCOMPARE(list->at(0).scope, Budget::Scope::Workspace);
    QCOMPARE(list->at(1).scopeRef, QStringLiteral("alpha"));
    QCOMPARE(list->at(2).scopeRef, QStringLiteral("zeta"));
    QCOMPARE(list->at(3).scope, Budget::Scope::User);
}

QTEST_GUILESS_MAIN(TestBudgetRepository)
#include "tst_budgetrepository.moc"
