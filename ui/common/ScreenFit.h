#pragma once

#include <QSize>

class QWidget;

namespace syncdesk {

// Resizes a window to `preferred` (logical pixels), but never beyond nine tenths of the available
// area of the screen it shows on (a 1600x1000 screen at 200 % has 800x500 logical pixels), and
// never below its own minimum size. Dialogs and the main window's first size use it.
void resizeWithinScreen(QWidget* window, const QSize& preferred);

// The part of that screen a window may take: nine tenths of its available area.
QSize roomOnScreen(const QWidget* window);

} // namespace syncdesk
