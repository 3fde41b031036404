// protocols_view.h: Settings' "Protocols": the protocols followed, and loading a protocol file.
#pragma once

namespace cp::app {

void protocol_settings();

}  // namespace cp::app
