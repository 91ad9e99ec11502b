#pragma once

#include <QIcon>
#include <QString>

#include <optional>

namespace syncdesk {

// The app's icons: small SVG drawings in resources/icons (":/icons/<name>.svg"), drawn for
// SyncDesk. Action icons are monochrome ("currentColor") and are painted in the palette's button
// text colour of the moment, so they follow the light and dark themes and the disabled state; the
// log-level icons and the app icon carry their own colours.
//
// Fallback: the SVGs are read through Qt's SVG image plugin (Debian: libqt6svg6). Without it every
// icon here is null (QIcon::isNull()), and callers show text instead (see available()).
class Icons {
public:
    enum class Id {
        App,
        Sync,
        Preview,
        Refresh,
        Filter,
        Connections,
        Undo,
        Redo,
        Export,
        LevelError,
        LevelWarning,
        LevelInfo,
        LevelDebug,
    };

    static QIcon icon(Id id);
    // ":/icons/sync.svg" and so on.
    static QString resourcePath(Id id);
    // Whether SVG icons can be drawn (the image plugin is there, unless a test said otherwise).
    static bool available();
    // Tests: pretend the SVG plugin is missing (false) or present (true); nullopt: ask Qt.
    static void setAvailableForTest(std::optional<bool> available);
};

} // namespace syncdesk
