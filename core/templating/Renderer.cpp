#include "core/templating/Renderer.h"

#include "core/templating/Parser.h"
#include "core/templating/SystemVariables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard::Templating::Detail {

namespace {

// Spec recursion tests stop after a few levels; this only catches a partial that includes itself forever.
constexpr int kMaxPartialDepth = 100;

// Structured values are written as compact JSON so a prompt still shows something useful.
QString structuredText(const DataNode &node)
{
    if (node.kind == DataNode::Kind::Array)
        return QString::fromUtf8(QJsonDocument(node.json.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(node.json.toObject()).toJson(QJsonDocument::Compact));
}

}  // namespace

Renderer::Renderer(const RenderOptions &options, QString &out)
    : m_options(options), m_out(out), m_escapeHtml(options.escape == Escape::Html)
{
}

Result<void> Renderer::run(const CompiledTemplate &compiled, const DataNode &data, qsizetype capacityHint)
{
    m_out.clear();
    grow(qMax<qsizetype>(capacityHint, 64));
    m_stack.append(&data);
    renderNodes(compiled.nodes);
    m_stack.removeLast();
    m_out.resize(m_size);
    // Keep a little slack (it helps the caller append), but do not hand back a mostly empty buffer.
    if (m_out.capacity() > 2 * m_size + 4096)
        m_out.squeeze();
    m_data = nullptr;
    if (m_error)
        return *m_error;

    if (m_options.missing == MissingPolicy::Error && !m_missing.isEmpty()) {
        QStringList places;
        for (const MissingVariable &missing : std::as_const(m_missing)) {
            QString place = QStringLiteral("'%1' at %2:%3").arg(missing.name).arg(missing.line).arg(missing.column);
            if (!missing.partial.isEmpty())
                place += QStringLiteral(" in partial '%1'").arg(missing.partial);
            places.append(place);
        }
        const QString message =
            (m_missing.size() == 1 ? QStringLiteral("Missing variable %1. Provide it in the data")
                                   : QStringLiteral("Missing variables %1. Provide them in the data"))
                .arg(places.join(QStringLiteral(", "))) +
            QStringLiteral(", or render with the keep or empty missing-variable policy.");
        const MissingVariable &first = m_missing.constFirst();
        return Error::make(Error::Code::InvalidInput, message, QString(), first.partial.isEmpty() ? first.line : 0,
                           first.partial.isEmpty() ? first.column : 0);
    }
    return {};
}

void Renderer::renderNodes(const std::vector<Node> &nodes)
{
    for (const Node &node : nodes) {
        if (m_error)
            return;
        switch (node.type) {
        case Node::Type::Text:
            renderText(node.text, node.endsWithNewline);
            break;
        case Node::Type::Variable:
            renderVariable(node);
            break;
        case Node::Type::Section:
        case Node::Type::Inverted:
            renderSection(node);
            break;
        case Node::Type::Partial:
        case Node::Type::Parent:
            renderPartial(node);
            break;
        case Node::Type::Block:
            renderBlock(node);
            break;
        }
    }
}

void Renderer::renderText(const QString &text, bool endsWithNewline)
{
    if (m_indent.isEmpty()) {
        append(text);
        m_atLineStart = endsWithNewline;
        return;
    }
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', pos);
        const qsizetype end = newline < 0 ? text.size() : newline + 1;
        const QStringView line = QStringView(text).mid(pos, end - pos);
        const bool blank = line == u"\n" || line == u"\r\n";
        if (m_atLineStart && !blank)
            append(m_indent);
        append(line);
        m_atLineStart = newline >= 0;
        pos = end;
    }
}

void Renderer::emitValue(QStringView text, bool escape)
{
    if (text.isEmpty())
        return;
    if (m_atLineStart && !m_indent.isEmpty())
        append(m_indent);
    m_atLineStart = false;
    if (escape && m_escapeHtml)
        appendEscaped(text);
    else
        append(text);
}

