// random_events.h: the seeded generator of plausible drafts the random-sequence tests walk with
// (a small splitmix64, so native and wasm builds walk the same sequences: std:: distributions
// differ between standard libraries).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "test_util.h"

namespace cptest {

using namespace cp;
using E = cp::EventType;

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

inline std::string iso(Date d) { return cp::to_iso(d); }

// A plausible draft for one of the event types, dated `today` (sometimes a little off).
inline EventDraft random_draft(Rng& r, const CaseState& s, Date today) {
    const Date                  when = add_days(today, r.chance(80) ? 0 : r.below(9) - 4);
    const std::string           day = iso(when);
    static const std::vector<E> types = {E::consent_recorded,       E::views_recorded,   E::gate_cleared,
                                         E::step_recorded,          E::pupil_details,    E::panel_presented,
                                         E::host_proposed,          E::host_decision,    E::information_shared,
                                         E::meeting_held,           E::agreement_signed, E::notice_sent,
                                         E::placement_started,      E::attendance_week,  E::review_scheduled,
                                         E::review_invitation_sent, E::review_requested, E::review_held,
                                         E::extension_agreed,       E::serious_breach,   E::placement_ended,
                                         E::outcome_recorded,       E::la_notified,      E::party_recorded,
                                         E::history_recorded,       E::flags_recorded,   E::note};
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
        case E::flags_recorded: p = {{r.chance(50) ? "ehcp" : "cla", r.chance(70)}}; break;
        default: p = {{"text", "note"}}; break;
    }
    return d;
}

}  // namespace cptest
