#include "storage/exchange.h"

#include <set>

#include "engine/case_state.h"

namespace cp::storage {
namespace {

std::string latest_pupil_name(const Case& c) {
    std::string name;
    for (const Event& e : c.events)
        if (e.type == EventType::case_opened || e.type == EventType::pupil_details)
            if (auto n = payload_text(e.payload, "pupil_name"); !n.empty()) name = n;
    return name;
}

int count_new_events(const Case& mine, const Case& theirs) {
    std::set<std::string> have;
    for (const Event& e : mine.events) have.insert(e.id);
    int n = 0;
    for (const Event& e : theirs.events) n += have.count(e.id) ? 0 : 1;
    return n;
}

const Event* first_event(const Case& c) {
    for (const Event& e : c.events)
        if (e.prev.empty()) return &e;
    return nullptr;
}

ImportCase preview_case(const Workspace& mine, const Case& theirs) {
    ImportCase  ic{theirs.id, latest_pupil_name(theirs), ImportAction::add, static_cast<int>(theirs.events.size()), 0,
                  ""};
    const Case* have = find_case(mine, theirs.id);
    if (!have) {
        ic.new_events = ic.events_in_file;
        return ic;
    }
    // Two logs that start with different case_opened events are different cases that share an
    // id (each school numbers its own cases): merging them would join two pupils' histories
    // into one log that fails its integrity check. See docs/fuzzing.md, findings.
    const Event* mine_first = first_event(*have);
    const Event* their_first = first_event(theirs);
    if (mine_first && their_first && mine_first->hash != their_first->hash) {
        ic.action = ImportAction::conflict;
        ic.problem = "case " + theirs.id + " in the file is a different case from case " + theirs.id +
                     " here (it was opened separately" + (ic.pupil_name.empty() ? "" : ", for " + ic.pupil_name) +
                     "); nothing of this case is imported";
        return ic;
    }
    Problems   clash;
    const Case merged = merge_cases(*have, theirs, clash);
    if (clash.empty()) verify_case(merged, "", "", clash);  // never confirm a merge that would not verify
    if (!clash.empty()) {
        ic.action = ImportAction::conflict;
        ic.problem =
            clash.front().message + " (the file or this workspace has been changed; nothing of this case is imported)";
        return ic;
    }
    ic.new_events = count_new_events(*have, theirs);
    ic.action = ic.new_events ? ImportAction::merge : ImportAction::same;
    return ic;
}

// Directory entries the file adds: its schools, and the sender's own school (so reports can
// name it), when this workspace does not know them yet.
std::vector<School> schools_to_add(const Workspace& mine, const Workspace& theirs) {
    std::vector<School> add;
    const auto          wanted = [&](const std::string& urn) {
        if (urn.empty() || urn == mine.own.urn || find_school(mine, urn)) return false;
        for (const School& s : add)
            if (s.urn == urn) return false;
        return true;
    };
    for (const School& s : theirs.schools)
        if (wanted(s.urn)) add.push_back(s);
    if (wanted(theirs.own.urn)) add.push_back({theirs.own.urn, theirs.own.name, "", "", theirs.own.la, "", "", -1});
    return add;
}

}  // namespace

Json export_payload(const Workspace& ws, const std::vector<std::string>& case_ids) {
    if (case_ids.empty()) return workspace_to_json_value(ws);
    Workspace part = ws;
    part.cases.clear();
    part.packs.clear();
    std::set<std::string> followed;  // a case package carries the loaded protocols its cases follow
    for (const std::string& id : case_ids)
        if (const Case* c = find_case(ws, id)) {
            part.cases.push_back(*c);
            followed.insert(replay(*c).pack);
        }
    // and the loaded protocols those build on, so the receiving school can load them too
    for (std::size_t before = 0; before != followed.size();) {
        before = followed.size();
        for (const Json& p : ws.packs)
            if (followed.count(p.value("id", ""))) followed.insert(p.value("extends", ""));
    }
    for (const Json& p : ws.packs)
        if (followed.count(p.value("id", ""))) part.packs.push_back(p);
    return workspace_to_json_value(part);
}

ImportRead read_import(const Json& payload) {
    ImportRead r;
    r.workspace = parse_workspace(payload.dump(), "the imported file", r.problems);
    if (!r.workspace) return r;
    std::vector<Case> sound;
    for (Case& c : r.workspace->cases) {
        Problems integrity;
        verify_case(c, "the imported file", "/cases/" + c.id, integrity);
        if (integrity.empty())
            sound.push_back(std::move(c));
        else
            r.damaged[c.id] = integrity.front().to_string();
    }
    r.workspace->cases = std::move(sound);
    return r;
}

ImportPreview preview_import(const Workspace& mine, const ImportRead& theirs) {
    ImportPreview p;
    if (!theirs.workspace) return p;
    for (const Case& c : theirs.workspace->cases) p.cases.push_back(preview_case(mine, c));
    for (const auto& [id, why] : theirs.damaged)
        p.cases.push_back({id, "", ImportAction::damaged, 0, 0, "its history fails the integrity check: " + why});
    for (const ImportCase& ic : p.cases) {
        p.new_cases += ic.action == ImportAction::add;
        p.merged_cases += ic.action == ImportAction::merge;
        p.unchanged_cases += ic.action == ImportAction::same;
        p.refused_cases += ic.action == ImportAction::conflict || ic.action == ImportAction::damaged;
        if (ic.action == ImportAction::add || ic.action == ImportAction::merge) p.new_events += ic.new_events;
    }
    p.new_schools = static_cast<int>(schools_to_add(mine, *theirs.workspace).size());
    return p;
}

std::vector<std::string> apply_import(Workspace& mine, const ImportRead& theirs) {
    std::vector<std::string> changed;
    if (!theirs.workspace) return changed;
    for (const Case& c : theirs.workspace->cases) {
        const ImportCase ic = preview_case(mine, c);
        if (ic.action == ImportAction::add)
            mine.cases.push_back(c);
        else if (ic.action == ImportAction::merge) {
            Problems ignored;
            Case*    have = find_case(mine, c.id);
            *have = merge_cases(*have, c, ignored);
        } else
            continue;
        changed.push_back(c.id);
    }
    for (School& s : schools_to_add(mine, *theirs.workspace)) mine.schools.push_back(std::move(s));
    // A protocol the sender loaded from a file comes with its cases; one already here is kept.
    for (const Json& p : theirs.workspace->packs) {
        const auto same = [&](const Json& have) { return have.value("id", "") == p.value("id", ""); };
        if (std::none_of(mine.packs.begin(), mine.packs.end(), same)) mine.packs.push_back(p);
    }
    return changed;
}

const char* import_action_label(ImportAction a) {
    switch (a) {
        case ImportAction::add: return "new case";
        case ImportAction::merge: return "new events";
        case ImportAction::same: return "already up to date";
        case ImportAction::conflict: return "refused: conflicting copy";
        case ImportAction::damaged: return "refused: damaged";
    }
    return "";
}

}  // namespace cp::storage