void Renderer::appendEscaped(QStringView text)
{
    qsizetype chunk = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QStringView entity;
        switch (text[i].unicode()) {
        case u'&':
            entity = u"&amp;";
            break;
        case u'<':
            entity = u"&lt;";
            break;
        case u'>':
            entity = u"&gt;";
            break;
        case u'"':
            entity = u"&quot;";
            break;
        case u'\'':
            entity = u"&#39;";
            break;
        default:
            continue;
        }
        append(text.mid(chunk, i - chunk));
        append(entity);
        chunk = i + 1;
    }
    append(text.mid(chunk));
}

void Renderer::grow(qsizetype needed)
{
    const qsizetype capacity = qMax(needed, m_capacity * 2);
    m_out.resize(capacity);
    m_data = m_out.data();
    m_capacity = capacity;
}

void Renderer::renderVariable(const Node &node)
{
    const DataNode *value = lookup(node.name);
    if (!value) {
        reportMissing(node);
        return;
    }
    if (value->kind == DataNode::Kind::Array || value->kind == DataNode::Kind::Object)
        emitValue(structuredText(*value), node.escape);
    else
        emitValue(value->kind == DataNode::Kind::Number ? value->scalarText() : value->text, node.escape);
}

void Renderer::reportMissing(const Node &node)
{
    const QString key = m_currentTemplate + QLatin1Char('\n') + QString::number(node.line) + QLatin1Char(':') +
                        QString::number(node.column);
    if (!m_missingKeys.contains(key)) {
        m_missingKeys.insert(key);
        m_missing.append(MissingVariable{node.name.text, node.line, node.column, m_currentTemplate});
    }
    if (m_options.missing == MissingPolicy::Keep)
        emitValue(node.text, false);
}

void Renderer::renderSection(const Node &node)
{
    const DataNode *value = lookup(node.name);
    const bool truthy = value && value->isTruthy();
    if (node.type == Node::Type::Inverted) {
        if (!truthy)
            renderNodes(node.children);
        return;
    }
    if (!truthy)
        return;
    if (value->kind == DataNode::Kind::Array) {
        for (const DataNode &item : value->items) {
            m_stack.append(&item);
            renderNodes(node.children);
            m_stack.removeLast();
            if (m_error)
                return;
        }
        return;
    }
    m_stack.append(value);
    renderNodes(node.children);
    m_stack.removeLast();
}

QString Renderer::partialName(const Node &node)
{
    if (!node.dynamic)
        return node.text;
    const DataNode *value = lookup(node.name);
    if (!value)
        return {};
    switch (value->kind) {
    case DataNode::Kind::String:
    case DataNode::Kind::Number:
    case DataNode::Kind::Bool:
        return value->scalarText();
    default:
        return {};
    }
}

void Renderer::renderPartial(const Node &node)
{
    const QString name = partialName(node);
    if (name.isEmpty())
        return;
    const CompiledTemplate *compiled = partial(name);
    if (!compiled)
        return;
    if (m_depth >= kMaxPartialDepth) {
        m_error = Error::make(Error::Code::InvalidInput,
                              QStringLiteral("Partials nest more than %1 levels deep at partial '%2'; a partial "
                                             "probably includes itself without a condition that stops it")
                                  .arg(kMaxPartialDepth)
                                  .arg(name));
        return;
    }
    if (node.type == Node::Type::Parent)
        m_overrides.push_back(Overrides{&node.children, m_currentTemplate});
    renderExternal(node, *compiled, name);
    if (node.type == Node::Type::Parent)
        m_overrides.pop_back();
}

void Renderer::renderExternal(const Node &node, const CompiledTemplate &compiled, const QString &name)
{
    const QString savedIndent = m_indent;
    const QString savedTemplate = m_currentTemplate;
    if (node.standalone) {
        // The tag's line was removed, so the partial starts a line; its lines take the tag's indentation.
        m_indent += node.indent;
        m_atLineStart = true;
    } else {
        m_indent.clear();
    }
    m_currentTemplate = name;
    ++m_depth;
    renderNodes(compiled.nodes);
    --m_depth;
    m_currentTemplate = savedTemplate;
    m_indent = savedIndent;
}

