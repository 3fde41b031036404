// workspace_read.h: turning workspace text into a document plus converted events — the first
// step of parse_workspace, kept apart so that its two readers can be compared by the tests.
//
// Events are converted while the text is read and never kept as JSON, so a large workspace is
// not held twice (as JSON and as Event). In the document, every case's "events" list is left
// empty; the events are in StreamedEvents, by case position.
//
//   read_workspace_fast        the hand-written scanner (json_scan.h). It reads a valid
//                              workspace and gives up on anything unusual or wrong, reporting
//                              nothing; parse_workspace then uses the reference reader.
//   read_workspace_reference   nlohmann::json with a callback: reads anything, and words every
//                              problem (invalid JSON, invalid events)
#pragma once
#include <string_view>
#include <vector>

#include "engine/case_log.h"

namespace cp {

struct StreamedEvents {
    std::vector<std::vector<Event>> by_case;  // converted events, by case position
    std::vector<std::size_t>        seen;     // elements seen in each case's events list
};

// True when the whole text was read; then every event was valid (type, timestamp, payload).
bool read_workspace_fast(std::string_view text, Json& root, StreamedEvents& streamed);

// False only when the text is not JSON (the problem is in `out`). Problems of single events
// go to `event_problems`, to be reported once the document is known to be a workspace.
bool read_workspace_reference(std::string_view text, const std::string& file, Json& root, StreamedEvents& streamed,
                              Problems& event_problems, Problems& out);

}  // namespace cp
