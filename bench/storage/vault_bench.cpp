// vault_bench: the app's open and save paths natively, on N generated cases sealed as the app
// stores them. What the session does when a workspace opens (open every sealed record, verify,
// replay and plan every case) and what one command costs (check and append an event, re-plan
// that case, seal that case's record). A benchmark tool, not part of the app.
//
//   vault_bench [CASES] [RUNS]        prints one JSON object
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../engine/bench_cases.h"
#include "crypto/keys.h"
#include "storage/vault.h"

using namespace cp;

namespace {

constexpr int kCuts[] = {9, 18, 26, 30, 45, 60};

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int cases = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    Workspace ws;
    ws.own = {"Bench School", "100000", "norfolk", "home_school"};
    ws.staff.push_back({"s1", "Ms Bench Author", "Deputy Headteacher"});
    for (int i = 0; i < cases; ++i) ws.cases.push_back(bench::make_case(i, kCuts[i % 6]));
    std::array<unsigned char, SecretKey::size> raw{};
    system_random().fill(raw);
    const SecretKey      key{std::span<const unsigned char, SecretKey::size>(raw)};
    storage::AppSettings app;
    storage::update_case_names(app, ws);
    const std::vector<platform::Record> records = storage::seal_everything(ws, app, key);
    Problems                            problems;
    PackLibrary                         packs;
    packs.load_embedded(problems);
    const SchoolCalendar cal = workspace_calendar(ws, packs, problems);
    const Date           today = *parse_iso_date("2026-03-02");

    std::printf("{\"bench\":\"vault\",\"cases\":%d,\"runs\":[", cases);
    for (int run = 0; run < runs; ++run) {
        auto            t0 = std::chrono::steady_clock::now();
        storage::Opened o = storage::open_records(records, key);
        const double    open_ms = ms_since(t0);
        t0 = std::chrono::steady_clock::now();
        std::vector<CaseState> states;
        std::vector<CasePlan>  plans;
        const UpnIndex         upns = index_cases_by_upn(*o.workspace);
        for (const Case& c : o.workspace->cases) {
            states.push_back(replay(c));
            plans.push_back(plan_for(*o.workspace, c, states.back(), packs, cal, today, &upns));
        }
        const double plan_ms = ms_since(t0);
        // one command on the middle case: check and append, re-plan it, seal its record
        Workspace&        w = *o.workspace;
        const std::size_t mid = w.cases.size() / 2;
        t0 = std::chrono::steady_clock::now();
        const DraftVerdict v =
            record_event(w, w.cases[mid].id,
                         {{"Ms Bench Author", "Deputy Headteacher"}, EventType::note, {{"text", "Benchmark note"}}, ""},
                         "100000-x" + std::to_string(run), "2026-03-02T10:00:00Z", packs, cal, today);
        states[mid] = replay(w.cases[mid]);
        plans[mid] = plan_for(w, w.cases[mid], states[mid], packs, cal, today, &upns);
        const platform::Record sealed = storage::seal_case(w.cases[mid], key);
        const double           command_ms = ms_since(t0);
        std::printf(
            "%s{\"open_ms\":%.1f,\"plan_ms\":%.1f,\"command_ms\":%.2f,\"allowed\":%s,\"damaged\":%zu,\"sealed_bytes\":%"
            "zu}",
            run ? "," : "", open_ms, plan_ms, command_ms, v.allowed ? "true" : "false", o.damaged.size(),
            sealed.value.size());
    }
    std::printf("]}\n");
    return 0;
}
