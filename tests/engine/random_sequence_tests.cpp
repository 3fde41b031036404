// Seeded random event sequences: thousands of bounded cases in every pack. Each proposed event
// is recorded only if check_draft allows it (as the UI would), and after every step the plan
// must hold its invariants. The generator is a small splitmix64 so native and wasm builds walk
// the same sequences (std:: distributions differ between standard libraries).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

namespace {

struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int         below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(next() % n); }  // 0 … n - 1, as below(n)
    bool        chance(int percent) { return below(100) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[index(v.size())];
    }
};

std::string iso(Date d) { return to_iso(d); }

// A plausible draft for one of the event types, dated `today` (sometimes a little off).
EventDraft random_draft(Rng& r, const CaseState& s, Date today) {
    const Date                  when = add_days(today, r.chance(80) ? 0 : r.below(9) - 4);
    const std::string           day = iso(when);
    static const std::vector<E> types = {E::consent_recorded,   E::views_recorded,
                                         E::gate_cleared,       E::step_recorded,
                                         E::pupil_details,      E::panel_presented,
                                         E::host_proposed,      E::host_decision,
                                         E::information_shared, E::meeting_held,
                                         E::agreement_signed,   E::notice_sent,
                                         E::placement_started,  E::attendance_week,
                                         E::review_scheduled,   E::review_invitation_sent,
                                         E::review_requested,   E::review_held,
                                         E::extension_agreed,   E::serious_breach,
                                         E::placement_ended,    E::outcome_recorded,
                                         E::la_notified,        E::party_recorded,
                                         E::history_recorded,   E::note};
    EventDraft                  d{{"Random", "Tester"}, r.pick(types), Json::object(), ""};
    Json&                       p = d.payload;
    switch (d.type) {
        case E::consent_recorded:
            p = {{"who", r.pick(std::vector<std::string>{"parent", "pupil", "admission_authority"})},
                 {"given", true},
                 {"in_writing", r.chance(70)},
                 {"date", day}};
            break;
        case E::views_recorded:
            p = {{"who", r.chance(50) ? "parent" : "pupil"}, {"date", day}, {"text", "views"}};
            break;
        case E::gate_cleared:
            p = {{"gate", r.pick(std::vector<std::string>{"virtual_school", "social_worker", "sen_officer", "send_team",
                                                          "ad_education", "board_decision", "panel_repeat_referral",
                                                          "fair_access_team"})},
                 {"date", day}};
            break;
        case E::step_recorded:
            p = {{"step", r.pick(std::vector<std::string>{"gdpr_form_signed", "visit_held", "progress_check",
                                                          "nearest_schools_listed"})},
                 {"date", day}};
            break;
        case E::pupil_details:  // parts of different protocols' passports: a case's own protocol refuses the rest
            p = {{"section", r.pick(std::vector<std::string>{"student_passport", "1c", "academic"})},
                 {"fields", {{"complete", true}}}};
            break;
        case E::panel_presented: p = {{"date", day}}; break;
        case E::host_proposed: p = {{"urn", "100001"}, {"date", day}}; break;
        case E::host_decision: p = {{"urn", "100001"}, {"accepted", r.chance(85)}, {"date", day}}; break;
        case E::information_shared:
            p = {{"date", day}, {"items", {"academic", "behaviour", "attendance", "send_safeguarding", "passport"}}};
            break;
        case E::meeting_held:
            p = {{"kind", r.pick(std::vector<std::string>{"initial", "joint_schools", "emergency", "strategy"})},
                 {"date", day},
                 {"pupil_engaged", true}};
            break;
        case E::agreement_signed:
            p = {{"date", day},
                 {"start", iso(add_days(today, 3 + r.below(10)))},
                 {"duration_weeks", 1 + r.below(16)},
                 {"review_every_weeks", r.below(6)},
                 {"success_criteria", {"c"}},
                 {"host_support", "h"},
                 {"home_support", "s"},
                 {"funding", "f"},
                 {"transport", "t"},
                 {"alternative_strategy", "a"}};
            if (r.chance(50)) p["justification"] = "j";
            break;
        case E::notice_sent:
            p = {{"date", day}, {"address", "a"}, {"report_to", "b"},
                 {"days", 30},  {"reasons", "r"}, {"session_times", "t"}};
            break;
        case E::placement_started: p = {{"date", s.agreement && r.chance(70) ? iso(s.agreement->start) : day}}; break;
        case E::attendance_week: {
            std::string codes;
            for (int i = 0; i < 10; ++i) codes += "/////\\LINO"[r.below(10)];
            p = {{"week_start", iso(add_days(today, -weekday_of(today)))}, {"sessions", codes}};
            break;
        }
        case E::review_scheduled: p = {{"date", iso(add_days(today, r.below(20)))}}; break;
        case E::review_invitation_sent:
            p = {{"review_date", s.scheduled_reviews.empty() ? day : iso(s.scheduled_reviews.back())}, {"date", day}};
            break;
        case E::review_requested: p = {{"date", day}, {"by", "parent"}, {"in_writing", r.chance(60)}}; break;
        case E::review_held:
            p = {{"date", day},
                 {"outcome", r.pick(std::vector<std::string>{"continue", "continue", "extend", "end_early", "return",
                                                             "convert"})}};
            if (p["outcome"] == "extend") p["extend_weeks"] = 1 + r.below(6);
            if (r.chance(50)) p["next_review"] = iso(add_days(today, 7 + r.below(21)));
            break;
        case E::extension_agreed:
            p = {{"date", day}, {"weeks", 1 + r.below(7)}, {"reason", r.chance(30) ? "illness" : "monitor_behaviour"}};
            if (r.chance(50)) p["evidence"] = "GP letter";
            break;
        case E::serious_breach: p = {{"date", day}, {"category", "assault"}, {"suspended", r.chance(50)}}; break;
        case E::placement_ended:
            p = {{"date", day}, {"reason", r.chance(30) ? "serious_breach" : "contract_not_met"}};
            if (r.chance(70))
                p.update({{"return_date", iso(add_days(today, 1))},
                          {"consulted_home_head", true},
                          {"written_to_parent", true}});
            break;
        case E::outcome_recorded:
            p = {{"date", day},
                 {"outcome",
                  r.pick(std::vector<std::string>{"transferred", "returned", "alternative_provision", "withdrawn"})}};
            break;
        case E::la_notified:
            p = {{"what", r.pick(std::vector<std::string>{"intention", "start", "outcome", "arrangements"})},
                 {"date", day}};
            break;
        case E::party_recorded: p = {{"role", r.chance(50) ? "home_lead" : "host_lead"}, {"name", "N"}}; break;
        case E::history_recorded: p = {{"what", "restorative_practice"}, {"detail", "d"}}; break;
        default: p = {{"text", "note"}}; break;
    }
    return d;
}