void Renderer::renderBlock(const Node &node)
{
    // The outermost parent that passes this block wins, so a child overrides its grandparents' arguments.
    const Node *chosen = &node;
    const QString *owner = nullptr;
    for (const Overrides &overrides : m_overrides) {
        for (const Node &block : *overrides.blocks) {
            if (block.name.text == node.name.text) {
                chosen = &block;
                owner = &overrides.owner;
                break;
            }
        }
        if (owner)
            break;
    }
    const QString savedIndent = m_indent;
    const QString savedTemplate = m_currentTemplate;
    if (node.hasIndent)
        m_indent += node.indent;
    if (owner)
        m_currentTemplate = *owner;
    renderNodes(chosen->children);
    m_currentTemplate = savedTemplate;
    m_indent = savedIndent;
}

const CompiledTemplate *Renderer::partial(const QString &name)
{
    const auto cached = m_partials.constFind(name);
    if (cached != m_partials.constEnd())
        return cached->get();

    const auto source = m_options.partials.constFind(name);
    if (source == m_options.partials.constEnd()) {
        if (!m_missingPartials.contains(name))
            m_missingPartials.append(name);
        m_partials.insert(name, nullptr);
        return nullptr;
    }
    Result<std::shared_ptr<CompiledTemplate>> compiled = Parser::parse(*source, QString());
    if (!compiled) {
        const Error &error = compiled.error();
        m_error = Error::make(Error::Code::InvalidInput,
                              QStringLiteral("Partial '%1' does not compile (at its line %2, column %3): %4")
                                  .arg(name)
                                  .arg(error.line)
                                  .arg(error.column)
                                  .arg(error.message));
        m_partials.insert(name, nullptr);
        return nullptr;
    }
    m_partials.insert(name, *compiled);
    return compiled->get();
}

const DataNode *Renderer::systemVariable(const QString &name, size_t hash)
{
    for (const DataMember &known : m_system)
        if (known.hash == hash && known.key == name)
            return &known.value;
    // Only the names a template uses are computed — formatting them all cost more than the rest of a short render.
    if (!SystemVariables::isSystemVariable(name))
        return nullptr;
    if (!m_systemTime)
        m_systemTime = m_options.system->now();
    m_system.push_back(
        DataMember{hash, name, DataNode::fromJson(m_options.system->valueAt(name, *m_systemTime), true)});
    return &m_system.back().value;
}

const DataNode *Renderer::lookup(const Name &name)
{
    if (name.implicit)
        return m_stack.last();
    const QString &first = name.parts.constFirst();
    const size_t firstHash = name.hashes.constFirst();
    const DataNode *value = nullptr;
    for (qsizetype i = m_stack.size() - 1; i >= 0 && !value; --i) {
        const DataNode *frame = m_stack[i];
        if (frame->kind == DataNode::Kind::Object)
            value = frame->member(first, firstHash);
    }
    if (!value && m_options.system) {
        // System variables sit below all data: a data value with the same name wins.
        value = systemVariable(first, firstHash);
    }

    // The rest of a dotted name resolves inside the first part's value only, never against the stack.
    for (qsizetype k = 1; value && k < name.parts.size(); ++k) {
        if (value->kind == DataNode::Kind::Object) {
            value = value->member(name.parts.at(k), name.hashes.at(k));
        } else if (value->kind == DataNode::Kind::Array) {
            bool isIndex = false;
            const int index = name.parts.at(k).toInt(&isIndex);
            value =
                isIndex && index >= 0 && size_t(index) < value->items.size() ? &value->items[size_t(index)] : nullptr;
        } else {
            value = nullptr;
        }
    }
    return value;
}

}  // namespace Switchyard::Templating::Detail
