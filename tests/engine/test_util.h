// test_util.h: small builders shared by the engine tests (no filesystem: packs come from the
// embedded asset table so the same tests run under Node).
#pragma once
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "engine/case_log.h"
#include "engine/date.h"

namespace cptest {

inline cp::Date d(const char* iso) { return *cp::parse_iso_date(iso); }

// Appends events with ids e1, e2 … and one timestamp per event (a minute apart), so the log
// order is the order of the calls.
struct LogBuilder {
    cp::Case c;
    int      n = 0;
    explicit LogBuilder(std::string id = "C-1") { c.id = std::move(id); }

    std::string next_at() const {  // one minute per event from 2026-01-01T00:00Z
        char buf[32];
        std::snprintf(buf, sizeof buf, "2026-01-%02dT%02d:%02d:00Z", n / 1440 + 1, (n / 60) % 24, n % 60);
        return buf;
    }
    std::string add(cp::EventType t, cp::Json payload, std::string supersedes = "") {
        cp::EventDraft    draft{{"Ms Test", "Deputy Headteacher"}, t, std::move(payload), std::move(supersedes)};
        const std::string id = "e" + std::to_string(++n);
        cp::Problems      problems;
        const bool        ok = cp::append_event(c, draft, id, next_at(), &problems);
        for (const auto& p : problems) MESSAGE(p.to_string());
        REQUIRE(ok);
        return id;
    }
};

}  // namespace cptest

#include "engine/calendar.h"
#include "engine/pack.h"
#include "engine/plan.h"
#include "engine/workspace.h"

namespace cptest {

// A typical English 2025/26 + 2026/27 calendar built in the test (no assets needed): autumn
// half-term 26-30 Oct 2026, INSET on 1 Sep 2026, Christmas 21 Dec - 1 Jan, spring half-term
// 15-19 Feb 2027, Easter holiday 29 Mar - 9 Apr 2027, bank holiday 3 May 2027.
inline cp::SchoolCalendar test_calendar() {
    cp::SchoolCalendar c;
    c.id = "test";
    c.name = "Test calendar";
    c.terms = {
        {"Autumn 2025", d("2025-09-03"), d("2025-12-19"), ""}, {"Spring 2026", d("2026-01-05"), d("2026-03-27"), ""},
        {"Summer 2026", d("2026-04-13"), d("2026-07-22"), ""}, {"Autumn 2026", d("2026-09-01"), d("2026-12-18"), ""},
        {"Spring 2027", d("2027-01-04"), d("2027-03-26"), ""}, {"Summer 2027", d("2027-04-12"), d("2027-07-21"), ""}};
    using cp::RangeKind;
    c.closures = {{d("2025-10-27"), d("2025-10-31"), "Half term", RangeKind::half_term, false},
                  {d("2026-02-16"), d("2026-02-20"), "Half term", RangeKind::half_term, false},
                  {d("2026-05-04"), d("2026-05-04"), "Bank holiday: Early May", RangeKind::bank_holiday, false},
                  {d("2026-05-25"), d("2026-05-29"), "Half term", RangeKind::half_term, false},
                  {d("2026-09-01"), d("2026-09-01"), "INSET day", RangeKind::inset, false},
                  {d("2026-10-26"), d("2026-10-30"), "Half term", RangeKind::half_term, false},
                  {d("2027-02-15"), d("2027-02-19"), "Half term", RangeKind::half_term, false},
                  {d("2027-05-03"), d("2027-05-03"), "Bank holiday: Early May", RangeKind::bank_holiday, false},
                  {d("2027-05-31"), d("2027-06-04"), "Half term", RangeKind::half_term, false}};
    return c;
}

inline cp::Pack pack(const char* id) {
    cp::Problems p;
    auto         pk = cp::load_resolved_pack(id, p);
    for (const auto& x : p) MESSAGE(x.to_string());
    REQUIRE(pk);
    return *pk;
}

// One case in one pack, built event by event, planned for any day.
struct Scenario {
    LogBuilder         log;
    cp::Pack           pk;
    cp::SchoolCalendar cal = test_calendar();
    cp::Workspace      ws;

