#include "PromptEditorDocument.h"

#include "core/prompts/PromptDocumentParser.h"
#include "core/store/PromptRepository.h"

#include <QPlainTextDocumentLayout>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoCommand>
#include <QUndoStack>

namespace Switchyard {

namespace {

/// One undo step of the text document, as a command on the page's undo stack. The step has already happened when
/// it is pushed, so the first redo() does nothing.
class TextStepCommand : public QUndoCommand {
public:
    TextStepCommand(QTextDocument *document, const QString &text) : QUndoCommand(text), m_document(document) {}

    void undo() override { m_document->undo(); }
    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        m_document->redo();
    }

private:
    QTextDocument *m_document;
    bool m_first = true;
};

QString skeleton(const QString &key)
{
    return QStringLiteral("key: %1\n"
                          "description: What this prompt is for\n"
                          "variables:\n"
                          "  question:\n"
                          "    description: What the user asked\n"
                          "    sample: How do I start?\n"
                          "system: |\n"
                          "  You are a helpful assistant.\n"
                          "user: |\n"
                          "  {{question}}\n")
        .arg(key);
}

}  // namespace

PromptEditorDocument::PromptEditorDocument(Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_text(new QTextDocument(this)), m_undoStack(new QUndoStack(this))
{
    m_text->setDocumentLayout(new QPlainTextDocumentLayout(m_text));
    m_text->setUndoRedoEnabled(true);
    connect(m_text, &QTextDocument::undoCommandAdded, this, &PromptEditorDocument::onUndoCommandAdded);
    connect(m_text, &QTextDocument::contentsChanged, this, [this] {
        if (!m_open)
            return;
        updateDirty();
        Q_EMIT textChanged();
    });
}

PromptEditorDocument::~PromptEditorDocument() = default;

QString PromptEditorDocument::text() const
{
    return m_text->toPlainText();
}

void PromptEditorDocument::setContent(const QString &key, int baseVersion, const QString &text, bool readOnly)
{
    m_open = false;  // setPlainText() is not an edit
    m_undoStack->clear();
    m_text->setPlainText(text);  // also resets the text document's own undo history
    m_key = key;
    m_baseVersion = baseVersion;
    m_baseText = m_text->toPlainText();
    m_readOnly = readOnly;
    m_open = !key.isEmpty();
    m_undoStack->setClean();
    updateDirty();
    Q_EMIT reset();
    Q_EMIT textChanged();
}

Result<void> PromptEditorDocument::load(const QString &key)
{
    PromptRepository repository(m_database);
    const auto latest = repository.latest(key);
    if (!latest)
        return latest.error();
    setContent(key, latest->version, latest->body, false);
    return {};
}

Result<void> PromptEditorDocument::openReadOnly(const QString &key, int version)
{
    PromptRepository repository(m_database);
    const auto stored = repository.version(key, version);
    if (!stored)
        return stored.error();
    setContent(key, stored->version, stored->body, true);
    return {};
}

Result<void> PromptEditorDocument::startNew(const QString &key)
{
    if (!PromptDocumentParser::isValidKey(key))
        return Error::make(
            Error::Code::InvalidInput,
            tr("“%1” is not a valid prompt key: use lower-case letters, digits, '_', '.' and '-'.").arg(key));
    PromptRepository repository(m_database);
    const auto keys = repository.keys();
    if (!keys)
        return keys.error();
    if (keys->contains(key))
        return Error::make(Error::Code::Conflict,
                           tr("A prompt “%1” already exists; open it from the list or choose another key.").arg(key));
    setContent(key, 0, skeleton(key), false);
    return {};
}

void PromptEditorDocument::close()
{
    setContent(QString(), 0, QString(), false);
}

void PromptEditorDocument::revert()
{
    if (!m_open)
        return;
    setContent(m_key, m_baseVersion, m_baseVersion == 0 ? skeleton(m_key) : m_baseText, m_readOnly);
}

Result<PromptEditorDocument::SaveOutcome> PromptEditorDocument::save(const QString &note, const QString &author)
{
    if (!m_open)
        return Error::make(Error::Code::InvalidInput, tr("No prompt is open."));
    if (m_readOnly)
        return Error::make(
            Error::Code::InvalidInput,
            tr("Version %1 is open for viewing only; open the latest version to edit and save.").arg(m_baseVersion));
    const QString body = text();
    const auto parsed = PromptDocumentParser::parse(body.toUtf8(), m_key + QStringLiteral(".yaml"));
    if (!parsed)
        return Error::make(Error::Code::InvalidInput,
                           tr("The prompt was not saved because it does not parse: %1").arg(parsed.error().toString()));
    if (parsed->doc.key != m_key)
        return Error::make(Error::Code::InvalidInput,
                           tr("The prompt was not saved: its “key:” says “%1” but this is the prompt “%2”. Change "
                              "the key back to “%2”.")
                               .arg(parsed->doc.key, m_key));

    PromptRepository repository(m_database);
    const auto added = repository.addVersion(m_key, body, author, note);
    if (!added)
        return added.error();
    m_baseVersion = added->version.version;
    m_baseText = body;
    m_undoStack->setClean();
    updateDirty();
    if (added->created)
        Q_EMIT saved(m_baseVersion);
    return SaveOutcome{m_baseVersion, added->created};
}

void PromptEditorDocument::replaceText(const QString &text, const QString &commandText)
{
    if (!m_open || m_readOnly)
        return;
    const QString current = this->text();
    if (current == text)
        return;
    // Replace only the differing middle: fewer characters change and the cursor outside it stays where it was.
    qsizetype prefix = 0;
    const qsizetype shorter = qMin(current.size(), text.size());
    while (prefix < shorter && current.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && current.at(current.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;

    m_nextCommandText = commandText;
    QTextCursor cursor(m_text);
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(current.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - suffix - prefix));
    cursor.endEditBlock();
    m_nextCommandText.clear();
}

void PromptEditorDocument::onUndoCommandAdded()
{
    if (!m_open)
        return;
    const QString text = m_nextCommandText.isEmpty() ? tr("Edit text") : m_nextCommandText;
    m_undoStack->push(new TextStepCommand(m_text, text));
}

void PromptEditorDocument::updateDirty()
{
    // This runs on every keystroke: the length tells most edits apart without copying the text out.
    // (characterCount() counts the final paragraph separator that toPlainText() leaves out.)
    const bool dirty = m_open && !m_readOnly &&
                       (m_baseVersion == 0 || m_text->characterCount() - 1 != m_baseText.size() ||
                        m_text->toPlainText() != m_baseText);
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

}  // namespace Switchyard
