#include "core/secrets/Secret.h"

#include <utility>

namespace Switchyard {

Secret::Secret(QString reference, QString value) : m_reference(std::move(reference)), m_value(std::move(value)) {}

}  // namespace Switchyard
