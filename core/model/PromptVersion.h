#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace Switchyard {

/// An immutable, numbered version of a prompt. The body is the prompt's YAML document as written.
struct PromptVersion {
    qint64 id = 0;
    QString key;
    int version = 0;  ///< 1, 2, 3 ... per key
    QString body;     ///< YAML text, byte-for-byte as imported or saved
    QString author;
    QString note;
    QString contentHash;  ///< SHA-256 hex of body: an unchanged re-import is recognised by it
    QDateTime created;
};

/// A label (production, staging, custom) pointing at one version of a prompt.
struct PromptLabel {
    QString key;
    QString label;
    int version = 0;
    QDateTime updated;
};

/// One recorded move of a label: who moved it, when, from which version to which.
struct LabelMove {
    QString key;
    QString label;
    std::optional<int> fromVersion;  ///< empty when the label was created
    int toVersion = 0;
    QString movedBy;
    QDateTime movedAt;
};

}  // namespace Switchyard
