// views.h: the case tabs added beside Plan/Documents/People/History — Pupil passport
// (passport_view.cpp), Timeline (timeline_view.cpp, marks from timeline_marks.cpp) and Reviews
// and meetings (reviews_view.cpp) — and what test mode publishes about them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/documents.h"
#include "engine/engine.h"

namespace cp::app {

void passport_tab(const std::string& case_id, const CaseState& s);
void timeline_tab(const CasePlan& p, const CaseState& s);
void reviews_tab(const CaseState& s);
void passport_dialog(const std::string& case_id);  // the section editor (a modal), drawn every frame

// One mark on the timeline, made from the plan and the case state.
struct TimelineMark {
    std::string
         kind;  // placement, week, review, scheduled_review, meeting, deadline, opened, started, breach, ended, outcome
    Date date{};
    std::optional<Date> until;   // placement: last day
    std::string         label;   // "Week 3", "Review (continue)", the deadline's wording
    std::string         status;  // deadlines: upcoming, due, overdue, met
    std::string         detail;  // shown on hover
};
struct TimelineRange {
    Date first{}, last{};
};

std::vector<TimelineMark> timeline_marks(const CasePlan& p, const CaseState& s, Date today);
TimelineRange             timeline_range(const std::vector<TimelineMark>& marks, Date today);

// Passport completeness per part of the case's passport form (its pack's, or the baseline's), from the engine's
// document.
struct PassportSection {
    std::string           code, heading;
    int                   filled = 0, total = 0;
    std::vector<DocField> fields;
};
std::vector<PassportSection> passport_sections(const CaseState& s);

Json case_view_test_state();  // test mode: the open case's timeline, passport completeness and reviews

}  // namespace cp::app
