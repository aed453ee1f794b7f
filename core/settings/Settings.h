#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>
#include <memory>

class QSettings;
class QTemporaryDir;

namespace Switchyard {

/// The studio's and CLI's user preferences, typed and in one place.
///
/// Every key has one name and one default in a single table (see keyName() and defaultValue()). Values are stored
/// through QSettings; nothing else in Switchyard touches QSettings directly. changed() is emitted only when a value
/// really changes. Tests use createTemporary() so they never read or write the user's configuration.
class Settings : public QObject {
    Q_OBJECT

public:
    enum class Key {
        TimeZone,               ///< IANA id as a QString; empty = the system time zone
        MissingVariablePolicy,  ///< "keep" | "empty" | "error"
        Language,               ///< UI language code ("en", "de"); empty = the system language
        Theme,                  ///< "system" | "light" | "dark"
        RecentWorkspaces,       ///< QStringList of workspace paths, most recent first
        MainWindowGeometry,     ///< QByteArray from QWidget::saveGeometry()
        MainWindowState,        ///< QByteArray from QMainWindow::saveState()
        LastWorkspace,          ///< path of the workspace opened last
        SplitterStates,         ///< QVariantMap: a splitter's objectName → its QSplitter::saveState()
        PreviewValues,  ///< QVariantMap: prompt key → QVariantMap of the preview form's values (name → text)
    };
    Q_ENUM(Key)

    /// How many entries RecentWorkspaces keeps.
    static constexpr int MaxRecentWorkspaces = 10;

    /// The user's settings (organisation and application "Switchyard", the platform's native location).
    explicit Settings(QObject *parent = nullptr);

    /// Settings kept in the INI file at @p iniFilePath (created on the first write).
    explicit Settings(const QString &iniFilePath, QObject *parent = nullptr);

    ~Settings() override;

    /// Settings in a fresh INI file inside a temporary directory that is removed with the returned object.
    /// Returns nullptr when no temporary directory can be created.
    static std::unique_ptr<Settings> createTemporary();

    /// The key's name in the settings file, e.g. "interface/theme".
    static QString keyName(Key key);

    /// The value value() returns while the key is unset.
    static QVariant defaultValue(Key key);

    /// Every key, in declaration order.
    static QList<Key> allKeys();

    /// The allowed values of an enumerated key (MissingVariablePolicy, Theme); empty for free-form keys.
    static QStringList allowedValues(Key key);

    /// The stored value converted to the key's type, or defaultValue() when unset or not convertible.
    QVariant value(Key key) const;

    /// Stores @p value (converted to the key's type) and emits changed() if it differs from the current value.
    /// Returns false and changes nothing when the value cannot be converted or an enumerated key gets a value
    /// outside allowedValues().
    bool setValue(Key key, const QVariant &value);

    /// Removes the stored value so value() returns the default again; emits changed() if that changes the value.
    void reset(Key key);

    /// True when the key has a stored value.
    bool contains(Key key) const;

    /// The configured time zone; the system time zone when unset or when the stored id is unknown.
    QTimeZone timeZone() const;
    /// Stores the zone's IANA id; an invalid zone means "system" (stores an empty id).
    void setTimeZone(const QTimeZone &zone);

    /// "keep" (default), "empty" or "error".
    QString missingVariablePolicy() const;
    /// Language code, empty for the system language.
    QString language() const;
    /// "system" (default), "light" or "dark".
    QString theme() const;

    /// Recent workspace paths, most recent first.
    QStringList recentWorkspaces() const;
    /// Moves (or inserts) @p path to the front of RecentWorkspaces, keeping at most MaxRecentWorkspaces entries,
    /// and stores it as LastWorkspace.
    void addRecentWorkspace(const QString &path);

    /// Writes pending changes to disk. Returns false (see errorString()) when the file cannot be written.
    bool sync();
    /// Why the last sync() failed.
    QString errorString() const;
    /// The backing file.
    QString fileName() const;

Q_SIGNALS:
    /// Emitted after @p key's effective value changed.
    void changed(Switchyard::Settings::Key key);

private:
    Settings(std::unique_ptr<QSettings> backend, std::unique_ptr<QTemporaryDir> tempDir, QObject *parent);

    std::unique_ptr<QTemporaryDir> m_tempDir;  // declared first so it outlives m_settings
    std::unique_ptr<QSettings> m_settings;
    QString m_errorString;
};

}  // namespace Switchyard
