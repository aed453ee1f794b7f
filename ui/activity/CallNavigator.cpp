#include "ui/activity/CallNavigator.h"

namespace Switchyard {

CallNavigator &CallNavigator::instance()
{
    static CallNavigator navigator;
    return navigator;
}

}  // namespace Switchyard
