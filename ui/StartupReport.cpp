#include "StartupReport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>
#include <QWidget>
#include <ctime>
#include <unistd.h>

namespace Switchyard {

namespace {

QElapsedTimer &mainTimer()
{
    static QElapsedTimer timer;
    return timer;
}

}  // namespace

void StartupReport::markMainStarted()
{
    mainTimer().start();
}

StartupReport::StartupReport(QWidget *window, QString file, int idleMs)
    : QObject(window), m_window(window), m_file(std::move(file)), m_idleMs(idleMs)
{
    setObjectName(QStringLiteral("startupReport"));
    window->installEventFilter(this);
}

std::optional<qint64> StartupReport::msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = stat.readAll();
    // The command name (field 2) may contain spaces and parentheses: the fields after it start past the last ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    constexpr int StartTimeIndex = 22 - 3;  // field 22 (starttime, clock ticks after boot); this list starts at 3
    if (fields.size() <= StartTimeIndex)
        return std::nullopt;
    bool ok = false;
    const qint64 startTicks = fields.at(StartTimeIndex).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / ticksPerSecond;
#else
    return std::nullopt;
#endif
}

std::optional<qint64> StartupReport::statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray prefix = field + ':';
    // readAll(), not atEnd()/readLine(): /proc files report a size of 0.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith(prefix))
            continue;
        const QList<QByteArray> parts = line.mid(prefix.size()).simplified().split(' ');
        bool ok = false;
        const qint64 kib = parts.value(0).toLongLong(&ok);
        return ok ? std::optional<qint64>(kib) : std::nullopt;
    }
    return std::nullopt;
}

bool StartupReport::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        if (const auto sinceStart = msSinceProcessStart())
            m_values.insert(QStringLiteral("first_paint_ms"), *sinceStart);
        if (mainTimer().isValid())
            m_values.insert(QStringLiteral("first_paint_since_main_ms"), mainTimer().elapsed());
        m_values.insert(QStringLiteral("platform"), QGuiApplication::platformName());
        QTimer::singleShot(m_idleMs, this, &StartupReport::finish);
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::finish()
{
    constexpr double KiBPerMiB = 1024.0;
    if (const auto rss = statusKiB("VmRSS"))
        m_values.insert(QStringLiteral("idle_rss_mb"), double(*rss) / KiBPerMiB);
    if (const auto hwm = statusKiB("VmHWM"))
        m_values.insert(QStringLiteral("idle_hwm_mb"), double(*hwm) / KiBPerMiB);
    m_values.insert(QStringLiteral("idle_ms"), m_idleMs);
    const auto written = write();
    Q_EMIT this->written(written ? QString() : written.error().toString());
    QCoreApplication::exit(written ? 0 : 1);
}

Result<void> StartupReport::write() const
{
    QSaveFile file(m_file);
    const QByteArray json = QJsonDocument(m_values).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error::make(Error::Code::Io,
                           QStringLiteral("cannot write the startup report: %1").arg(file.errorString()), m_file);
    return {};
}

}  // namespace Switchyard
