#pragma once

// A workspace with generated demo history for the benches that measure queries on many calls. Generating a million
// calls takes minutes, so the file is kept in the build folder and reused while it holds the asked number of calls.
#include "core/reporting/DemoDataGenerator.h"
#include "core/store/Database.h"
#include "core/workspace/WorkspaceInstaller.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <cstdio>

namespace Switchyard::Bench {

/// Opens the history at @p path — the sample workspace with @p calls demo calls over @p days days ending @p lastDay
/// (seed 2026) — generating it first when missing or incomplete. False when it can not be opened or generated.
inline bool openDemoHistory(Database &database, const QString &path, qint64 calls, int days, const QDate &lastDay)
{
    if (QFile::exists(path)) {
        if (database.open(path).ok()) {
            QSqlQuery count(database.connection());
            if (count.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) && count.next() &&
                count.value(0).toLongLong() == calls)
                return true;
        }
        database.close();
        QFile::remove(path);
    }
    if (!database.open(path).ok() || !WorkspaceInstaller(database).install(WorkspaceInstaller::sampleFolder()).ok())
        return false;
    QElapsedTimer timer;
    timer.start();
    const auto written = DemoDataGenerator::generate(database, DemoDataOptions{calls, days, 2026, lastDay});
    if (!written)
        return false;
    std::fprintf(stderr, "generated %lld demo calls in %.1f s (%.0f calls/s) into %s\n",
                 static_cast<long long>(*written), double(timer.elapsed()) / 1000.0,
                 double(*written) * 1000.0 / double(qMax<qint64>(1, timer.elapsed())), qPrintable(path));
    QSqlQuery analyze(database.connection());
    analyze.exec(QStringLiteral("ANALYZE"));
    return true;
}

}  // namespace Switchyard::Bench
