#pragma once

#include "core/common/Result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <optional>

class QWidget;

namespace Switchyard {

/// `switchyard --report-startup FILE`: measures start to first painted window and the memory at idle, for the
/// startup benchmark (tests/bench/ui/bench_startup).
///
/// On the window's first paint event it records the milliseconds since the process started (the kernel's start time
/// from /proc/self/stat, so loading the libraries counts too) and since main() began; after @p idleMs of idle it
/// reads VmRSS and VmHWM from /proc/self/status, writes everything as JSON to the file and quits the application.
class StartupReport : public QObject {
    Q_OBJECT

public:
    /// Call first thing in main(): the reference point for "since main".
    static void markMainStarted();

    /// Watches @p window (the report's parent). @p idleMs is how long the window idles before memory is read.
    StartupReport(QWidget *window, QString file, int idleMs = 2000);

    /// Milliseconds since the kernel started this process; empty where /proc is not available.
    static std::optional<qint64> msSinceProcessStart();
    /// A "kB" field of /proc/self/status (VmRSS, VmHWM) in KiB; empty when it can't be read.
    static std::optional<qint64> statusKiB(const QByteArray &field);

    /// The values measured so far (first_paint_ms, first_paint_since_main_ms, idle_rss_mb, idle_hwm_mb, platform).
    QJsonObject values() const { return m_values; }

Q_SIGNALS:
    /// The report was written (or writing failed: @p error says why); the application quits right after.
    void written(const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish();
    Result<void> write() const;

    QWidget *m_window = nullptr;
    QString m_file;
    int m_idleMs = 2000;
    bool m_painted = false;
    QJsonObject m_values;
};

}  // namespace Switchyard
