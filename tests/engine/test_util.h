// test_util.h: small builders shared by the engine tests (no filesystem: packs come from the
// embedded asset table so the same tests run under Node).
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

// The local authorities' packs, as the build embedded them from assets/protocols/ (every file
// there but the baseline): a pack added to that folder is picked up by each test that loops here.
inline std::vector<std::string> local_pack_ids() {
    std::vector<std::string> ids;
    for (const auto& id : cp::embedded_pack_ids())
        if (id != cp::kBaselinePackId) ids.push_back(id);
    REQUIRE_MESSAGE(!ids.empty(), "no local packs embedded from assets/protocols/");
    return ids;
}

// Each pack is parsed and resolved once per run (a test gets its own copy): the scenario tests build
// hundreds of cases, and parsing under the sanitizers was most of their time.
inline cp::Pack pack(const char* id) {
    static std::map<std::string, cp::Pack, std::less<>> loaded;
    if (const auto it = loaded.find(std::string_view(id)); it != loaded.end()) return it->second;
    cp::Problems p;
    auto         pk = cp::load_resolved_pack(id, p);
    for (const auto& x : p) MESSAGE(x.to_string());
    REQUIRE(pk);
    return loaded.emplace(id, *pk).first->second;
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
        ws.schools = {{"100000", "Home School", "secondary", "maintained", "", "", "", -1},
                      {"100001", "Host School", "secondary", "academy", "", "", "", -1},
                      {"100002", "Riverside Pupil Referral Unit", "alternative_provision", "pru", "", "", "", -1}};
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
    // A placement agreement with every part filled in (a test erases the part it is about).
    static cp::Json full_agreement(const char* start = "2026-09-14") {
        return {{"date", "2026-09-09"},
                {"start", start},
                {"duration_weeks", 6},
                {"review_every_weeks", 3},
                {"success_criteria", {"Attend every day"}},
                {"host_support", "Mentor"},
                {"home_support", "Weekly visits"},
                {"funding", "AWPU balance"},
                {"transport", "Bus pass"},
                {"alternative_strategy", "Return with support"}};
    }
    // Everything a careful school records before a placement, so that a test can remove one part.
    // A step of the protocol, when the pack has it (a careful school records what its protocol asks).
    void step(const char* id, cp::Json payload) {
        if (!pk.find_step(id)) return;
        payload["step"] = id;
        add(cp::EventType::step_recorded, std::move(payload));
    }
    void prepare(bool with_agreement = true, const char* start = "2026-09-14") {
        using E = cp::EventType;
        add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
        add(E::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", "2026-09-07"}});
        add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "I want a fresh start."}});
        add(E::views_recorded, {{"who", "parent"}, {"date", "2026-09-07"}, {"text", "We support it."}});
        step("gdpr_form_signed", {{"date", "2026-09-07"}});
        if (const auto parts = cp::passport_parts(pk); !parts.empty())  // the first part of its own passport
            add(E::pupil_details, {{"section", parts.front().code}, {"fields", {{"complete", true}}}});
        add(E::history_recorded,
            {{"what", "restorative_practice"}, {"detail", "Restorative meetings"}, {"start", "2026-06-01"}});
        add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-07"}});
        add(E::gate_cleared, {{"gate", "fair_access_team"}, {"date", "2026-09-07"}});
        add(E::panel_presented, {{"date", "2026-09-08"}, {"panel", "Inclusion Panel"}, {"outcome", "host_identified"}});
        step("nearest_schools_listed",
             {{"date", "2026-09-08"},
              {"schools", cp::Json::array({{{"urn", "100001"}, {"moves_in", 1}, {"moves_out", 0}}})}});
        add(E::party_recorded, {{"role", "home_lead"}, {"name", "Ms Home"}});
        add(E::party_recorded, {{"role", "host_lead"}, {"name", "Mr Host"}});
        add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
        add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
        step("visit_held", {{"date", "2026-09-08"}});
        add(E::information_shared,
            {{"date", "2026-09-08"},
             {"items", {"academic", "behaviour", "attendance", "send_safeguarding", "passport"}}});
        add(E::meeting_held, {{"kind", "initial"}, {"date", "2026-09-09"}, {"pupil_engaged", true}});
        add(E::meeting_held, {{"kind", "joint_schools"}, {"date", "2026-09-09"}});
        if (!with_agreement) return;
        add(E::agreement_signed, full_agreement(start));
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
// The same, for a test that goes on to read the deadline or alert: fails at once, naming the rule
// and listing what the plan does have, instead of dereferencing an empty optional.
inline std::string rule_ids_of(const cp::CasePlan& p, bool deadlines) {
    std::string out;
    if (deadlines)
        for (const auto& x : p.deadlines)
            out += (out.empty() ? "" : ", ") + x.rule_id + " (" + cp::to_iso(x.date) + ")";
    else
        for (const auto& x : p.alerts) out += (out.empty() ? "" : ", ") + x.rule_id;
    return out.empty() ? "none" : out;
}
inline cp::Deadline must_deadline(const cp::CasePlan& p, const std::string& rule) {
    const auto x = deadline(p, rule);
    REQUIRE_MESSAGE(x.has_value(), "no deadline from " << rule << "; the plan's deadlines: " << rule_ids_of(p, true));
    return *x;
}
inline cp::Alert must_alert(const cp::CasePlan& p, const std::string& rule) {
    const auto x = alert(p, rule);
    REQUIRE_MESSAGE(x.has_value(), "no alert from " << rule << "; the plan's alerts: " << rule_ids_of(p, false));
    return *x;
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
inline bool action_warned_by(const cp::CasePlan& p, const std::string& action, const std::string& rule) {
    for (const auto& a : p.actions)
        if (a.action == action)
            for (const auto& w : a.warnings)
                if (w.rule_id == rule) return true;
    return false;
}
inline bool action_blocked_by(const cp::CasePlan& p, const std::string& action, const std::string& rule) {
    for (const auto& a : p.actions)
        if (a.action == action)
            for (const auto& b : a.blocked_by)
                if (b.rule_id == rule) return true;
    return false;
}

// A case of `kind` in `pack_id` taken to `stage` the usual way: prepared (today 10 Sep 2026), started
// on Mon 14 Sep for six weeks (today 15 Sep), a review deciding to convert on 5 Oct (decision due),
// ended early on 1 Oct (ending), or an outcome on 23 Oct (transferred, returned, closed).
inline cp::CasePlan plan_at(const char* pack_id, const char* kind, cp::Stage stage) {
    using E = cp::EventType;
    using S = cp::Stage;
    Scenario    sc(pack_id, kind);
    const char* today = "2026-09-08";
    if (stage != S::preparing) {
        sc.prepare();
        today = "2026-09-10";
    }
    if (stage != S::preparing && stage != S::agreeing) {
        sc.start("2026-09-14");
        today = "2026-09-15";
    }
    if (stage == S::decision_due) {
        sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "convert"}});
        today = "2026-10-06";
    } else if (stage == S::ending) {
        sc.add(E::placement_ended, {{"date", "2026-10-01"},
                                    {"reason", "contract_not_met"},
                                    {"return_date", "2026-10-02"},
                                    {"consulted_home_head", true},
                                    {"written_to_parent", true}});
        today = "2026-10-01";
    } else if (stage == S::transferred || stage == S::returned || stage == S::closed) {
        const char* outcome = stage == S::transferred ? "transferred" : stage == S::returned ? "returned" : "withdrawn";
        sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", outcome}});
        today = "2026-10-23";
    }
    cp::CasePlan p = sc.plan(today);
    REQUIRE_MESSAGE(p.stage == stage, pack_id << " " << kind << ": wanted " << cp::stage_name(stage) << ", got "
                                              << cp::stage_name(p.stage));
    return p;
}

