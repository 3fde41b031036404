// locator.h: the widget locator that browser tests use to find ImGui items by label.
//
// Built on ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): each frame ImGui reports every
// item's id, rectangle and label; in test mode (?test in the URL) the list is published to the
// page as window.cpTest.items = [{id, label, x, y, w, h, window, flags, fullY, fullH}] in CSS
// pixels (x..h clipped to what is visible; fullY/fullH where it is laid out), so a
// Playwright test clicks "New case" with a real mouse event at its real position.
#pragma once

namespace cp::app {

void locator_begin_frame();                      // forget last frame's items
void locator_end_frame();                        // publish this frame's items (test mode only)
void locator_name_last_item(const char* label);  // for widgets that report no label (combos): "##kind" -> "#kind"

}  // namespace cp::app
