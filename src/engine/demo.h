// demo.h: a fictional demonstration workspace, built in the engine so that the CLI
// (`caseplan demo OUT`) and the browser app create the same one.
//
// Every name is invented and marked "(fictional)"; URNs are in the unused 9xxxxx range. The
// cases sit at different stages of the five protocols, read on kDemoToday:
//   DEMO-WO-1  Worcestershire off-site direction under way, its review overdue
//   DEMO-WO-2  Worcestershire direction converted to a managed move (successful)
//   DEMO-TH-1  Thurrock: serious breach in week 3, emergency meeting held, outcome to record
//   DEMO-OX-1  Oxfordshire: direction off site ended, pupil returned to the home school
//   DEMO-NO-1  Norfolk: preparing — nearest schools named, waiting for a host's decision
//   DEMO-HF-1  Hammersmith & Fulham "trial managed move" agreed: statute blocks the trial start
#pragma once
#include "engine/workspace.h"

namespace cp {

inline constexpr const char* kDemoToday = "2026-11-20";  // plan the demo on this day

Workspace make_demo_workspace();

}  // namespace cp
