#pragma once

namespace syncdesk {

// Registers resources/syncdesk.qrc (sample CSVs, Sandbox seed, icons). The resources live in the
// static syncdesk_ui library, whose initialiser the linker would otherwise drop. Idempotent;
// AppContext calls it, so anything holding an AppContext can read ":/...".
void initUiResources();

} // namespace syncdesk
