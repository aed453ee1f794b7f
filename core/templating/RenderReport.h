#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchyard::Templating {

/// An interpolated name that resolved to nothing in the data (nor in the system variables).
struct MissingVariable {
    QString name;  ///< as written in the tag, e.g. "user.name"
    int line = 0;  ///< 1-based position of the tag start in the template (or partial) text
    int column = 0;
    QString partial;  ///< the partial the tag is in; empty for the template itself

    bool operator==(const MissingVariable &) const = default;
};

/// What a render noticed besides its output. Filled for every missing-variable policy, so previews can list
/// unresolved variables even when they are kept or rendered empty.
struct RenderReport {
    QList<MissingVariable> missing;  ///< each tag once, in the order first met
    QStringList missingPartials;     ///< partial names that were not in RenderOptions::partials (rendered empty)

    void clear()
    {
        missing.clear();
        missingPartials.clear();
    }
};

}  // namespace Switchyard::Templating
