#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Switchyard {

/// A product bot: what users talk to. Many LlmConfigs belong to one bot; exactly one is active.
struct Bot {
    qint64 id = 0;
    QString uuid;
    QString name;
    QString slug;  ///< unique among bots, derived from the name unless set
    QString description;
    QString avatar;                            ///< a path or URL
    QString status = QStringLiteral("draft");  ///< draft | live | archived
    QString type;                              ///< free-form, e.g. "astrology", "support"
    int rank = 0;
    QJsonObject metadata;
    QDateTime launched;  ///< null when never launched
    QDateTime created;
    QDateTime updated;
    QDateTime deleted;  ///< null unless soft-deleted

    bool isDeleted() const { return deleted.isValid(); }
};

}  // namespace Switchyard
