// bench_cases.h: the generated cases the benchmarks share (engine_bench, and seed_workspace, which
// stores them as sealed records for the browser benchmark), so every figure is about the same data.
// One full case has 60 realistic events: opened, people, history, consents, host, agreement,
// notice, start, 21 weeks of attendance, reviews with invitations, progress check, LA
// notification, a note and the outcome. `limit` keeps only the first events, which leaves the
// case at an earlier stage (the events are in the order a real case records them).
#pragma once
#include <climits>
#include <cstdio>
#include <string>

#include "engine/engine.h"

namespace cp::bench {

inline const char* kPacks[] = {"oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"};

inline Case make_case(int i, int limit = INT_MAX) {
    Case c;
    c.id = "B-" + std::to_string(i);
    const Date base = add_days(*parse_iso_date("2025-09-08"), (i * 7) % 280);
    int        n = 0;
    const auto add = [&](int day, EventType t, Json p) {
        if (n >= limit) return;
        const std::string d = to_iso(add_days(base, day));
        char              at[40];
        std::snprintf(at, sizeof at, "%sT15:%02d:%02dZ", d.c_str(), (n / 60) % 60, n % 60);
        ++n;
        append_event(c, {{"Ms Bench Author", "Deputy Headteacher"}, t, std::move(p), ""},
                     "100000-" + std::to_string(i) + "-" + std::to_string(n), at);
    };
    const auto  day = [&](int k) { return to_iso(add_days(base, k)); };
    const char* pack = kPacks[i % 5];
    add(0, EventType::case_opened,
        {{"date", day(0)},
         {"kind", "osd_to_managed_move"},
         {"pack", pack},
         {"pupil_name", "Pupil " + std::to_string(i)},
         {"dob", "2012-01-01"},
         {"upn", "B" + std::to_string(100000000 + i)},
         {"year_group", 9},
         {"home_urn", "100000"}});
    add(0, EventType::flags_recorded,
        {{"pupil_premium", i % 3 == 0}, {"fsm", i % 4 == 0}, {"sen_support", i % 5 == 0}});
    add(0, EventType::party_recorded,
        {{"role", "parent"}, {"name", "Parent " + std::to_string(i)}, {"parental_responsibility", true}});
    add(0, EventType::party_recorded, {{"role", "home_lead"}, {"name", "Ms Home"}});
    add(0, EventType::party_recorded, {{"role", "host_lead"}, {"name", "Mr Host"}});
    add(0, EventType::history_recorded,
        {{"what", "intervention"}, {"detail", "Pastoral Support Plan"}, {"start", "2025-01-06"}});
    add(0, EventType::history_recorded,
        {{"what", "suspension"}, {"detail", "Disruption"}, {"start", "2025-03-03"}, {"days", 2}});
    add(0, EventType::history_recorded, {{"what", "restorative_practice"}, {"detail", "Restorative meetings"}});
    add(1, EventType::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", day(1)}});
    add(1, EventType::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", day(1)}});
    add(1, EventType::views_recorded, {{"who", "pupil"}, {"date", day(1)}, {"text", "I would like a fresh start."}});
    add(1, EventType::views_recorded, {{"who", "parent"}, {"date", day(1)}, {"text", "We agree."}});
    add(1, EventType::step_recorded, {{"step", "gdpr_form_signed"}, {"date", day(1)}});
    add(2, EventType::gate_cleared, {{"gate", "board_decision"}, {"date", day(2)}});
    add(2, EventType::gate_cleared, {{"gate", "fair_access_team"}, {"date", day(2)}});
    add(2, EventType::pupil_details, {{"section", "student_passport"}, {"fields", {{"complete", true}}}});
    add(2, EventType::panel_presented, {{"date", day(2)}, {"panel", "Inclusion Panel"}});
    add(2, EventType::step_recorded,
        {{"step", "nearest_schools_listed"},
         {"date", day(2)},
         {"schools", Json::array({{{"urn", "100001"}, {"moves_in", 1}}})}});
    add(3, EventType::host_proposed, {{"urn", std::to_string(100001 + i % 40)}, {"date", day(3)}});
    add(4, EventType::host_decision, {{"urn", std::to_string(100001 + i % 40)}, {"accepted", true}, {"date", day(4)}});
    add(4, EventType::step_recorded, {{"step", "visit_held"}, {"date", day(4)}});
    add(4, EventType::information_shared,
        {{"date", day(4)}, {"items", {"academic", "behaviour", "attendance", "send_safeguarding", "passport"}}});
    add(5, EventType::meeting_held, {{"kind", "initial"}, {"date", day(5)}, {"pupil_engaged", true}});
    add(5, EventType::agreement_signed,
        {{"date", day(5)},
         {"start", day(14)},
         {"duration_weeks", 6},
         {"review_every_weeks", 3},
         {"success_criteria", {"Attend", "Engage"}},
         {"host_support", "Mentor"},
         {"home_support", "Visits"},
         {"funding", "AWPU"},
         {"transport", "Bus"},
         {"alternative_strategy", "Return"}});
    add(6, EventType::notice_sent,
        {{"date", day(6)},
         {"address", "1 Road"},
         {"report_to", "Mr Host"},
         {"days", 30},
         {"reasons", "Behaviour"},
         {"session_times", "08:40-15:10"}});
    add(14, EventType::placement_started, {{"date", day(14)}});
    add(14, EventType::la_notified, {{"what", "start"}, {"date", day(14)}});
    for (int w = 0; w < 21; ++w)
        add(21 + 7 * w, EventType::attendance_week,
            {{"week_start", day(14 + 7 * w)}, {"sessions", w % 7 == 3 ? "////////IN" : "//////////"}});
    for (int r = 0; r < 3; ++r) {
        add(28 + 21 * r, EventType::review_scheduled, {{"date", day(35 + 21 * r)}});
        add(28 + 21 * r, EventType::review_invitation_sent,
            {{"review_date", day(35 + 21 * r)}, {"date", day(28 + 21 * r)}});
        add(35 + 21 * r, EventType::review_held,
            {{"date", day(35 + 21 * r)},
             {"outcome", r < 2 ? "continue" : "extend"},
             {"extend_weeks", r < 2 ? 0 : 4},
             {"progress", "Steady progress"},
             {"pupil_views", "Going well"}});
    }
    add(40, EventType::step_recorded, {{"step", "progress_check"}, {"date", day(40)}});
    add(180, EventType::note, {{"text", "Final decision meeting held"}});
    add(181, EventType::outcome_recorded,
        {{"date", day(181)}, {"outcome", i % 3 ? "transferred" : "returned"}, {"successful", i % 3 != 0}});
    return c;
}

}  // namespace cp::bench
