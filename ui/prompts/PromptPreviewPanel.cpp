#include "PromptPreviewPanel.h"

#include "ui/ErrorText.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptPreviewWorker.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTextCursor>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cstring>

namespace Switchyard {

namespace {

QPlainTextEdit *resultPane(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *pane = new QPlainTextEdit(parent);
    pane->setObjectName(objectName);
    pane->setReadOnly(true);
    pane->setAccessibleName(accessibleName);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    pane->setUndoRedoEnabled(false);  // showRendering() edits it in place; nobody undoes a rendering
    return pane;
}

/// Makes @p pane, which shows @p shown, show @p text. Only the span between the common start and end is replaced:
/// a keystroke in a long prompt changes a line or two of the rendering, and setPlainText() would lay out the whole
/// pane again on the UI thread (and lose its scroll position). Text with '\r' goes through setPlainText(), because
/// the document turns "\r\n" into one paragraph break and its positions then no longer match the string's.
void showRendering(QPlainTextEdit *pane, const QString &shown, const QString &text)
{
    if (text == shown)
        return;
    if (shown.isEmpty() || shown.contains(u'\r') || text.contains(u'\r')) {
        pane->setPlainText(text);
        return;
    }
    // Compared in chunks with memcmp first: the texts run to hundreds of kilobytes and this is on the UI thread.
    constexpr qsizetype chunk = 64;
    const QChar *a = shown.constData();
    const QChar *b = text.constData();
    const qsizetype common = std::min(shown.size(), text.size());
    qsizetype prefix = 0;
    while (prefix + chunk <= common && std::memcmp(a + prefix, b + prefix, chunk * sizeof(QChar)) == 0)
        prefix += chunk;
    while (prefix < common && a[prefix] == b[prefix])
        ++prefix;
    const QChar *aEnd = a + shown.size();
    const QChar *bEnd = b + text.size();
    qsizetype suffix = 0;
    while (suffix + chunk <= common - prefix &&
           std::memcmp(aEnd - suffix - chunk, bEnd - suffix - chunk, chunk * sizeof(QChar)) == 0)
        suffix += chunk;
    while (suffix < common - prefix && aEnd[-suffix - 1] == bEnd[-suffix - 1])
        ++suffix;
    QTextCursor cursor(pane->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(shown.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
}

}  // namespace

PromptPreviewPanel::PromptPreviewPanel(Settings &settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_debounce(new QTimer(this)), m_thread(new QThread(this)),
      m_worker(new PromptPreviewWorker), m_model(new QComboBox(this)), m_formHost(new QWidget(this)),
      m_noVariables(new QLabel(tr("This prompt uses no variables."), this)), m_error(new QLabel(this)),
      m_missing(new QLabel(this)), m_estimate(new QLabel(this))
{
    setObjectName(QStringLiteral("promptPreviewPanel"));
    qRegisterMetaType<PromptAnalysis>();

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &PromptPreviewPanel::requestAnalysis);

    m_thread->setObjectName(QStringLiteral("promptPreviewThread"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PromptPreviewWorker::analysed, this, &PromptPreviewPanel::onAnalysed);
    m_thread->start(QThread::LowPriority);

    m_model->setObjectName(QStringLiteral("previewModelCombo"));
    m_model->setToolTip(tr("The model whose price the cost estimate uses: the configs that use this prompt first, "
                           "then every model of the workspace's providers"));
    connect(m_model, &QComboBox::currentIndexChanged, this, &PromptPreviewPanel::scheduleAnalysis);

    m_formHost->setObjectName(QStringLiteral("previewForm"));
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(m_formHost);
    m_noVariables->setObjectName(QStringLiteral("previewNoVariables"));
    m_noVariables->hide();

    m_error->setObjectName(QStringLiteral("previewError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(m_error);
    m_error->hide();
    m_missing->setObjectName(QStringLiteral("previewMissing"));
    m_missing->setWordWrap(true);
    m_missing->hide();
    m_estimate->setObjectName(QStringLiteral("previewEstimate"));
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_system = resultPane(QStringLiteral("previewSystem"), tr("Rendered system instruction"), this);
    m_user = resultPane(QStringLiteral("previewUser"), tr("Rendered user message"), this);

    auto *panes = new QSplitter(Qt::Vertical, this);
    panes->setObjectName(QStringLiteral("previewSplitter"));
    panes->addWidget(formScroll);
    auto *systemBox = new QWidget(panes);
    auto *systemLayout = new QVBoxLayout(systemBox);
    systemLayout->setContentsMargins(0, 0, 0, 0);
    systemLayout->addWidget(new QLabel(tr("System"), systemBox));
    systemLayout->addWidget(m_system);
    panes->addWidget(systemBox);
    auto *userBox = new QWidget(panes);
    auto *userLayout = new QVBoxLayout(userBox);
    userLayout->setContentsMargins(0, 0, 0, 0);
    userLayout->addWidget(new QLabel(tr("User"), userBox));
    userLayout->addWidget(m_user);
    panes->addWidget(userBox);
    panes->setStretchFactor(0, 1);
    panes->setStretchFactor(1, 3);
    panes->setStretchFactor(2, 1);

    auto *modelRow = new QFormLayout;
    modelRow->addRow(tr("Cost on:"), m_model);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modelRow);
    layout->addWidget(m_error);
    layout->addWidget(m_noVariables);
    layout->addWidget(panes, 1);
    layout->addWidget(m_missing);
    layout->addWidget(m_estimate);

    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::TimeZone || key == Settings::Key::MissingVariablePolicy)
            scheduleAnalysis();
    });
    setModelChoices({});
}

PromptPreviewPanel::~PromptPreviewPanel()
{
    m_thread->quit();
    m_thread->wait();
}

void PromptPreviewPanel::setDocument(PromptEditorDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document)
        return;
    connect(document, &PromptEditorDocument::textChanged, this, &PromptPreviewPanel::scheduleAnalysis);
    connect(document, &PromptEditorDocument::reset, this, &PromptPreviewPanel::onDocumentReset);
    onDocumentReset();
}

void PromptPreviewPanel::setModelChoices(const QList<ModelChoice> &choices)
{
    m_choices = choices;
    const QSignalBlocker blocker(m_model);
    m_model->clear();
    m_model->addItem(tr("No model (tokens only)"));
    for (const ModelChoice &choice : choices)
        m_model->addItem(choice.label);
    m_model->setCurrentIndex(choices.isEmpty() ? 0 : 1);
    scheduleAnalysis();
}

void PromptPreviewPanel::scheduleAnalysis()
{
    m_debounce->start();
}

void PromptPreviewPanel::onDocumentReset()
{
    const bool open = m_document && m_document->isOpen();
    const QString key = open ? m_document->key() : QString();
    if (key != m_key || !open) {
        // Another prompt: nothing of the previous one's rendering may stay, not even while the new one is broken.
        m_key = key;
        m_values = m_settings.value(Settings::Key::PreviewValues).toMap().value(key).toMap();
        for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
            const QSignalBlocker blocker(it.value());
            it.value()->setText(m_values.value(it.key()).toString());
        }
        m_analysis = PromptAnalysis();
        m_system->clear();
        m_user->clear();
        m_error->clear();
        m_error->hide();
        m_missing->hide();
        m_estimate->clear();
    }
    if (!open) {
        m_debounce->stop();
        ++m_generation;  // a result still on its way belongs to the closed prompt
        rebuildForm({});
        m_noVariables->hide();
        Q_EMIT analysed(m_analysis);
        return;
    }
    scheduleAnalysis();
}

