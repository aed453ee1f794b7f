#pragma once

#include "core/common/Warning.h"
#include "core/model/ProviderSpec.h"
#include "core/prompts/PromptDiagnostic.h"
#include "core/prompts/PromptDocument.h"
#include "core/templating/RenderOptions.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace Switchyard {

/// What the preview needs to analyse one state of the editor's text. Plain values: it crosses to the worker thread.
struct PromptAnalysisRequest {
    quint64 generation = 0;  ///< increases with every request; results of older requests are dropped
    QString key;             ///< the open prompt's key (for error messages)
    QString text;            ///< the YAML text as it is in the editor
    QJsonObject values;      ///< the preview form's values (already JSON), by variable name
    QTimeZone timeZone;      ///< for the system variables; invalid = the system time zone
    Templating::MissingPolicy missingPolicy = Templating::MissingPolicy::Keep;
    std::optional<Price> price;          ///< the selected model's price; empty = no cost shown
    std::optional<int> maxOutputTokens;  ///< the selected config's limit (else the prompt's max_tokens)
    QStringList otherPromptVariables;    ///< names the workspace's other prompts use (lint's near-miss candidates)
};

/// A variable the preview form offers: declared ones first (in declaration order), then the undeclared ones the
/// templates use outside of sections, in first-use order.
struct PreviewVariable {
    QString name;
    QString description;
    QJsonValue sample = QJsonValue(QJsonValue::Undefined);
    bool declared = false;
    bool required = false;
    bool operator==(const PreviewVariable &) const = default;
};

/// The result of analysePrompt(): everything the preview and the outline show for one state of the text.
struct PromptAnalysis {
    quint64 generation = 0;

    bool parsed = false;  ///< false when the YAML does not parse as a prompt (see parseError)
    QString parseError;   ///< "file:line:column: message"
    int errorLine = 0;    ///< 1-based; 0 when unknown
    int errorColumn = 0;
    QList<Warning> warnings;

    QList<PreviewVariable> variables;
    QString system;       ///< the rendered system instruction
    QString user;         ///< the rendered user message
    QStringList missing;  ///< variables without a value, first-seen order
    QString renderError;  ///< a template error, or the missing-variable error under the "error" policy

    qint64 inputTokens = 0;         ///< TokenEstimate of system + user
    qint64 outputTokens = 0;        ///< the output allowance priced (max output tokens), 0 when unknown
    std::optional<double> costUsd;  ///< input + output allowance at the request's price

    bool hasSectionsBlock = false;
    QList<PromptSection> sections;  ///< the outline (PromptSectionsEditor), also for YAML that does not parse
    QString sectionsError;
    QList<PromptDiagnostic> diagnostics;  ///< PromptLinter's findings, positioned in the whole YAML text
};

/**
 * Parses, discovers variables, renders and estimates one state of the prompt text. Pure and thread-safe: the
 * preview runs it on its worker thread. This is the one place the editor's background analysis happens, so further
 * checks (lint) belong here too.
 */
PromptAnalysis analysePrompt(const PromptAnalysisRequest &request);

/// The variables a parsed prompt offers in the preview form and the completion: declared ones first, then the
/// undeclared ones its templates use outside of sections.
QList<PreviewVariable> discoverVariables(const PromptDocument &document);

/// The preview form's text for a variable as JSON: text that parses as a JSON array or object becomes that
/// structure, anything else stays a string. Empty text gives an undefined value (no value).
QJsonValue previewValueFromText(const QString &text);

/// A sample value as the form's placeholder text: strings as they are, structures as compact JSON.
QString previewTextFromValue(const QJsonValue &value);

}  // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::PromptAnalysis)
