#pragma once

#include <QColor>
#include <QString>

class QPalette;
class QWidget;

namespace syncdesk {

// Colour themes: "system" (the platform's style and palette), "light" and "dark" (Fusion with a
// light or dark palette). Widgets use palette roles only, so every view follows.
class Theme {
public:
    static void apply(const QString& name);
    static QString current();
    static bool isDark(); // of the palette in use, whatever the theme
    static bool isDark(const QPalette& palette);

    // Text colours that carry a meaning (log levels, plan actions, outcomes, error labels). Each
    // has a light and a dark variant, chosen for the palette, with a contrast of at least 4.5:1
    // (WCAG AA) on its Base, AlternateBase and Window colours (tests/ui/LookTest.cpp).
    enum class Tone { Error, Warning, Success, Info, Muted };
    static QColor tone(Tone tone);
    static QColor tone(Tone tone, const QPalette& palette);
    // Keeps a label's WindowText in `tone` across theme switches.
    static void keepTone(QWidget* widget, Tone tone);

    // WCAG 2 contrast ratio of two colours (1 to 21).
    static double contrastRatio(const QColor& a, const QColor& b);
};

} // namespace syncdesk
