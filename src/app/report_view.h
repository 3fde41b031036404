// report_view.h: the "Panel report" screen (File/Reports menu): per school and term, what was
// proposed, received, started, and how placements ended (engine/report.h), as a table and a bar
// chart, saved as CSV or printed. Also gathers the test-mode state of the newer views.
#pragma once
#include "engine/canonical.h"

namespace cp::app {

void reports_menu();         // a "Reports" menu for the menu bar (report_view.cpp)
void panel_report_window();  // drawn every frame while open
Json views_test_state();     // attendance, targets, panel report and the last PNG, for window.cpTest.state

}  // namespace cp::app
