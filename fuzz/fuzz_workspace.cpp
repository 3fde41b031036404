// fuzz_workspace: a workspace file (docs/workspace-format.md), as `caseplan` and the app load it.
//
// load_workspace reads with the fast strict scanner (json_scan.h, workspace_read.h) and falls
// back to nlohmann on anything unusual, then verifies every hash chain. Differential checks:
//   1. JsonScanner: whatever it accepts, nlohmann parses to the very same value;
//   2. read_workspace_fast: whatever it reads, read_workspace_reference reads the same document
//      and events, without a problem;
//   3. a workspace that loads serialises, reloads and serialises to the same text, with the same
//      integrity verdict.
// Then, as `caseplan plan` does (integrity problems do not stop planning), its calendar is read
// and every case planned with the built-in packs.
#include "common.h"
#include "engine/demo.h"
#include "engine/engine.h"
#include "engine/json_scan.h"
#include "engine/workspace_read.h"

using namespace cp;

namespace {

struct World {
    PackLibrary packs;
    Date        today = *parse_iso_date(kDemoToday);
    World() {
        Problems p;
        packs.load_embedded(p);
    }
};

const World& world() {
    static const World w;
    return w;
}

Json events_json(const StreamedEvents& s) {
    Json out = Json::array();
    for (const auto& list : s.by_case) {
        Json events = Json::array();
        for (const Event& e : list) events.push_back(event_to_json(e));
        out.push_back(std::move(events));
    }
    return out;
}

void scanner_agrees_with_nlohmann(std::string_view text) {
    JsonScanner s(text);
    Json        scanned;
    if (!(s.value(scanned) && s.finished())) return;
    Json reference;
    try {
        reference = Json::parse(text);
    } catch (const Json::exception&) { fuzz::check(false, "nlohmann parses whatever the scanner accepts"); }
    fuzz::check(scanned == reference && scanned.dump() == reference.dump(), "the scanner builds nlohmann's value");
}

void fast_reader_agrees_with_reference(std::string_view text) {
    Json           fast_root;
    StreamedEvents fast;
    if (!read_workspace_fast(text, fast_root, fast)) return;
    Json           ref_root;
    StreamedEvents ref;
    Problems       event_problems, problems;
    const bool     ok = read_workspace_reference(text, "ws", ref_root, ref, event_problems, problems);
    fuzz::check(ok && problems.empty() && event_problems.empty(), "the reference reader reads what the fast one read");
    fuzz::check(fast_root == ref_root, "both readers build the same document");
    fuzz::check(fast.seen == ref.seen, "both readers see the same events");
    fuzz::check(events_json(fast) == events_json(ref), "both readers convert the same events");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text(data, size);
    scanner_agrees_with_nlohmann(text);
    fast_reader_agrees_with_reference(text);

    Problems   problems, integrity;
    const auto ws = load_workspace(text, "ws", problems, integrity);
    if (!ws) {
        fuzz::check(!problems.empty(), "a refused workspace says why");
        return 0;
    }
    fuzz::check(problems.empty(), "a loaded workspace has no structural problem");
    const std::string saved = workspace_to_json(*ws);
    Problems          problems2, integrity2;
    const auto        ws2 = load_workspace(saved, "ws", problems2, integrity2);
    fuzz::check(ws2.has_value(), "a saved workspace loads again");
    fuzz::check(workspace_to_json(*ws2) == saved, "saving is stable");
    fuzz::check(integrity.empty() == integrity2.empty(), "a save neither damages nor repairs a log");

    const World&         w = world();
    Problems             cal_problems;
    const SchoolCalendar cal = workspace_calendar(*ws, w.packs, cal_problems);
    for (const CasePlan& p : plan_workspace(*ws, w.packs, cal, w.today)) (void)plan_to_json(p);
    return 0;
}
