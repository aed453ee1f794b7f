#pragma once

#include <QJsonValue>
#include <QString>
#include <vector>

namespace Switchyard::Templating::Detail {

struct DataMember;

/// Render data in the shape the renderer wants: strings and numbers already as text, object members with their key
/// hashes. Built once from JSON (see RenderData); rendering then only compares hashes and appends strings.
struct DataNode {
    enum class Kind : quint8 { Null, Bool, Number, String, Array, Object };

    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;                ///< Number
    QString text;                     ///< String: the value; Bool, and Number when formatted eagerly: its text
    std::vector<DataNode> items;      ///< Array
    std::vector<DataMember> members;  ///< Object, sorted by hash
    QJsonValue json;                  ///< Array/Object: the original, for interpolating it as compact JSON

    /// The member called @p key (whose qHash() is @p hash), or nullptr.
    const DataNode *member(const QString &key, size_t hash) const;
    bool isTruthy() const;
    /// How the value is interpolated: text, or the number formatted now when it was not formatted eagerly.
    QString scalarText() const;

    /// @p formatNumbers: format numbers now (worth it for data rendered many times), or on use.
    static DataNode fromJson(const QJsonValue &value, bool formatNumbers);
    static QString formatNumber(double number);
};

struct DataMember {
    size_t hash = 0;
    QString key;
    DataNode value;
};

}  // namespace Switchyard::Templating::Detail
