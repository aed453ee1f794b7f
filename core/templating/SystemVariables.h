#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>
#include <QTimeZone>
#include <functional>

namespace Switchyard::Templating {

/// A system variable's name and what it holds, for autocomplete and documentation.
struct SystemVariableInfo {
    QString name;         ///< e.g. "current_date"
    QString description;  ///< one line, e.g. "Today's date, e.g. 15 January 2026"
};

/// The variables every prompt can use without the caller passing them: current_date ("15 January 2026"),
/// current_time ("02:45 PM"), day_of_week ("Thursday"), random_number_1_4 (1..4) and conversation_history
/// (text the caller sets).
///
/// Date and time are computed in timeZone() (default: the system time zone) from clock() (default: now) and are
/// formatted with the C locale, so they are English whatever the machine's locale is. Tests inject a fixed clock
/// and a random seed. A value in the render data with the same name always wins over a system variable.
///
/// Reading is const and safe from several threads with the default random source. A seeded generator
/// (setRandomSeed()) is shared by copies and not synchronised: give each thread its own instance when seeding.
class SystemVariables {
public:
    using Clock = std::function<QDateTime()>;
    /// Returns uniformly distributed 32-bit values.
    using RandomSource = std::function<quint32()>;

    /// System time zone, the real clock and the global random generator.
    SystemVariables();

    /// The names and descriptions of all system variables, in a stable order.
    static const QList<SystemVariableInfo> &definitions();
    /// True for the names in definitions().
    static bool isSystemVariable(QStringView name);

    QTimeZone timeZone() const { return m_timeZone; }
    /// Invalid zones are ignored (the previous zone stays).
    void setTimeZone(const QTimeZone &zone);

    /// Replaces the clock; an empty function restores the real clock.
    void setClock(Clock clock);
    /// Replaces the random source; an empty function restores the global random generator.
    void setRandomSource(RandomSource source);
    /// Uses a deterministic generator seeded with @p seed: the same seed yields the same sequence.
    void setRandomSeed(quint32 seed);

    QString conversationHistory() const { return m_conversationHistory; }
    void setConversationHistory(const QString &text) { m_conversationHistory = text; }

    /// The clock's time converted to timeZone().
    QDateTime now() const;
    /// "dd MMMM yyyy", e.g. "15 January 2026".
    QString currentDate() const;
    /// "hh:mm AP", e.g. "02:45 PM".
    QString currentTime() const;
    /// "Thursday".
    QString dayOfWeek() const;
    /// A new value in 1..4 on every call.
    int randomNumber1To4() const;

    /// One consistent snapshot of every system variable (the clock and the random source are read once).
    /// Strings for all of them except random_number_1_4, which is a number.
    QJsonObject values() const;

    /// The system variable @p name as it reads at @p now (a time from now()), or an undefined QJsonValue for a name
    /// that is not one. Renderers ask only for the names a template uses, all at the same @p now.
    QJsonValue valueAt(QStringView name, const QDateTime &now) const;

private:
    QTimeZone m_timeZone;
    Clock m_clock;
    RandomSource m_random;
    QString m_conversationHistory;
};

}  // namespace Switchyard::Templating
