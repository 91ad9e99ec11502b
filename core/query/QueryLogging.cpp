#include "core/query/QueryLogging.h"

namespace syncdesk {
Q_LOGGING_CATEGORY(lcQuery, "syncdesk.query")
}
