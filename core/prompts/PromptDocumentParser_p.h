#pragma once

// Internal to switchyard_core (yaml-cpp is private): lets PromptLinter validate a document it has already loaded, so
// a lint loads the YAML once and keeps the node positions.

#include "core/common/YamlReader_p.h"
#include "core/prompts/PromptDocumentParser.h"

namespace Switchyard::PromptDocumentParserDetail {

/// The end of the "the file is empty" error: what a prompt file must contain.
QString emptyHint();

/// PromptDocumentParser::parse() after YamlReader::load(): validates @p root (may throw YAML::Exception, which
/// parse() catches).
Result<ParsedPrompt> parseLoaded(YamlReader &reader, const YAML::Node &root);

}  // namespace Switchyard::PromptDocumentParserDetail
