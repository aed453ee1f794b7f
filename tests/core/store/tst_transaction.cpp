// Nested transactions become savepoints: inner work is undone alone, and nothing lands before the outer commit.
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Switchyard;

class TestTransaction : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Database m_database;

    int count(QSqlDatabase db)
    {
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT COUNT(*) FROM t"));
        return query.next() ? query.value(0).toInt() : -1;
    }
    void insert(QSqlDatabase db, int value)
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO t(v) VALUES (%1)").arg(value)));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_database.open(m_dir.filePath(QStringLiteral("t.db"))).ok());
        QSqlQuery query(m_database.connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t(v INTEGER)")));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM t")));
    }
    void cleanup() { m_database.close(); }

    void innerRollbackKeepsOuterWork()
    {
        QSqlDatabase db = m_database.connection();
        {
            Transaction outer(db);
            QVERIFY(outer.isActive());
            insert(db, 1);
            {
                Transaction inner(db);
                QVERIFY2(inner.isActive(), qPrintable(inner.error().message));
                insert(db, 2);
                QCOMPARE(count(db), 2);
            }  // rolled back
            QCOMPARE(count(db), 1);
            {
                Transaction inner(db);
                insert(db, 3);
                QVERIFY(inner.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(count(db), 2);
    }

    void outerRollbackUndoesCommittedInnerWork()
    {
        QSqlDatabase db = m_database.connection();
        {
            Transaction outer(db);
            Transaction inner(db);
            insert(db, 1);
            QVERIFY(inner.commit().ok());
        }  // outer rolled back
        QCOMPARE(count(db), 0);
        // The nesting level is back to zero: a new transaction is a real BEGIN that commits.
        Transaction again(db);
        insert(db, 5);
        QVERIFY(again.commit().ok());
        QCOMPARE(count(db), 1);
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