    Scenario(const char* pack_id, const char* kind, cp::Json extra = cp::Json::object()) : pk(pack(pack_id)) {
        cp::Json p = {{"date", "2026-09-07"},       {"kind", kind},         {"pack", pack_id},
                      {"pupil_name", "Test Pupil"}, {"home_urn", "100000"}, {"upn", "A123456789012"}};
        p.update(extra);
        log.add(cp::EventType::case_opened, p);
        ws.own = {"Home School", "100000", pack_id, "home_school"};
        ws.schools = {{"100000", "Home School", "secondary", "maintained", "", "", -1},
                      {"100001", "Host School", "secondary", "academy", "", "", -1},
                      {"100002", "Riverside Pupil Referral Unit", "alternative_provision", "pru", "", "", -1}};
    }
    std::string add(cp::EventType t, cp::Json payload, std::string supersedes = "") {
        return log.add(t, std::move(payload), std::move(supersedes));
    }
    cp::CaseState state() const { return cp::replay(log.c); }
    cp::CasePlan  plan(const char* today) {
         ws.cases = {log.c};
         const cp::CaseState s = state();
         return cp::plan_case({s, pk, cal, d(today), &ws});
    }
    cp::DraftVerdict check(cp::EventType t, cp::Json payload, const char* today) {
        ws.cases = {log.c};
        const cp::CaseState s = state();
        return cp::check_draft({s, pk, cal, d(today), &ws}, {{"Tester", "DHT"}, t, std::move(payload), ""});
    }
    // Everything a careful school records before a placement, so that a test can remove one part.
    void prepare(bool with_agreement = true, const char* start = "2026-09-14") {
        using E = cp::EventType;
        add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
        add(E::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", "2026-09-07"}});
        add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "I want a fresh start."}});
        add(E::views_recorded, {{"who", "parent"}, {"date", "2026-09-07"}, {"text", "We support it."}});
        add(E::gdpr_form_signed, {{"date", "2026-09-07"}});
        add(E::pupil_details, {{"section", "student_passport"}, {"fields", {{"complete", true}}}});
        add(E::history_recorded,
            {{"what", "restorative_practice"}, {"detail", "Restorative meetings"}, {"start", "2026-06-01"}});
        add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-07"}});
        add(E::gate_cleared, {{"gate", "fair_access_team"}, {"date", "2026-09-07"}});
        add(E::panel_presented, {{"date", "2026-09-08"}, {"panel", "Inclusion Panel"}, {"outcome", "host_identified"}});
        add(E::nearest_schools_listed,
            {{"date", "2026-09-08"},
             {"schools", cp::Json::array({{{"urn", "100001"}, {"moves_in", 1}, {"moves_out", 0}}})}});
        add(E::party_recorded, {{"role", "home_lead"}, {"name", "Ms Home"}});
        add(E::party_recorded, {{"role", "host_lead"}, {"name", "Mr Host"}});
        add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
        add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
        add(E::visit_held, {{"date", "2026-09-08"}});
        add(E::information_shared,
            {{"date", "2026-09-08"},
             {"items", {"academic", "behaviour", "attendance", "send_safeguarding", "passport"}}});
        add(E::meeting_held, {{"kind", "initial"}, {"date", "2026-09-09"}, {"pupil_engaged", true}});
        add(E::meeting_held, {{"kind", "joint_schools"}, {"date", "2026-09-09"}});
        if (!with_agreement) return;
        add(E::agreement_signed, {{"date", "2026-09-09"},
                                  {"start", start},
                                  {"duration_weeks", 6},
                                  {"review_every_weeks", 3},
                                  {"success_criteria", {"Attend every day"}},
                                  {"host_support", "Mentor"},
                                  {"home_support", "Weekly visits"},
                                  {"funding", "AWPU balance"},
                                  {"transport", "Bus pass"},
                                  {"alternative_strategy", "Return with support"}});
        add(E::notice_sent, {{"date", "2026-09-09"},
                             {"address", "1 High St"},
                             {"report_to", "Mr Host"},
                             {"days", 30},
                             {"reasons", "Behaviour"},
                             {"session_times", "08:40-15:10"}});
    }
    void start(const char* date = "2026-09-14") { add(cp::EventType::placement_started, {{"date", date}}); }
};

// Copies, so that a plan returned by value may be a temporary in the caller.
inline std::optional<cp::Deadline> deadline(const cp::CasePlan& p, const std::string& rule) {
    for (const auto& x : p.deadlines)
        if (x.rule_id == rule) return x;
    return std::nullopt;
}
inline std::optional<cp::Alert> alert(const cp::CasePlan& p, const std::string& rule) {
    for (const auto& x : p.alerts)
        if (x.rule_id == rule) return x;
    return std::nullopt;
}
inline bool blocked_by(const cp::DraftVerdict& v, const std::string& rule) {
    for (const auto& x : v.blocking)
        if (x.rule_id == rule) return true;
    return false;
}
inline bool warned_by(const cp::DraftVerdict& v, const std::string& rule) {
    for (const auto& x : v.warnings)
        if (x.rule_id == rule) return true;
    return false;
}
inline bool action_blocked_by(const cp::CasePlan& p, const std::string& action, const std::string& rule) {
    for (const auto& a : p.actions)
        if (a.action == action)
            for (const auto& b : a.blocked_by)
                if (b.rule_id == rule) return true;
    return false;
}

}  // namespace cptest
