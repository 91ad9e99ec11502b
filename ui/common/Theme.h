#pragma once

#include <QString>

namespace syncdesk {

// Colour themes: "system" (the platform's style and palette), "light" and "dark" (Fusion with a
// light or dark palette). Widgets use palette roles only, so every view follows.
class Theme {
public:
    static void apply(const QString& name);
    static QString current();
    static bool isDark(); // of the palette in use, whatever the theme
};

} // namespace syncdesk
