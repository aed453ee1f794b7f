#pragma once

#include <QString>

namespace Switchyard {

/// Something worth telling the user that does not stop a file from loading (an unknown key, a likely typo).
struct Warning {
    QString file;     ///< the file the warning is about, may be empty
    int line = 0;     ///< 1-based, 0 when unknown
    int column = 0;   ///< 1-based, 0 when unknown
    QString message;  ///< complete sentence: what looks wrong and what to do

    /// "file:line:column: warning: message" with the parts that are known.
    QString toString() const
    {
        QString where = file;
        if (line > 0) {
            where += (where.isEmpty() ? QString() : QStringLiteral(":")) + QString::number(line);
            if (column > 0)
                where += QStringLiteral(":") + QString::number(column);
        }
        const QString text = QStringLiteral("warning: ") + message;
        return where.isEmpty() ? text : where + QStringLiteral(": ") + text;
    }

    bool operator==(const Warning &) const = default;
};

}  // namespace Switchyard
