#pragma once

#include <QJsonValue>
#include <memory>

namespace Switchyard::Templating {

namespace Detail {
struct DataNode;
}

/// Render data prepared once for many renders.
///
/// Template::render() accepts plain JSON and prepares it on every call. When the same data is rendered repeatedly
/// (a preview refreshing as the template changes, a batch of prompts over one data set), prepare it once with
/// fromJson() and pass the RenderData instead: rendering then does no conversions at all. Immutable and cheap to
/// copy; safe to share between threads.
class RenderData {
public:
    /// Null data: every name is missing.
    RenderData();

    /// Converts @p value (any JSON value; usually an object) into render form.
    static RenderData fromJson(const QJsonValue &value);

    /// The JSON the data was prepared from.
    QJsonValue json() const { return m_json; }

private:
    friend class Template;

    std::shared_ptr<const Detail::DataNode> m_root;
    QJsonValue m_json;
};

}  // namespace Switchyard::Templating
