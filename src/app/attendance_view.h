// attendance_view.h: the case's "Attendance" tab (weekly register grid with keyboard entry, the
// percentages, the pack's thresholds and a chart) and its "Targets" tab (the agreement's targets
// and their progress at each review).
#pragma once
#include <string>

#include "engine/canonical.h"

namespace cp::app {

void attendance_tab(const std::string& case_id);  // attendance_view.cpp
void targets_tab(const std::string& case_id);     // targets_view.cpp

// Test mode: what the Attendance / Targets tabs showed on their last frame (window.cpTest.state).
Json attendance_test_state();
Json targets_test_state();

}  // namespace cp::app
