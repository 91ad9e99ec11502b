#include "ui/common/ScreenFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace syncdesk {

QSize roomOnScreen(const QWidget* window) {
    const QWidget* anchor = window->parentWidget() ? window->parentWidget()->window() : window;
    QScreen* screen = anchor->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    return screen->availableGeometry().size() * 9 / 10;
}

void resizeWithinScreen(QWidget* window, const QSize& preferred) {
    const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
    window->resize(preferred.boundedTo(roomOnScreen(window)).expandedTo(minimum));
}

} // namespace syncdesk
