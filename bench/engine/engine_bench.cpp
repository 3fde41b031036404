// engine_bench: a workspace of 10,000 cases with 60 realistic events each, timed through the
// three things the app does with it: load (parse + verify every hash + fold every case), plan
// every case, and build a year's panel report. Median of several runs with min and max, as a
// table and as one JSON line. This is a benchmark, not a test: it asserts nothing.
//
//   engine_bench [cases] [runs] [out.json] [--portable-sha256]
//                defaults 10000 and 5; out.json keeps the workspace; --portable-sha256 does not use
//                the CPU's SHA instructions (as WebAssembly cannot)
//   node --no-experimental-fetch build/wasm/engine_bench.js [cases] [runs]   the same, as WebAssembly
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/report.h"
#include "engine/sha256.h"

using namespace cp;
using Clock = std::chrono::steady_clock;

namespace {

const char* kPacks[] = {"oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"};

// One case: opened, people, history, consents, host, agreement, notice, start, 30 weeks of
// attendance, reviews with invitations, progress checks, LA notifications, notes, outcome.
Case make_case(int i) {
    Case c;
    c.id = "B-" + std::to_string(i);
    const Date base = add_days(*parse_iso_date("2025-09-08"), (i * 7) % 280);
    int n = 0;
    const auto add = [&](int day, EventType t, Json p) {
        const std::string d = to_iso(add_days(base, day));
        char at[40];
        std::snprintf(at, sizeof at, "%sT15:%02d:%02dZ", d.c_str(), (n / 60) % 60, n % 60);
        ++n;
        append_event(c, {{"Ms Bench Author", "Deputy Headteacher"}, t, std::move(p), ""}, "100000-" + std::to_string(i) + "-" + std::to_string(n), at);
    };
    const auto day = [&](int k) { return to_iso(add_days(base, k)); };
    const char* pack = kPacks[i % 5];
    add(0, EventType::case_opened, {{"date", day(0)}, {"kind", "osd_to_managed_move"}, {"pack", pack}, {"pupil_name", "Pupil " + std::to_string(i)},
                                    {"dob", "2012-01-01"}, {"upn", "B" + std::to_string(100000000 + i)}, {"year_group", 9}, {"home_urn", "100000"}});
    add(0, EventType::flags_recorded, {{"pupil_premium", i % 3 == 0}, {"fsm", i % 4 == 0}, {"sen_support", i % 5 == 0}});
    add(0, EventType::party_recorded, {{"role", "parent"}, {"name", "Parent " + std::to_string(i)}, {"parental_responsibility", true}});
    add(0, EventType::party_recorded, {{"role", "home_lead"}, {"name", "Ms Home"}});
    add(0, EventType::party_recorded, {{"role", "host_lead"}, {"name", "Mr Host"}});
    add(0, EventType::history_recorded, {{"what", "intervention"}, {"detail", "Pastoral Support Plan"}, {"start", "2025-01-06"}});
    add(0, EventType::history_recorded, {{"what", "suspension"}, {"detail", "Disruption"}, {"start", "2025-03-03"}, {"days", 2}});
    add(0, EventType::history_recorded, {{"what", "restorative_practice"}, {"detail", "Restorative meetings"}});
    add(1, EventType::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", day(1)}});
    add(1, EventType::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", day(1)}});
    add(1, EventType::views_recorded, {{"who", "pupil"}, {"date", day(1)}, {"text", "I would like a fresh start."}});
    add(1, EventType::views_recorded, {{"who", "parent"}, {"date", day(1)}, {"text", "We agree."}});
    add(1, EventType::gdpr_form_signed, {{"date", day(1)}});
    add(2, EventType::gate_cleared, {{"gate", "board_decision"}, {"date", day(2)}});
    add(2, EventType::gate_cleared, {{"gate", "fair_access_team"}, {"date", day(2)}});
    add(2, EventType::pupil_details, {{"section", "student_passport"}, {"fields", {{"complete", true}}}});
    add(2, EventType::panel_presented, {{"date", day(2)}, {"panel", "Inclusion Panel"}});
    add(2, EventType::nearest_schools_listed, {{"date", day(2)}, {"schools", Json::array({{{"urn", "100001"}, {"moves_in", 1}}})}});
    add(3, EventType::host_proposed, {{"urn", std::to_string(100001 + i % 40)}, {"date", day(3)}});
    add(4, EventType::host_decision, {{"urn", std::to_string(100001 + i % 40)}, {"accepted", true}, {"date", day(4)}});
    add(4, EventType::visit_held, {{"date", day(4)}});
    add(4, EventType::information_shared, {{"date", day(4)}, {"items", {"academic", "behaviour", "attendance", "send_safeguarding", "passport"}}});
    add(5, EventType::meeting_held, {{"kind", "initial"}, {"date", day(5)}, {"pupil_engaged", true}});
    add(5, EventType::agreement_signed, {{"date", day(5)}, {"start", day(14)}, {"duration_weeks", 6}, {"review_every_weeks", 3},
                                         {"success_criteria", {"Attend", "Engage"}}, {"host_support", "Mentor"}, {"home_support", "Visits"},
                                         {"funding", "AWPU"}, {"transport", "Bus"}, {"alternative_strategy", "Return"}});
    add(6, EventType::notice_sent, {{"date", day(6)}, {"address", "1 Road"}, {"report_to", "Mr Host"}, {"days", 30}, {"reasons", "Behaviour"}, {"session_times", "08:40-15:10"}});
    add(14, EventType::placement_started, {{"date", day(14)}});
    add(14, EventType::la_notified, {{"what", "start"}, {"date", day(14)}});
    for (int w = 0; w < 21; ++w)
        add(21 + 7 * w, EventType::attendance_week, {{"week_start", day(14 + 7 * w)}, {"sessions", w % 7 == 3 ? "////////IN" : "//////////"}});
    for (int r = 0; r < 3; ++r) {
        add(28 + 21 * r, EventType::review_scheduled, {{"date", day(35 + 21 * r)}});
        add(28 + 21 * r, EventType::review_invitation_sent, {{"review_date", day(35 + 21 * r)}, {"date", day(28 + 21 * r)}});
        add(35 + 21 * r, EventType::review_held, {{"date", day(35 + 21 * r)}, {"outcome", r < 2 ? "continue" : "extend"}, {"extend_weeks", r < 2 ? 0 : 4},
                                                  {"progress", "Steady progress"}, {"pupil_views", "Going well"}});
    }
    add(40, EventType::progress_check, {{"date", day(40)}});
    add(180, EventType::note, {{"text", "Final decision meeting held"}});
    add(181, EventType::outcome_recorded, {{"date", day(181)}, {"outcome", i % 3 ? "transferred" : "returned"}, {"successful", i % 3 != 0}});
    return c;
}

struct Timing { double min = 1e99, max = 0, median = 0; std::vector<double> runs; };

void finish(Timing& t) {
    std::sort(t.runs.begin(), t.runs.end());
    t.min = t.runs.front();
    t.max = t.runs.back();
    t.median = t.runs[t.runs.size() / 2];
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // Natively, this gives the hashing the WebAssembly build does, for a like-for-like comparison.
    if (const auto it = std::find(args.begin(), args.end(), "--portable-sha256"); it != args.end()) {
        sha256_allow_hardware(false);
        args.erase(it);
    }
    const int cases = args.size() > 0 ? std::atoi(args[0].c_str()) : 10000;
    const int runs = args.size() > 1 ? std::atoi(args[1].c_str()) : 5;
    Problems problems;
    PackLibrary packs;
    packs.load_embedded(problems);
    Workspace ws;
    ws.own = {"Bench School", "100000", "norfolk", "home_school"};
    for (int s = 0; s < 41; ++s) ws.schools.push_back({std::to_string(100000 + s), "School " + std::to_string(s), "secondary", "academy", "", "", -1});
    for (int i = 0; i < cases; ++i) ws.cases.push_back(make_case(i));
    std::size_t events = 0;
    for (const Case& c : ws.cases) events += c.events.size();
    const std::string text = workspace_to_json(ws, false);
    if (args.size() > 2)
        if (FILE* f = std::fopen(args[2].c_str(), "wb")) {
            std::fwrite(text.data(), 1, text.size(), f);
            std::fclose(f);
        }
    const SchoolCalendar cal = workspace_calendar(ws, problems);
    const Date today = *parse_iso_date("2026-03-02");

    Timing load, plan, report;
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        Problems p, integrity;
        auto loaded = load_workspace(text, "bench.json", p, integrity);
        std::vector<CaseState> states;
        states.reserve(loaded->cases.size());
        for (const Case& c : loaded->cases) states.push_back(replay(c));
        load.runs.push_back(ms_since(t0));
        if (!p.empty() || !integrity.empty()) std::fprintf(stderr, "unexpected problems: %zu %zu\n", p.size(), integrity.size());

        t0 = Clock::now();
        std::size_t alerts = 0;
        for (std::size_t i = 0; i < states.size(); ++i) alerts += plan_for(*loaded, loaded->cases[i], states[i], packs, cal, today).alerts.size();
        plan.runs.push_back(ms_since(t0));

        t0 = Clock::now();
        const PanelReport rep = panel_report(*loaded, states, cal, *parse_iso_date("2025-09-01"), *parse_iso_date("2026-08-31"));
        const std::string csv = report_to_csv(rep);
        report.runs.push_back(ms_since(t0));
        if (alerts == 0 || csv.empty()) std::fprintf(stderr, "nothing planned?\n");
    }
    finish(load);
    finish(plan);
    finish(report);
    const double total = load.median + plan.median + report.median;
    // Natively the hashes may use the CPU's SHA instructions; say so, as it changes "load" a lot.
    const char* sha = sha256_hardware() ? "cpu" : "portable";
    std::printf("engine_bench: %d cases, %zu events, %.1f MB of workspace JSON, %d runs, SHA-256 %s\n", cases, events,
                text.size() / 1e6, runs, sha);
    std::printf("%-28s %10s %10s %10s\n", "step", "median ms", "min ms", "max ms");
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "load (parse+verify+fold)", load.median, load.min, load.max);
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "plan every case", plan.median, plan.min, plan.max);
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "panel report, one year", report.median, report.min, report.max);
    std::printf("%-28s %10.1f\n", "total (medians)", total);
    std::printf("{\"bench\":\"engine\",\"cases\":%d,\"events\":%zu,\"json_bytes\":%zu,\"runs\":%d,\"sha256\":\"%s\","
                "\"load_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f},\"plan_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f},"
                "\"report_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f},\"total_ms\":%.1f}\n",
                cases, events, text.size(), runs, sha, load.median, load.min, load.max, plan.median, plan.min, plan.max,
                report.median, report.min, report.max, total);
    return 0;
}
