#pragma once

#include <QLoggingCategory>

// The desktop's logging category ("syncdesk.ui").
Q_DECLARE_LOGGING_CATEGORY(lcUi)
