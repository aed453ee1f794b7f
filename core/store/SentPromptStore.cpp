#include "core/store/SentPromptStore.h"

#include "core/store/SqlSupport.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {

using namespace SqlSupport;

namespace {

std::optional<ChatMessage::Role> roleFromName(const QString &name)
{
    for (const ChatMessage::Role role :
         {ChatMessage::Role::System, ChatMessage::Role::User, ChatMessage::Role::Assistant}) {
        if (ChatMessage::roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

}  // namespace

SentPromptStore::SentPromptStore(QSqlDatabase db) : m_db(std::move(db)) {}

QString SentPromptStore::textHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<void> SentPromptStore::prepareWriting()
{
    if (m_insertText)
        return {};
    auto text = prepare(
        m_db, QStringLiteral("INSERT INTO prompt_texts (hash, text) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING"),
        QStringLiteral("prepare storing prompt texts"));
    if (!text)
        return text.error();
    // By uuid: the recorder may have chosen the call ids itself, in a multi-row INSERT.
    auto call = prepare(m_db,
                        QStringLiteral("INSERT INTO call_prompts (call_id, system_hash, messages) SELECT id, ?, ? "
                                       "FROM calls WHERE uuid = ?"),
                        QStringLiteral("prepare storing the prompts of calls"));
    if (!call)
        return call.error();
    m_insertText = std::move(*text);
    m_insertCallPrompt = std::move(*call);
    return {};
}

Result<QString> SentPromptStore::storeText(const QString &text)
{
    const QString hash = textHash(text);
    if (auto stored = execPrepared(*m_insertText, {hash, text}, QStringLiteral("store a prompt text")); !stored)
        return stored.error();
    return hash;
}

Result<void> SentPromptStore::write(const CallRecord &call)
{
    if (!call.sent)
        return {};
    SWITCHYARD_TRY(prepareWriting());
    QVariant systemHash;
    if (!call.sent->system.isEmpty()) {
        auto hash = storeText(call.sent->system);
        if (!hash)
            return hash.error();
        systemHash = *hash;
    }
    QJsonArray messages;
    for (const ChatMessage &message : call.sent->messages) {
        auto hash = storeText(message.content);
        if (!hash)
            return hash.error();
        messages.append(QJsonObject{{QStringLiteral("role"), ChatMessage::roleName(message.role)},
                                    {QStringLiteral("hash"), *hash}});
    }
    const QString json = QString::fromUtf8(QJsonDocument(messages).toJson(QJsonDocument::Compact));
    SWITCHYARD_TRY(execPrepared(*m_insertCallPrompt, {systemHash, json, call.uuid},
                                QStringLiteral("store the prompt of call %1").arg(call.uuid)));
    if (m_insertCallPrompt->numRowsAffected() != 1) {
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("Could not store the prompt of call %1: the call is not recorded.").arg(call.uuid));
    }
    return {};
}

Result<void> SentPromptStore::write(const std::vector<CallRecord> &batch)
{
    for (const CallRecord &call : batch)
        SWITCHYARD_TRY(write(call));
    return {};
}

Result<std::optional<SentPrompt>> SentPromptStore::read(qint64 callId)
{
    auto row = run(m_db, QStringLiteral("SELECT system_hash, messages FROM call_prompts WHERE call_id = ?"), {callId},
                   QStringLiteral("read the prompt of call %1").arg(callId));
    if (!row)
        return row.error();
    if (!row->next())
        return std::optional<SentPrompt>();
    const QString systemHash = row->value(0).toString();
    const QJsonArray messages = QJsonDocument::fromJson(row->value(1).toString().toUtf8()).array();
    row->finish();

    QStringList hashes;
    if (!systemHash.isEmpty())
        hashes << systemHash;
    for (const QJsonValue &message : messages)
        hashes << message.toObject().value(QStringLiteral("hash")).toString();
    QHash<QString, QString> texts;
    for (const QString &hash : std::as_const(hashes)) {
        if (texts.contains(hash))
            continue;
        auto text = run(m_db, QStringLiteral("SELECT text FROM prompt_texts WHERE hash = ?"), {hash},
                        QStringLiteral("read a prompt text of call %1").arg(callId));
        if (!text)
            return text.error();
        if (!text->next()) {
            return Error::make(Error::Code::Database,
                               QStringLiteral("The prompt of call %1 refers to a text the workspace does not hold "
                                              "(%2); the workspace may be damaged.")
                                   .arg(callId)
                                   .arg(hash));
        }
        texts.insert(hash, text->value(0).toString());
    }

    SentPrompt sent;
    sent.system = texts.value(systemHash);
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const auto role = roleFromName(message.value(QStringLiteral("role")).toString());
        if (!role) {
            return Error::make(Error::Code::Database,
                               QStringLiteral("The prompt of call %1 has a message of unknown role '%2'.")
                                   .arg(callId)
                                   .arg(message.value(QStringLiteral("role")).toString()));
        }
        sent.messages.append(ChatMessage{*role, texts.value(message.value(QStringLiteral("hash")).toString())});
    }
    return std::optional<SentPrompt>(sent);
}

}  // namespace Switchyard
