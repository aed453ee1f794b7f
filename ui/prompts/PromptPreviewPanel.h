#pragma once

#include "core/model/ProviderSpec.h"
#include "core/settings/Settings.h"
#include "ui/prompts/PromptAnalysis.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QVariantMap>
#include <QWidget>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QThread;
class QTimer;

namespace Switchyard {

class PromptEditorDocument;
class PromptPreviewWorker;

/// The live preview beside the prompt editor: a form of the prompt's variables, the rendered system and user text,
/// the variables still missing, a token estimate and the cost on a chosen model.
///
/// Edits restart a short debounce timer; when it fires, the text and the form's values go to a worker thread
/// (analysePrompt()) and the newest result is shown — results of older requests are dropped. The form is rebuilt
/// only when the set of variables changes, and its edit fields are reused, so typing in it keeps focus. Values are
/// remembered per prompt key in Settings::Key::PreviewValues. A text that does not parse keeps the last rendering
/// and shows the error above it.
///
/// Object names: previewModelCombo, previewForm, previewValue_<name>, previewSystem, previewUser, previewMissing,
/// previewError, previewEstimate.
class PromptPreviewPanel : public QWidget {
    Q_OBJECT

public:
    /// A model the cost can be estimated on: one of the configs that use the prompt, or any provider's model.
    struct ModelChoice {
        QString label;
        std::optional<Price> price;          ///< empty when the workspace has no price for it
        std::optional<int> maxOutputTokens;  ///< the config's limit; empty = the prompt's max_tokens
    };

    /// Milliseconds between the last edit and the analysis.
    static constexpr int DebounceMs = 150;

    explicit PromptPreviewPanel(Settings &settings, QWidget *parent = nullptr);
    ~PromptPreviewPanel() override;

    /// Follows @p document: its text changes schedule an analysis, opening another prompt loads that prompt's
    /// remembered values.
    void setDocument(PromptEditorDocument *document);
    /// Replaces the models offered for the cost (the first one is selected).
    void setModelChoices(const QList<ModelChoice> &choices);
    /// Names the workspace's other prompts use: lint suggests them for near-miss names.
    void setOtherPromptVariables(const QStringList &names);

    /// Restarts the debounce timer.
    void scheduleAnalysis();

    /// The newest analysis shown.
    const PromptAnalysis &analysis() const { return m_analysis; }
    QString renderedSystem() const;
    QString renderedUser() const;
    /// The error line's text (parse or render error); empty when none is shown.
    QString errorText() const;
    /// The form's variable names, in row order.
    QStringList formVariables() const;
    /// The form field of @p name; nullptr when the form has none.
    QLineEdit *valueEdit(const QString &name) const;

Q_SIGNALS:
    /// A new analysis is shown (the outline and the page's status follow it).
    void analysed(const Switchyard::PromptAnalysis &analysis);

private:
    void requestAnalysis();
    void onAnalysed(const PromptAnalysis &analysis);
    void onDocumentReset();
    void rebuildForm(const QList<PreviewVariable> &variables);
    void onValueEdited(const QString &name, const QString &text);
    void showEstimate();

    Settings &m_settings;
    QPointer<PromptEditorDocument> m_document;
    QString m_key;
    QVariantMap m_values;  ///< the open prompt's form values: name → text
    QList<ModelChoice> m_choices;
    QStringList m_otherPromptVariables;
    QList<PreviewVariable> m_variables;
    QHash<QString, QLineEdit *> m_edits;
    PromptAnalysis m_analysis;
    quint64 m_generation = 0;

    QTimer *m_debounce = nullptr;
    QThread *m_thread = nullptr;
    PromptPreviewWorker *m_worker = nullptr;

    QComboBox *m_model = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_noVariables = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_missing = nullptr;
    QLabel *m_estimate = nullptr;
    QPlainTextEdit *m_system = nullptr;
    QPlainTextEdit *m_user = nullptr;
};

}  // namespace Switchyard