// Things no pack allows, checked on the log itself (not through the plan that allowed them).
void check_log_against_pack(const CaseState& s, const Pack& pack, const SchoolCalendar& cal, const std::string& where) {
    if (s.started && s.kind == CaseKind::managed_move)
        CHECK_MESSAGE(*s.started < d("2026-07-26"), where << ": trial managed move started");
    if (s.started && s.kind != CaseKind::managed_move && s.kind != CaseKind::reintegration) {
        REQUIRE_MESSAGE(s.notice, where << ": direction started without notice");
        CHECK_MESSAGE(s.notice->date <= cal.add_school_days(*s.started, -2), where << ": notice late");
    }
    for (const Rule& r : pack.rules) {
        if (r.kind == RuleKind::duration && s.agreement && r.severity == Severity::blocks) {
            const int cap = r.params.value("max", 0) + r.params.value("extension_weeks", 0);
            CHECK_MESSAGE(s.agreement->duration_weeks + s.extension_weeks() <= cap, where << ": " << r.id);
        }
        if (r.kind == RuleKind::termination_lock && s.ended && s.started && s.ended->reason != "serious_breach") {
            const bool breach = std::any_of(s.breaches.begin(), s.breaches.end(),
                                            [&](const Breach& b) { return b.date <= s.ended->date; });
            if (!breach)
                CHECK_MESSAGE(s.ended->date >= add_days(*s.started, 28), where << ": ended inside the 4-week lock");
        }
        if (r.kind == RuleKind::gate && r.when == "ehcp" && s.flags.ehcp && r.params.value("requires", "") == "never" &&
            r.params.value("action", "") == "propose_host")
            CHECK_MESSAGE(s.proposals.empty(), where << ": " << r.id);
    }
}

