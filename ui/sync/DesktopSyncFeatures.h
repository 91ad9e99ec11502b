#pragma once

namespace syncdesk {

class MainWindow;

// Plugs the mapping editor (page "mappingPage"), the runs view (page "runsPage"), the live
// connector-log dock ("connectorLogDock") and the sync flow ("Sync selected to <connection>" opens
// the preview) into the main window (docs/desktop.md "Embedding points"; docs/desktop-sync.md).
// The MainWindow constructor calls it.
void installDesktopSyncFeatures(MainWindow& window);

} // namespace syncdesk
