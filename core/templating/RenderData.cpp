#include "core/templating/RenderData.h"

#include "core/templating/DataNode.h"

namespace Switchyard::Templating {

RenderData::RenderData() : m_root(std::make_shared<Detail::DataNode>()) {}

RenderData RenderData::fromJson(const QJsonValue &value)
{
    RenderData data;
    data.m_root = std::make_shared<Detail::DataNode>(Detail::DataNode::fromJson(value, true));
    data.m_json = value;
    return data;
}

}  // namespace Switchyard::Templating
