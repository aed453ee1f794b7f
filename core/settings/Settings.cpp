#include "Settings.h"

#include <QDir>
#include <QMetaType>
#include <QSettings>
#include <QTemporaryDir>
#include <array>

namespace Switchyard {

namespace {

struct KeySpec {
    Settings::Key key;
    const char *name;
    QMetaType::Type type;
    QVariant (*defaultValue)();
};

// The one table of names, types and defaults.
const std::array<KeySpec, 10> &keyTable()
{
    static const std::array<KeySpec, 10> table{{
        {Settings::Key::TimeZone, "templating/timeZone", QMetaType::QString,
         [] {
             return QVariant(QString());
         }},
        {Settings::Key::MissingVariablePolicy, "templating/missingVariablePolicy", QMetaType::QString,
         [] {
             return QVariant(QStringLiteral("keep"));
         }},
        {Settings::Key::Language, "interface/language", QMetaType::QString,
         [] {
             return QVariant(QString());
         }},
        {Settings::Key::Theme, "interface/theme", QMetaType::QString,
         [] {
             return QVariant(QStringLiteral("system"));
         }},
        {Settings::Key::RecentWorkspaces, "workspace/recent", QMetaType::QStringList,
         [] {
             return QVariant(QStringList());
         }},
        {Settings::Key::MainWindowGeometry, "mainWindow/geometry", QMetaType::QByteArray,
         [] {
             return QVariant(QByteArray());
         }},
        {Settings::Key::MainWindowState, "mainWindow/state", QMetaType::QByteArray,
         [] {
             return QVariant(QByteArray());
         }},
        {Settings::Key::LastWorkspace, "workspace/last", QMetaType::QString,
         [] {
             return QVariant(QString());
         }},
        {Settings::Key::SplitterStates, "mainWindow/splitters", QMetaType::QVariantMap,
         [] {
             return QVariant(QVariantMap());
         }},
        {Settings::Key::PreviewValues, "prompts/previewValues", QMetaType::QVariantMap,
         [] {
             return QVariant(QVariantMap());
         }},
    }};
    return table;
}

const KeySpec &spec(Settings::Key key)
{
    const auto &table = keyTable();
    const auto index = static_cast<std::size_t>(key);
    Q_ASSERT(index < table.size() && table[index].key == key);
    return table[index];
}

// QSettings' INI format gives a one-element string list back as a QString and an empty one as an invalid
// QVariant, so every read and write goes through the key's declared type.
bool convertTo(const KeySpec &s, const QVariant &in, QVariant &out)
{
    if (!in.isValid()) {
        out = s.defaultValue();
        return true;
    }
    out = in;
    if (out.metaType().id() == s.type)
        return true;
    return out.convert(QMetaType(s.type));
}

}  // namespace

Settings::Settings(QObject *parent)
    : Settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Switchyard"),
                                           QStringLiteral("Switchyard")),
               nullptr, parent)
{
}

Settings::Settings(const QString &iniFilePath, QObject *parent)
    : Settings(std::make_unique<QSettings>(iniFilePath, QSettings::IniFormat), nullptr, parent)
{
}

Settings::Settings(std::unique_ptr<QSettings> backend, std::unique_ptr<QTemporaryDir> tempDir, QObject *parent)
    : QObject(parent), m_tempDir(std::move(tempDir)), m_settings(std::move(backend))
{
}

Settings::~Settings()
{
    m_settings->sync();
}

std::unique_ptr<Settings> Settings::createTemporary()
{
    auto dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid())
        return nullptr;
    auto backend = std::make_unique<QSettings>(dir->filePath(QStringLiteral("switchyard.ini")), QSettings::IniFormat);
    return std::unique_ptr<Settings>(new Settings(std::move(backend), std::move(dir), nullptr));
}

QString Settings::keyName(Key key)
{
    return QLatin1String(spec(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return spec(key).defaultValue();
}

QList<Settings::Key> Settings::allKeys()
{
    QList<Key> keys;
    for (const auto &s : keyTable())
        keys.append(s.key);
    return keys;
}

QStringList Settings::allowedValues(Key key)
{
    switch (key) {
    case Key::MissingVariablePolicy:
        return {QStringLiteral("keep"), QStringLiteral("empty"), QStringLiteral("error")};
    case Key::Theme:
        return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
    default:
        return {};
    }
}

QVariant Settings::value(Key key) const
{
    const KeySpec &s = spec(key);
    QVariant converted;
    if (!convertTo(s, m_settings->value(QLatin1String(s.name)), converted))
        return s.defaultValue();
    const QStringList allowed = allowedValues(key);
    if (!allowed.isEmpty() && !allowed.contains(converted.toString()))
        return s.defaultValue();
    return converted;
}

bool Settings::setValue(Key key, const QVariant &value)
{
    const KeySpec &s = spec(key);
    QVariant converted;
    if (!value.isValid() || !convertTo(s, value, converted))
        return false;
    const QStringList allowed = allowedValues(key);
    if (!allowed.isEmpty() && !allowed.contains(converted.toString()))
        return false;

    const QVariant before = this->value(key);
    m_settings->setValue(QLatin1String(s.name), converted);
    if (before != converted)
        Q_EMIT changed(key);
    return true;
}

void Settings::reset(Key key)
{
    const QVariant before = value(key);
    m_settings->remove(keyName(key));
    if (before != value(key))
        Q_EMIT changed(key);
}

bool Settings::contains(Key key) const
{
    return m_settings->contains(keyName(key));
}

QTimeZone Settings::timeZone() const
{
    const QByteArray id = value(Key::TimeZone).toString().toUtf8();
    if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
        return QTimeZone::systemTimeZone();
    return QTimeZone(id);
}

void Settings::setTimeZone(const QTimeZone &zone)
{
    setValue(Key::TimeZone, zone.isValid() ? QString::fromUtf8(zone.id()) : QString());
}

QString Settings::missingVariablePolicy() const
{
    return value(Key::MissingVariablePolicy).toString();
}

QString Settings::language() const
{
    return value(Key::Language).toString();
}

QString Settings::theme() const
{
    return value(Key::Theme).toString();
}

QStringList Settings::recentWorkspaces() const
{
    return value(Key::RecentWorkspaces).toStringList();
}

void Settings::addRecentWorkspace(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = QDir::cleanPath(path);
    QStringList recent = recentWorkspaces();
    recent.removeAll(clean);
    recent.prepend(clean);
    while (recent.size() > MaxRecentWorkspaces)
        recent.removeLast();
    setValue(Key::RecentWorkspaces, recent);
    setValue(Key::LastWorkspace, clean);
}

bool Settings::sync()
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        m_errorString.clear();
        return true;
    case QSettings::AccessError:
        m_errorString = tr("Could not write the settings file %1: permission denied or the disk is full. "
                           "Check that the folder is writable.")
                            .arg(m_settings->fileName());
        return false;
    case QSettings::FormatError:
        m_errorString = tr("The settings file %1 is malformed. Fix or delete it; Switchyard recreates it with "
                           "default values.")
                            .arg(m_settings->fileName());
        return false;
    }
    return false;
}

QString Settings::errorString() const
{
    return m_errorString;
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

}  // namespace Switchyard
