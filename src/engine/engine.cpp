#include "engine/engine.h"

#include <algorithm>
#include <charconv>

namespace cp {

// As load_resolved_pack for each, but every pack is parsed once: each local pack extends the
// baseline, which was parsed again for every one of them (half the app's start-up work in wasm).
void PackLibrary::load_embedded(Problems& problems) {
    std::map<std::string, Pack, std::less<>> parsed;
    for (const std::string& id : embedded_pack_ids())
        if (auto p = embedded_pack(id, problems)) parsed.emplace(id, std::move(*p));
    for (const auto& [id, local] : parsed) {
        if (local.extends.empty()) {
            packs[id] = local;
            continue;
        }
        const auto          found = parsed.find(local.extends);
        std::optional<Pack> other = found == parsed.end() ? embedded_pack(local.extends, problems) : std::nullopt;
        const Pack*         base = found != parsed.end() ? &found->second : other ? &*other : nullptr;
        if (!base) continue;
        if (auto p = resolve_pack(local, *base, problems)) packs[id] = std::move(*p);
    }
}

bool PackLibrary::built_in(std::string_view id) {
    const auto ids = embedded_pack_ids();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

namespace {

// The parts of a rule a person would see change: what it says, how hard, when, for whom, its terms.
std::string rule_terms(const Rule& r) {
    return std::string(severity_name(r.severity)) + "|" + rule_kind_name(r.kind) + "|" + r.message + "|" + r.when +
           "|" + r.who + "|" + r.params.dump() + "|" + r.citation.source + "|" + r.citation.paragraph;
}

}  // namespace

std::string rule_changes(const Pack& before, const Pack& after) {
    int added = 0, removed = 0, changed = 0;
    for (const Rule& r : after.rules) {
        const Rule* old = before.find_rule(r.id);
        if (!old)
            ++added;
        else if (rule_terms(*old) != rule_terms(r))
            ++changed;
    }
    for (const Rule& r : before.rules) removed += after.find_rule(r.id) == nullptr;
    if (added + removed + changed == 0) return "no rule changes";
    std::string out;
    const auto  part = [&](int n, const char* what) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + (out.empty() ? (n == 1 ? " rule " : " rules ") : " ") +
               what;
    };
    part(added, "added");
    part(removed, "removed");
    part(changed, "changed");
    return out;
}

namespace {

// A pack from a file builds on the built-in statutory baseline, or on a local protocol already loaded
// (an authority adapting a neighbour's), which itself built on the baseline: either way it is planned
// with every statutory rule, and resolve_pack refuses to replace one. Without `extends` it would have
// none; the baseline itself is never replaced from a file.
const Pack* pack_to_extend(const PackLibrary& library, const Pack& local, const std::string& file, Problems& problems) {
    if (local.id == kBaselinePackId) {
        problems.push_back({file, "/id", "the statutory baseline is built in and cannot be replaced from a file"});
        return nullptr;
    }
    const std::string expected = std::string("\"") + kBaselinePackId +
                                 "\" (every local pack builds on the statutory baseline) or the id of a protocol "
                                 "loaded before it";
    if (local.extends.empty()) {
        problems.push_back({file, "/extends", "missing: expected " + expected});
        return nullptr;
    }
    const Pack* base = local.extends == local.id ? nullptr : library.find(local.extends);
    if (!base)
        problems.push_back({file, "/extends",
                            local.extends == kBaselinePackId
                                ? std::string("the statutory baseline (\"") + kBaselinePackId + "\") is not loaded"
                                : "expected " + expected + "; found \"" + local.extends + "\""});
    return base;
}

}  // namespace

bool PackLibrary::add_pack_text(std::string_view json, const std::string& file, Problems& problems) {
    auto local = parse_pack(json, file, problems);
    if (!local) return false;
    const Pack* base = pack_to_extend(*this, *local, file, problems);
    if (!base) return false;
    // The baseline as parsed (not resolved) is what a pack on the baseline resolves against; a pack on
    // another local protocol resolves against that protocol as it is planned (baseline included).
    Problems ignore;
    auto     raw_base = local->extends == kBaselinePackId ? embedded_pack(kBaselinePackId, ignore) : std::nullopt;
    auto     resolved = resolve_pack(*local, raw_base ? *raw_base : *base, problems);
    if (!resolved) return false;
    packs[resolved->id] = std::move(*resolved);  // a newer edition of a loaded pack replaces it
    return true;
}

const Pack* PackLibrary::find(std::string_view id) const {
    const auto it = packs.find(std::string(id));
    return it == packs.end() ? nullptr : &it->second;
}

std::optional<SchoolCalendar> pack_calendar(const Pack& pack, Problems& problems) {
    if (pack.calendar_terms.is_object())
        return parse_calendar_value(pack.calendar_terms, pack.file.empty() ? pack.id : pack.file, problems);
    return load_shipped_calendar(pack.calendar.empty() ? kEnglandCalendarId : pack.calendar, problems);
}

SchoolCalendar workspace_calendar(const Workspace& ws, const PackLibrary& packs, Problems& problems) {
    if (ws.calendar.is_object()) {
        if (auto c = parse_calendar_value(ws.calendar, "workspace calendar", problems)) return *c;
    }
    Problems    quiet;
    const Pack* pack = packs.find(ws.own.la);
    if (auto c = pack ? pack_calendar(*pack, quiet) : load_shipped_calendar(kEnglandCalendarId, quiet)) return *c;
    problems.push_back(
        {"", "/calendar",
         "no calendar for \"" + ws.own.la + "\": school days are counted as weekdays minus English bank holidays"});
    return SchoolCalendar{};
}

CasePlan plan_for(const Workspace& ws, const Case& c, const CaseState& s, const PackLibrary& packs,
                  const SchoolCalendar& cal, Date today, const UpnIndex* upns) {
    if (const Pack* pack = packs.find(s.pack)) return plan_case({s, *pack, cal, today, &ws, upns, &c});
    CasePlan p;
    p.case_id = c.id;
    p.pupil_name = s.pupil_name;
    p.pack_id = s.pack;
    p.kind = s.kind;
    p.alerts.push_back(
        {AlertLevel::blocking,
         "engine/unknown-pack",
         "The protocol pack \"" + s.pack + "\" is not loaded: load it (caseplan --pack FILE) to plan this case.",
         "",
         {},
         std::nullopt});
    return p;
}

std::vector<CasePlan> plan_workspace(const Workspace& ws, const PackLibrary& packs, const SchoolCalendar& cal,
                                     Date today) {
    std::vector<CasePlan> out;
    out.reserve(ws.cases.size());
    const UpnIndex upns = index_cases_by_upn(ws);
    for (const Case& c : ws.cases) out.push_back(plan_for(ws, c, replay(c), packs, cal, today, &upns));
    return out;
}

DraftVerdict record_event(Workspace& ws, const std::string& case_id, const EventDraft& draft, const std::string& id,
                          const std::string& at, const PackLibrary& packs, const SchoolCalendar& cal, Date today) {
    DraftVerdict v;
    Case*        c = find_case(ws, case_id);
    const auto   refuse = [&](std::string rule, std::string message) {
        v.allowed = false;
        v.blocking.push_back({AlertLevel::blocking, std::move(rule), std::move(message), "", {}, std::nullopt});
        return v;
    };
    if (!c) return refuse("engine/unknown-case", "There is no case " + case_id + " in this workspace.");
    const CaseState s = replay(*c);
    const Pack*     pack = packs.find(s.pack);
    if (!pack) return refuse("engine/unknown-pack", "The protocol pack \"" + s.pack + "\" is not loaded.");
    v = check_draft({s, *pack, cal, today, &ws, nullptr, c}, draft);
    if (!v.allowed) return v;
    Problems problems;
    if (!append_event(*c, draft, id, at, &problems)) {
        for (const auto& p : problems)
            v.blocking.push_back({AlertLevel::blocking, "engine/invalid-event", p.to_string(), "", {}, std::nullopt});
        v.allowed = false;
    }
    return v;
}

bool open_case(Workspace& ws, const std::string& case_id, const EventDraft& opened, const std::string& event_id,
               const std::string& at, const PackLibrary& packs, Problems& problems) {
    if (case_id.empty() || find_case(ws, case_id)) {
        problems.push_back({"", "/id", "case id \"" + case_id + "\" is empty or already used"});
        return false;
    }
    if (opened.type != EventType::case_opened) {
        problems.push_back({"", "/type", "a case starts with a case_opened event"});
        return false;
    }
    if (!packs.find(payload_text(opened.payload, "pack"))) {
        problems.push_back(
            {"", "/payload/pack", "unknown protocol pack \"" + payload_text(opened.payload, "pack") + "\""});
        return false;
    }
    Case c;
    c.id = case_id;
    if (!append_event(c, opened, event_id, at, &problems)) return false;
    ws.cases.push_back(std::move(c));
    return true;
}

std::string next_event_id(const Workspace& ws) {
    const std::string prefix = ws.own.urn + "-";
    long long         best = 0;
    for (const Case& c : ws.cases)
        for (const Event& e : c.events)
            if (e.id.rfind(prefix, 0) == 0) {
                long long   n = 0;
                const char* first = e.id.data() + prefix.size();
                const char* last = e.id.data() + e.id.size();
                if (std::from_chars(first, last, n).ptr == last) best = std::max(best, n);
            }
    return prefix + std::to_string(best + 1);
}

}  // namespace cp
