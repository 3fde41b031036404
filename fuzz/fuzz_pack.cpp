// fuzz_pack: a protocol pack file a school or LA loads ("another LA, no rebuild needed").
//
// PackLibrary::add_pack_text (parse_pack, the baseline check, resolve_pack) with the statutory
// baseline loaded, as the app and `caseplan --pack FILE` do. A pack it accepts then drives the
// planner: every demo case is planned under it, with its documents, as the case view would.
#include "common.h"
#include "engine/demo.h"
#include "engine/documents.h"
#include "engine/engine.h"

using namespace cp;

namespace {

struct World {
    PackLibrary            base;  // the baseline only
    Workspace              demo = make_demo_workspace();
    std::vector<CaseState> states;
    SchoolCalendar         calendar;
    Date                   today = *parse_iso_date(kDemoToday);
    World() {
        Problems p;
        auto     baseline = load_resolved_pack(kBaselinePackId, p);
        fuzz::check(baseline.has_value(), "the built-in baseline loads");
        base.packs[kBaselinePackId] = std::move(*baseline);
        PackLibrary all;  // the demo school's authority's calendar, as the app would use
        all.load_embedded(p);
        calendar = workspace_calendar(demo, all, p);
        for (const Case& c : demo.cases) states.push_back(replay(c));
    }
};

const World& world() {
    static const World w;
    return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const World& w = world();
    PackLibrary  lib = w.base;
    Problems     problems;
    const bool   added = lib.add_pack_text(fuzz::text(data, size), "fuzz.json", problems);
    fuzz::check(added == problems.empty(), "a pack is refused exactly when a problem is reported");
    if (!added) return 0;

    Problems   again;
    const auto parsed = parse_pack(fuzz::text(data, size), "fuzz.json", again);
    fuzz::check(parsed.has_value() && again.empty(), "an added pack parses on its own");
    const Pack* pack = lib.find(parsed->id);
    fuzz::check(pack != nullptr, "an added pack is in the library under its id");
    fuzz::check(lib.find(kBaselinePackId) != nullptr, "the baseline stays loaded");

    for (CaseState s : w.states) {
        s.pack = pack->id;
        (void)plan_to_json(plan_case({s, *pack, w.calendar, w.today, &w.demo}));
        for (const std::string& id : document_ids_for(*pack, s))
            if (auto d = make_document(id, {s, *pack, w.calendar, w.today, &w.demo})) (void)document_to_json(*d);
    }
    return 0;
}
