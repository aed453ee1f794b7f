#pragma once

#include "core/common/Result.h"
#include "core/templating/DataNode.h"
#include "core/templating/Node.h"
#include "core/templating/RenderOptions.h"
#include "core/templating/RenderReport.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QVarLengthArray>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace Switchyard::Templating::Detail {

/// Walks a compiled node tree against JSON data. One Renderer per render call; not reused.
///
/// The context stack holds pointers into prepared data (no copies). Indentation of standalone partials, parents and
/// blocks is applied lazily: it is written before the first output of each template line, so lines that render
/// nothing get no trailing whitespace.
class Renderer {
public:
    Renderer(const RenderOptions &options, QString &out);

    /// Renders @p compiled into the output string (replacing its content); collects missing variables and partials.
    /// @p capacityHint is the expected output length.
    Result<void> run(const CompiledTemplate &compiled, const DataNode &data, qsizetype capacityHint);

    const QList<MissingVariable> &missing() const { return m_missing; }
    const QStringList &missingPartials() const { return m_missingPartials; }

private:
    /// The blocks a parent tag passes, and the template they were written in (for reports).
    struct Overrides {
        const std::vector<Node> *blocks = nullptr;
        QString owner;
    };

    void renderNodes(const std::vector<Node> &nodes);
    void renderText(const QString &text, bool endsWithNewline);
    void renderVariable(const Node &node);
    void renderSection(const Node &node);
    void renderPartial(const Node &node);
    void renderBlock(const Node &node);

    const DataNode *lookup(const Name &name);
    void emitValue(QStringView text, bool escape);
    void appendEscaped(QStringView text);
    void append(QStringView text)
    {
        const qsizetype n = text.size();
        if (m_size + n > m_capacity)
            grow(m_size + n);
        std::memcpy(m_data + m_size, text.data(), size_t(n) * sizeof(QChar));
        m_size += n;
    }
    void grow(qsizetype needed);
    void reportMissing(const Node &node);
    /// The compiled partial, compiling it on first use; nullptr when it is missing or failed to compile.
    const CompiledTemplate *partial(const QString &name);
    /// The partial name a Partial or Parent node refers to, resolving dynamic names; empty when unresolved.
    QString partialName(const Node &node);
    void renderExternal(const Node &node, const CompiledTemplate &compiled, const QString &name);

    const RenderOptions &m_options;
    // The output is written through a raw pointer into m_out, which is sized ahead; QString::append per piece
    // costs more than the rest of a render.
    QString &m_out;
    QChar *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
    const bool m_escapeHtml;
    QVarLengthArray<const DataNode *, 32> m_stack;
    QString m_indent;
    bool m_atLineStart = true;
    std::vector<Overrides> m_overrides;
    QHash<QString, std::shared_ptr<CompiledTemplate>> m_partials;
    QString m_currentTemplate;  ///< partial being rendered; empty for the main template
    int m_depth = 0;
    QList<MissingVariable> m_missing;
    QSet<QString> m_missingKeys;
    QStringList m_missingPartials;
    std::optional<Error> m_error;
    /// System variables resolved so far in this render, all read at m_systemTime (one snapshot per render). A deque:
    /// lookups hand out pointers to its nodes, which must stay valid as more names are resolved.
    std::deque<DataMember> m_system;
    std::optional<QDateTime> m_systemTime;

    const DataNode *systemVariable(const QString &name, size_t hash);
};

}  // namespace Switchyard::Templating::Detail
