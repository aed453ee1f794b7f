#pragma once

#include "core/prompts/PromptDocument.h"

#include <QByteArray>

namespace Switchyard {

/// Writes prompt documents built in the editor as clean YAML (the store keeps imported files verbatim instead).
class PromptDocumentWriter {
public:
    /**
     * The document as YAML: fields in a fixed, readable order, multi-line text as literal block scalars (`|`), empty
     * optional fields left out. For any document PromptDocumentParser::parse() accepts, parsing the result gives
     * back an equal document.
     */
    static QByteArray serialize(const PromptDocument &document);
};

}  // namespace Switchyard