void PromptPreviewPanel::setOtherPromptVariables(const QStringList &names)
{
    if (names == m_otherPromptVariables)
        return;
    m_otherPromptVariables = names;
    scheduleAnalysis();
}

void PromptPreviewPanel::requestAnalysis()
{
    if (!m_document || !m_document->isOpen())
        return;
    PromptAnalysisRequest request;
    request.generation = ++m_generation;
    request.key = m_document->key();
    request.text = m_document->text();
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        const QJsonValue value = previewValueFromText(it.value().toString());
        if (!value.isUndefined())
            request.values.insert(it.key(), value);
    }
    request.timeZone = m_settings.timeZone();
    request.missingPolicy =
        Templating::missingPolicyFromName(m_settings.missingVariablePolicy()).value_or(Templating::MissingPolicy::Keep);
    if (const int choice = m_model->currentIndex() - 1; choice >= 0 && choice < m_choices.size()) {
        request.price = m_choices.at(choice).price;
        request.maxOutputTokens = m_choices.at(choice).maxOutputTokens;
    }
    request.otherPromptVariables = m_otherPromptVariables;
    m_worker->setLatestGeneration(request.generation);
    PromptPreviewWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->analyse(request); }, Qt::QueuedConnection);
}

void PromptPreviewPanel::onAnalysed(const PromptAnalysis &analysis)
{
    if (analysis.generation != m_generation)
        return;  // the text changed since: a newer result is on its way
    // A text that does not parse or compile keeps the last rendering on screen, so the page stays readable while
    // the user is in the middle of an edit.
    const bool keepRendering =
        !analysis.parsed || (!analysis.renderError.isEmpty() && analysis.system.isEmpty() && analysis.user.isEmpty());
    const QString previousSystem = m_analysis.system;
    const QString previousUser = m_analysis.user;
    m_analysis = analysis;

    if (!analysis.parsed) {
        m_error->setText(tr("The prompt does not parse: %1").arg(analysis.parseError));
    } else if (!analysis.renderError.isEmpty()) {
        m_error->setText(analysis.renderError);
    } else {
        m_error->clear();
    }
    m_error->setVisible(!m_error->text().isEmpty());

    if (keepRendering) {
        m_analysis.system = previousSystem;
        m_analysis.user = previousUser;
    } else {
        rebuildForm(analysis.variables);
        showRendering(m_system, previousSystem, analysis.system);
        showRendering(m_user, previousUser, analysis.user);
        m_missing->setText(analysis.missing.isEmpty()
                               ? QString()
                               : tr("Missing variables: %1").arg(analysis.missing.join(QLatin1String(", "))));
        m_missing->setVisible(!analysis.missing.isEmpty());
        showEstimate();
    }
    Q_EMIT analysed(m_analysis);
}

