// report.h: the panel report — what each school proposed, received and how placements ended,
// per school and per term (the data the protocols ask their panels to keep: each pack's readings
// cite the paragraph), and its CSV export.
//
// Counting rules (also in docs/cli.md)
//   proposed        cases opened in the term, counted for the home school
//   started         placements that began in the term, counted for the home school
//   received        placements that began in the term, counted for the host school
//   successful /    outcomes recorded in the term, counted for both schools: successful when the
//   unsuccessful    outcome says so, otherwise a transfer is a success and anything else is not
//   ended_early     placements ended before their planned end in the term (both schools)
//   transferred … withdrawn   outcomes in the term by kind (both schools)
//   total           each pupil once per column: a case counted for its home and its host school
//                   is one pupil in the total (summing the rows would count it twice)
//   Term: the calendar's term holding the date; in a holiday, the academic term by month
//   (Sep-Dec autumn, Jan-Mar spring, Apr-Aug summer).
//   The screen, the printout and the CSV show the same columns in the same order (report_columns).
#pragma once
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/case_state.h"

namespace cp {

struct Workspace;

struct ReportRow {
    std::string term;    // "Autumn 2026"
    std::string urn;     // school URN ("" when the case names none)
    std::string school;  // name from the directory ("" when unknown)
    int         proposed = 0, started = 0, received = 0, successful = 0, unsuccessful = 0, ended_early = 0;
    int         transferred = 0, returned = 0, alternative_provision = 0, permanent_exclusion = 0, withdrawn = 0;
};

struct PanelReport {
    Date                   from{}, to{};  // inclusive range the report covers
    std::vector<ReportRow> rows;          // sorted by term start, then school name, then URN
    ReportRow              total;         // each pupil once per column (see above); term "Total"
};

// A count column: its heading as a person reads it, and the row's count.
struct ReportColumn {
    const char* heading;  // "Ended early"
    int ReportRow::*count;
};
const std::vector<ReportColumn>& report_columns();  // after Term, School and URN

std::string term_label(const SchoolCalendar& cal, Date d);  // "Autumn 2026"

// `states` are the replayed cases of `ws` (same order); passing them avoids replaying twice.
PanelReport panel_report(const Workspace& ws, const std::vector<CaseState>& states, const SchoolCalendar& cal,
                         Date from, Date to);
std::string report_to_csv(const PanelReport& r);

}  // namespace cp
