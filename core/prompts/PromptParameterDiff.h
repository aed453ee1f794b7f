#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

namespace Switchyard {

/// One setting of a prompt that differs between two versions. An empty value means "not set" on that side.
struct ParameterChange {
    QString parameter;  ///< "model", "temperature", "variables.name.required", "metadata.owner", ...
    QString before;
    QString after;
    bool operator==(const ParameterChange &) const = default;
};

/**
 * The settings that differ between two prompt bodies (the text diff is LineDiff's job).
 *
 * Both bodies are parsed with PromptDocumentParser. Compared, in this order: key, version, description, model,
 * temperature, max_tokens; each declared variable ("variables.NAME" is "declared" or empty when added or removed;
 * "variables.NAME.description", ".required" and ".sample" when declared on both sides); "sections" (the titles in
 * order, so a reorder shows); "user" ("set" or empty: whether there is a user template); each metadata key
 * ("metadata.KEY", compact JSON).
 */
class PromptParameterDiff {
public:
    /// The changed parameters; an Error (with the side's name as file, and line and column) when a body does not
    /// parse. @p leftName and @p rightName name the sides in that error ("version 3").
    static Result<QList<ParameterChange>> compare(const QString &leftBody, const QString &rightBody,
                                                  const QString &leftName = QStringLiteral("left"),
                                                  const QString &rightName = QStringLiteral("right"));
};

}  // namespace Switchyard
