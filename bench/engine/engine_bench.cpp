// engine_bench: a workspace of 10,000 cases with 60 realistic events each, timed through the
// three things the app does with it: load (parse + verify every hash + fold every case), plan
// every case, and build a year's panel report. Median of several runs with min and max, as a
// table and as one JSON line. This is a benchmark, not a test: it asserts nothing.
//
//   engine_bench [cases] [runs] [out.json]
//                defaults 10000 and 5; out.json keeps the workspace
//   node --no-experimental-fetch build/wasm/engine_bench.js [cases] [runs]   the same, as WebAssembly
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_cases.h"
#include "engine/engine.h"
#include "engine/report.h"

using namespace cp;
using cp::bench::make_case;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
    double              min = 1e99, max = 0, median = 0;
    std::vector<double> runs;
};

void finish(Timing& t) {
    std::sort(t.runs.begin(), t.runs.end());
    t.min = t.runs.front();
    t.max = t.runs.back();
    t.median = t.runs[t.runs.size() / 2];
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const int                cases = args.size() > 0 ? std::atoi(args[0].c_str()) : 10000;
    const int                runs = args.size() > 1 ? std::atoi(args[1].c_str()) : 5;
    Problems                 problems;
    PackLibrary              packs;
    packs.load_embedded(problems);
    Workspace ws;
    ws.own = {"Bench School", "100000", "norfolk", "home_school"};
    for (int s = 0; s < 41; ++s)
        ws.schools.push_back(
            {std::to_string(100000 + s), "School " + std::to_string(s), "secondary", "academy", "", "", "", -1});
    for (int i = 0; i < cases; ++i) ws.cases.push_back(make_case(i));
    std::size_t events = 0;
    for (const Case& c : ws.cases) events += c.events.size();
    const std::string text = workspace_to_json(ws, false);
    if (args.size() > 2)
        if (FILE* f = std::fopen(args[2].c_str(), "wb")) {
            std::fwrite(text.data(), 1, text.size(), f);
            std::fclose(f);
        }
    const SchoolCalendar cal = workspace_calendar(ws, packs, problems);
    const Date           today = *parse_iso_date("2026-03-02");

    Timing load, plan, report;
    for (int r = 0; r < runs; ++r) {
        auto                   t0 = Clock::now();
        Problems               p, integrity;
        auto                   loaded = load_workspace(text, "bench.json", p, integrity);
        std::vector<CaseState> states;
        states.reserve(loaded->cases.size());
        for (const Case& c : loaded->cases) states.push_back(replay(c));
        load.runs.push_back(ms_since(t0));
        if (!p.empty() || !integrity.empty())
            std::fprintf(stderr, "unexpected problems: %zu %zu\n", p.size(), integrity.size());

        t0 = Clock::now();
        std::size_t    alerts = 0;
        const UpnIndex upns = index_cases_by_upn(*loaded);  // as the app builds it, once for all the plans
        for (std::size_t i = 0; i < states.size(); ++i)
            alerts += plan_for(*loaded, loaded->cases[i], states[i], packs, cal, today, &upns).alerts.size();
        plan.runs.push_back(ms_since(t0));

        t0 = Clock::now();
        const PanelReport rep =
            panel_report(*loaded, states, cal, *parse_iso_date("2025-09-01"), *parse_iso_date("2026-08-31"));
        const std::string csv = report_to_csv(rep);
        report.runs.push_back(ms_since(t0));
        if (alerts == 0 || csv.empty()) std::fprintf(stderr, "nothing planned?\n");
    }
    finish(load);
    finish(plan);
    finish(report);
    const double total = load.median + plan.median + report.median;
    const char*  sha = "libsodium";  // the hash chain's SHA-256 (engine/sha256.h), natively and in wasm
    std::printf("engine_bench: %d cases, %zu events, %.1f MB of workspace JSON, %d runs, SHA-256 %s\n", cases, events,
                static_cast<double>(text.size()) / 1e6, runs, sha);
    std::printf("%-28s %10s %10s %10s\n", "step", "median ms", "min ms", "max ms");
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "load (parse+verify+fold)", load.median, load.min, load.max);
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "plan every case", plan.median, plan.min, plan.max);
    std::printf("%-28s %10.1f %10.1f %10.1f\n", "panel report, one year", report.median, report.min, report.max);
    std::printf("%-28s %10.1f\n", "total (medians)", total);
    std::printf(
        "{\"bench\":\"engine\",\"cases\":%d,\"events\":%zu,\"json_bytes\":%zu,\"runs\":%d,\"sha256\":\"%s\","
        "\"load_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f},\"plan_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%."
        "1f},"
        "\"report_ms\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f},\"total_ms\":%.1f}\n",
        cases, events, text.size(), runs, sha, load.median, load.min, load.max, plan.median, plan.min, plan.max,
        report.median, report.min, report.max, total);
    return 0;
}