void check_plan(const CasePlan& p, Date today, const std::string& where) {
    for (const auto& dl : p.deadlines) {
        if (dl.status == DeadlineStatus::overdue)
            CHECK_MESSAGE(dl.date < today, where << ": overdue in the future: " << dl.rule_id);
        if (dl.status == DeadlineStatus::met)
            CHECK_MESSAGE(dl.done_on.has_value(), where);
        else
            CHECK_MESSAGE(!dl.done_on.has_value(), where);
    }
    // Warning gates may be passed (the user was warned); a blocking one never.
    for (const auto& a : p.alerts)
        if (a.level == AlertLevel::blocking)
            CHECK_MESSAGE(a.message.find("Already done") == std::string::npos, where << ": " << a.message);
    for (const auto& a : p.actions) CHECK(a.allowed == a.blocked_by.empty());
}

}  // namespace

TEST_CASE("random/thousands-of-bounded-sequences-keep-the-invariants") {
    const std::vector<std::string> packs = local_pack_ids();
    const std::vector<const char*> kinds = {"off_site_direction", "managed_move", "osd_to_managed_move",
                                            "reintegration"};
    std::vector<Pack>              loaded;
    for (const std::string& id : packs) loaded.push_back(pack(id.c_str()));
    const SchoolCalendar cal = test_calendar();
    int                  recorded = 0, refused = 0, sequences = 0;
    for (uint64_t seed = 1; seed <= 2000; ++seed) {
        Rng               r{seed};
        const std::size_t which = r.index(packs.size());
        const Pack&       pk = loaded[which];
        LogBuilder        log("R-" + std::to_string(seed));
        Date              today = d("2026-09-01");
        log.add(
            E::case_opened,
            {{"date", iso(today)}, {"kind", r.pick(kinds)}, {"pack", packs[which]}, {"pupil_name", "Random Pupil"}});
        if (r.chance(25)) log.add(E::flags_recorded, {{"ehcp", r.chance(50)}, {"cla", r.chance(50)}});
        const int steps = 10 + r.below(30);
        for (int step = 0; step < steps; ++step) {
            today = add_days(today, r.below(4));
            const CaseState   s = replay(log.c);
            const std::string where = "seed " + std::to_string(seed) + " step " + std::to_string(step);
            const CasePlan    plan = plan_case({s, pk, cal, today, nullptr});
            check_plan(plan, today, where);
            const EventDraft   draft = random_draft(r, s, today);
            const DraftVerdict v = check_draft({s, pk, cal, today, nullptr}, draft);
            // An action the plan does not offer at this stage is never recorded.
            const bool offered = std::any_of(plan.actions.begin(), plan.actions.end(),
                                             [&](const ActionState& a) { return a.action == v.action; });
            if (!offered) CHECK_MESSAGE(!v.allowed, where << ": " << v.action << " recorded outside its stage");
            if (!v.allowed) {
                ++refused;
                continue;
            }
            Problems problems;
            if (!append_event(log.c, draft, "e" + std::to_string(log.n + 1), log.next_at(), &problems)) {
                for (const auto& p : problems) MESSAGE(where << ": " << p.to_string());
                FAIL("an allowed draft failed to append");
            }
            ++log.n;
            ++recorded;
            check_log_against_pack(replay(log.c), pk, cal, where);
        }
        Problems integrity;
        verify_case(log.c, "", "", integrity);
        CHECK(integrity.empty());
        ++sequences;
    }
    MESSAGE(sequences << " sequences, " << recorded << " events recorded, " << refused << " refused");
    CHECK(recorded > 5000);
    CHECK(refused > 1000);
}
