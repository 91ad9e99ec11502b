#pragma once

#include <QLoggingCategory>

namespace syncdesk {
Q_DECLARE_LOGGING_CATEGORY(lcQuery) // "syncdesk.query"
}