void PromptPreviewPanel::rebuildForm(const QList<PreviewVariable> &variables)
{
    if (variables == m_variables)
        return;
    m_variables = variables;

    // Take the rows out without deleting them: fields that stay are reused, so focus and cursor stay where they are.
    QHash<QString, QLineEdit *> old = m_edits;
    m_edits.clear();
    while (m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        if (row.labelItem && row.labelItem->widget())
            row.labelItem->widget()->deleteLater();
        delete row.labelItem;
        delete row.fieldItem;  // the widget itself stays (reused below or deleted with the rest)
    }
    for (const PreviewVariable &variable : variables) {
        QLineEdit *edit = old.take(variable.name);
        if (!edit) {
            edit = new QLineEdit(m_formHost);
            edit->setObjectName(QStringLiteral("previewValue_") + variable.name);
            edit->setClearButtonEnabled(true);
            edit->setText(m_values.value(variable.name).toString());
            const QString name = variable.name;
            connect(edit, &QLineEdit::textEdited, this,
                    [this, name](const QString &text) { onValueEdited(name, text); });
        }
        QString placeholder = previewTextFromValue(variable.sample);
        edit->setPlaceholderText(placeholder.isEmpty() ? tr("no value") : placeholder);
        QString tip = variable.description.isEmpty() ? tr("Not declared under “variables:”") : variable.description;
        if (variable.sample.isArray() || variable.sample.isObject())
            tip += QLatin1Char('\n') + tr("Enter a list or object as JSON, e.g. %1").arg(placeholder);
        else if (!placeholder.isEmpty())
            tip += QLatin1Char('\n') + tr("Empty: the sample “%1” is used").arg(placeholder);
        edit->setToolTip(tip);
        QString label = variable.name;
        if (variable.required)
            label += QLatin1Char('*');
        m_form->addRow(label + QLatin1Char(':'), edit);
        edit->show();
        m_edits.insert(variable.name, edit);
    }
    for (QLineEdit *unused : std::as_const(old))
        unused->deleteLater();
    m_noVariables->setVisible(variables.isEmpty());
}

void PromptPreviewPanel::onValueEdited(const QString &name, const QString &text)
{
    if (text.isEmpty())
        m_values.remove(name);
    else
        m_values.insert(name, text);
    if (!m_key.isEmpty()) {
        QVariantMap all = m_settings.value(Settings::Key::PreviewValues).toMap();
        if (m_values.isEmpty())
            all.remove(m_key);
        else
            all.insert(m_key, m_values);
        m_settings.setValue(Settings::Key::PreviewValues, all);
    }
    scheduleAnalysis();
}

void PromptPreviewPanel::showEstimate()
{
    if (!m_analysis.parsed) {
        m_estimate->clear();
        return;
    }
    QString text = tr("About %1 input tokens (system and user).").arg(m_analysis.inputTokens);
    const int index = m_model->currentIndex() - 1;
    if (index >= 0 && index < m_choices.size()) {
        const QString model = m_choices.at(index).label;
        if (!m_analysis.costUsd)
            text += QLatin1Char(' ') + tr("No price is stored for %1.").arg(model);
        else if (m_analysis.outputTokens > 0)
            text += QLatin1Char(' ') + tr("≈ $%1 on %2 with up to %3 output tokens.")
                                           .arg(*m_analysis.costUsd, 0, 'f', 6)
                                           .arg(model)
                                           .arg(m_analysis.outputTokens);
        else
            text += QLatin1Char(' ') + tr("≈ $%1 on %2 for the input.").arg(*m_analysis.costUsd, 0, 'f', 6).arg(model);
    }
    m_estimate->setText(text);
}

QString PromptPreviewPanel::renderedSystem() const
{
    return m_system->toPlainText();
}

QString PromptPreviewPanel::renderedUser() const
{
    return m_user->toPlainText();
}

QString PromptPreviewPanel::errorText() const
{
    return m_error->text();
}

QStringList PromptPreviewPanel::formVariables() const
{
    QStringList names;
    for (const PreviewVariable &variable : m_variables)
        names.append(variable.name);
    return names;
}

QLineEdit *PromptPreviewPanel::valueEdit(const QString &name) const
{
    return m_edits.value(name);
}

}  // namespace Switchyard
