#include "core/templating/DataNode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace Switchyard::Templating::Detail {

namespace {

// Prompt data objects are small: up to this many members a linear scan over hashes beats sorting and searching.
constexpr size_t kLinearScanLimit = 8;

// Hashes already matched, so this is nearly always a hit; a plain memcmp beats QString's general comparison.
bool sameKey(const QString &a, const QString &b)
{
    return a.size() == b.size() && std::memcmp(a.constData(), b.constData(), size_t(a.size()) * sizeof(QChar)) == 0;
}

void fill(DataNode &node, const QJsonValue &value, bool formatNumbers)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        node.kind = DataNode::Kind::Null;
        return;
    case QJsonValue::Bool:
        node.kind = DataNode::Kind::Bool;
        node.boolean = value.toBool();
        node.text = node.boolean ? QStringLiteral("true") : QStringLiteral("false");
        return;
    case QJsonValue::Double:
        node.kind = DataNode::Kind::Number;
        node.number = value.toDouble();
        if (formatNumbers || std::abs(node.number) >= 9007199254740992.0) {
            // Integers beyond 2^53 keep all their digits when JSON stored them as integers.
            const qint64 integer = value.toInteger();
            node.text = double(integer) == node.number ? QString::number(integer) : DataNode::formatNumber(node.number);
        }
        return;
    case QJsonValue::String:
        node.kind = DataNode::Kind::String;
        node.text = value.toString();
        return;
    case QJsonValue::Array: {
        node.kind = DataNode::Kind::Array;
        node.json = value;
        const QJsonArray array = value.toArray();
        node.items.resize(size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            fill(node.items[size_t(i)], array.at(i), formatNumbers);
        return;
    }
    case QJsonValue::Object: {
        node.kind = DataNode::Kind::Object;
        node.json = value;
        const QJsonObject object = value.toObject();
        node.members.resize(size_t(object.size()));
        size_t i = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++i) {
            DataMember &member = node.members[i];
            member.key = it.key();
            member.hash = qHash(member.key);
            fill(member.value, it.value(), formatNumbers);
        }
        if (node.members.size() > kLinearScanLimit) {
            std::sort(node.members.begin(), node.members.end(),
                      [](const DataMember &a, const DataMember &b) { return a.hash < b.hash; });
        }
        return;
    }
    }
}

}  // namespace

DataNode DataNode::fromJson(const QJsonValue &value, bool formatNumbers)
{
    DataNode node;
    fill(node, value, formatNumbers);
    return node;
}

QString DataNode::formatNumber(double number)
{
    if (!std::isfinite(number))
        return {};
    if (number == std::trunc(number) && std::abs(number) < 1e15)
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString DataNode::scalarText() const
{
    if (kind == Kind::Number && text.isNull())
        return formatNumber(number);
    return text;
}

const DataNode *DataNode::member(const QString &key, size_t hash) const
{
    if (members.size() <= kLinearScanLimit) {
        for (const DataMember &candidate : members) {
            if (candidate.hash == hash && sameKey(candidate.key, key))
                return &candidate.value;
        }
        return nullptr;
    }
    auto it = std::lower_bound(members.begin(), members.end(), hash,
                               [](const DataMember &member, size_t h) { return member.hash < h; });
    for (; it != members.end() && it->hash == hash; ++it) {
        if (sameKey(it->key, key))
            return &it->value;
    }
    return nullptr;
}

bool DataNode::isTruthy() const
{
    switch (kind) {
    case Kind::Null:
        return false;
    case Kind::Bool:
        return boolean;
    case Kind::Array:
        return !items.empty();
    case Kind::String:
        return !text.isEmpty();
    case Kind::Number:
    case Kind::Object:
        break;
    }
    return true;
}

}  // namespace Switchyard::Templating::Detail