// Plans on 10 Sep 2026 of two prepared cases, not yet started: one whose agreement lacks `part`
// (a key of Scenario::full_agreement), and one with the full agreement.
struct AgreementPlans {
    cp::CasePlan without, with;
};
inline AgreementPlans agreement_without(const char* pack_id, const char* kind, const char* part) {
    Scenario lacking(pack_id, kind);
    lacking.prepare(false);
    cp::Json a = Scenario::full_agreement();
    REQUIRE(a.erase(part) == 1);
    lacking.add(cp::EventType::agreement_signed, a);
    Scenario full(pack_id, kind);
    full.prepare();
    return {lacking.plan("2026-09-10"), full.plan("2026-09-10")};
}

// An `info` rule speaks (as an info alert) at exactly the listed stages of a case of `kind`.
inline void check_informs_only_at(const char* pack_id, const char* kind, const std::string& rule,
                                  std::initializer_list<cp::Stage> stages) {
    using S = cp::Stage;
    for (S st : {S::preparing, S::agreeing, S::placement, S::decision_due, S::ending, S::transferred, S::returned,
                 S::closed}) {
        const bool         want = std::find(stages.begin(), stages.end(), st) != stages.end();
        const cp::CasePlan p = plan_at(pack_id, kind, st);
        const auto         a = alert(p, rule);
        CHECK_MESSAGE(a.has_value() == want, rule << (want ? " is not shown" : " is shown") << " at stage "
                                                  << cp::stage_name(st) << " of a " << kind << " in " << pack_id);
        if (a) {
            CHECK(a->level == cp::AlertLevel::info);
            CHECK_FALSE(a->message.empty());
        }
    }
}

}  // namespace cptest
