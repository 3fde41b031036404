#include "engine/workspace.h"

#include <algorithm>
#include <set>

#include "engine/workspace_read.h"

namespace cp {
namespace {

// Reads one object's fields strictly: every key must be known, every type right.
struct ObjectReader {
    const Json&              j;
    const std::string&       file;
    std::string              path;
    Problems&                out;
    std::vector<std::string> known;

    bool text(const char* key, std::string& into, bool required) {
        known.push_back(key);
        const auto it = j.find(key);
        if (it == j.end()) {
            if (required)
                out.push_back({file, path + "/" + key, std::string("missing: expected a text (") + key + ")"});
            return false;
        }
        if (!it->is_string()) {
            out.push_back({file, path + "/" + key, "expected a text; found " + it->dump()});
            return false;
        }
        into = it->get<std::string>();
        return true;
    }
    void one_of(const char* key, std::string& into, std::initializer_list<const char*> allowed, bool required) {
        if (!text(key, into, required)) return;
        if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return into == a; }) != allowed.end())
            return;
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        out.push_back({file, path + "/" + key, "expected one of " + list + "; found \"" + into + "\""});
    }
    void integer(const char* key, int& into) {
        known.push_back(key);
        const auto it = j.find(key);
        if (it == j.end()) return;
        if (!it->is_number_integer())
            out.push_back({file, path + "/" + key, "expected a whole number; found " + it->dump()});
        else
            into = it->get<int>();
    }
    void finish() {
        for (auto it = j.begin(); it != j.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                out.push_back({file, path + "/" + it.key(), "unknown field; expected one of the documented fields"});
    }
};

const Json* array_at(const Json& root, const char* key, const std::string& file, Problems& out, bool required) {
    const auto it = root.find(key);
    if (it == root.end()) {
        if (required) out.push_back({file, std::string("/") + key, "missing: expected a list"});
        return nullptr;
    }
    if (!it->is_array()) {
        out.push_back({file, std::string("/") + key, "expected a list; found " + std::string(it->type_name())});
        return nullptr;
    }
    return &*it;
}

bool is_la_code(const std::string& s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const School* find_in(const std::vector<School>& directory, std::string_view urn) {
    const auto it = std::find_if(directory.begin(), directory.end(), [&](const School& x) { return x.urn == urn; });
    return it == directory.end() ? nullptr : &*it;
}

std::string urn_problem(const std::vector<School>& directory, const std::string& urn) {
    if (!is_urn(urn)) return "expected a URN of 6 or 7 digits; found \"" + urn + "\"";
    if (find_in(directory, urn)) return "URN " + urn + " appears twice in the school directory";
    return "";
}

void read_own(const Json& root, const std::string& file, Workspace& ws, Problems& out) {
    const auto it = root.find("own_school");
    if (it == root.end() || !it->is_object()) {
        out.push_back({file, "/own_school", "expected an object {name, urn, la, role}"});
        return;
    }
    ObjectReader r{*it, file, "/own_school", out, {}};
    r.text("name", ws.own.name, true);
    r.one_of("role", ws.own.role, {"home_school", "host_school", "la_officer"}, true);
    // A school is known by its URN; a local authority by its three-digit LA code.
    if (r.text("urn", ws.own.urn, true) && !(ws.own.role == "la_officer" ? is_la_code(ws.own.urn) : is_urn(ws.own.urn)))
        out.push_back({file, "/own_school/urn",
                       ws.own.role == "la_officer"
                           ? "expected a local authority code of 3 digits; found \"" + ws.own.urn + "\""
                           : "expected a URN of 6 or 7 digits; found \"" + ws.own.urn + "\""});
    r.text("la", ws.own.la, true);
    r.finish();
}

void read_schools(const Json& root, const std::string& file, Workspace& ws, Problems& out) {
    const Json* list = array_at(root, "schools", file, out, false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/schools/" + std::to_string(i);
        const Json&       j = (*list)[i];
        if (!j.is_object()) {
            out.push_back({file, path, "expected a school object"});
            continue;
        }
        School       s;
        ObjectReader r{j, file, path, out, {}};
        const bool   has_urn = r.text("urn", s.urn, true);
        r.text("name", s.name, true);
        r.one_of("phase", s.phase,
                 {"primary", "secondary", "all_through", "alternative_provision", "special", "middle"}, false);
        r.one_of("governance", s.governance, {"maintained", "academy", "pru", "independent", "free_school"}, false);
        r.text("la", s.la, false);
        r.text("address", s.address, false);
        r.text("notes", s.notes, false);
        r.integer("distance_m", s.distance_m);
        r.finish();
        if (const std::string why = has_urn ? urn_problem(ws.schools, s.urn) : ""; !why.empty())
            out.push_back({file, path + "/urn", why});
        ws.schools.push_back(std::move(s));
    }
}

void read_staff(const Json& root, const std::string& file, Workspace& ws, Problems& out) {
    const Json* list = array_at(root, "staff", file, out, false);
    if (!list) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/staff/" + std::to_string(i);
        const Json&       j = (*list)[i];
        if (!j.is_object()) {
            out.push_back({file, path, "expected a staff object {id, name, role}"});
            continue;
        }
        StaffMember  m;
        ObjectReader r{j, file, path, out, {}};
        r.text("id", m.id, true);
        r.text("name", m.name, true);
        r.text("role", m.role, true);
        r.finish();
        if (!m.id.empty() && !ids.insert(m.id).second)
            out.push_back({file, path + "/id", "staff id " + m.id + " appears twice"});
        ws.staff.push_back(std::move(m));
    }
}

void read_cases(Json& root, const std::string& file, Workspace& ws, StreamedEvents& streamed, Problems& out) {
    const Json* list = array_at(root, "cases", file, out, true);
    if (!list) return;
    std::set<std::string> ids;
    ws.cases.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/cases/" + std::to_string(i);
        const Json&       j = (*list)[i];
        if (!j.is_object()) {
            out.push_back({file, path, "expected a case object {id, heads, events}"});
            continue;
        }
        Case         c;
        ObjectReader r{j, file, path, out, {"heads", "events"}};
        r.text("id", c.id, true);
        r.finish();
        if (!c.id.empty() && !ids.insert(c.id).second)
            out.push_back({file, path + "/id", "case id " + c.id + " appears twice"});
        const auto heads = j.find("heads");
        if (heads == j.end() || !heads->is_array())
            out.push_back({file, path + "/heads", "expected a list of hashes"});
        else
            for (const auto& h : *heads)
                if (h.is_string()) c.heads.push_back(h.get<std::string>());
        const auto        events = j.find("events");
        const std::size_t seen = i < streamed.seen.size() ? streamed.seen[i] : 0;
        if (events == j.end() || !events->is_array() || seen == 0) {
            out.push_back({file, path + "/events", "expected a non-empty list of events starting with case_opened"});
        } else {
            for (const Json& left : *events)  // anything that was not an object stayed behind
                out.push_back({file, path + "/events", "expected an event object; found " + left.dump()});
            c.events = std::move(streamed.by_case[i]);
        }
        ws.cases.push_back(std::move(c));
    }
}

// The fast reader handles valid workspaces; anything it gives up on is read again by the
// reference reader, which decides what is wrong and says so.
bool read_text(std::string_view text, const std::string& file, Json& root, StreamedEvents& streamed,
               Problems& event_problems, Problems& out) {
    if (read_workspace_fast(text, root, streamed)) return true;
    root = Json();
    streamed = {};
    return read_workspace_reference(text, file, root, streamed, event_problems, out);
}

}  // namespace

std::optional<Workspace> parse_workspace(std::string_view text, const std::string& file, Problems& out) {
    Json           root;
    StreamedEvents streamed;
    Problems       event_problems;  // reported only once the format and version are known to be right
    if (!read_text(text, file, root, streamed, event_problems, out)) return std::nullopt;
    if (!root.is_object()) {
        out.push_back({file, "", "expected a workspace object"});
        return std::nullopt;
    }
    const auto format = root.find("format");
    if (format == root.end() || *format != "caseplan-workspace") {
        out.push_back({file, "/format", "expected \"caseplan-workspace\": this is not a case planner workspace"});
        return std::nullopt;
    }
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer()) {
        out.push_back({file, "/version", "missing: expected the format version, a whole number"});
        return std::nullopt;
    }
    if (version->get<int64_t>() < kOldestWorkspaceVersion || version->get<int64_t>() > kWorkspaceVersion) {
        out.push_back({file, "/version",
                       "workspace format version " + version->dump() + " is not supported: this build reads versions " +
                           std::to_string(kOldestWorkspaceVersion) + " to " + std::to_string(kWorkspaceVersion) +
                           " only. Open it with a matching version of the planner."});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Workspace         ws;
    read_own(root, file, ws, out);
    read_schools(root, file, ws, out);
    read_staff(root, file, ws, out);
    out.insert(out.end(), event_problems.begin(), event_problems.end());
    read_cases(root, file, ws, streamed, out);
    if (const auto cal = root.find("calendar"); cal != root.end()) {
        if (!cal->is_object() && !cal->is_null())
            out.push_back({file, "/calendar", "expected a calendar object or null"});
        else
            ws.calendar = *cal;
    }
    if (const auto packs = root.find("packs"); packs != root.end()) {
        const bool ok =
            packs->is_array() && std::all_of(packs->begin(), packs->end(), [](const Json& p) { return p.is_object(); });
        if (!ok)
            out.push_back({file, "/packs", "expected a list of protocol packs"});
        else
            ws.packs.assign(packs->begin(), packs->end());
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const std::set<std::string> known = {"format", "version",  "own_school", "schools",
                                                    "staff",  "calendar", "packs",      "cases"};
        if (!known.count(it.key())) out.push_back({file, "/" + it.key(), "unknown field in a workspace"});
    }
    if (out.size() != before) return std::nullopt;
    return ws;
}

Problems verify_workspace(const Workspace& ws, const std::string& file) {
    Problems out;
    for (std::size_t i = 0; i < ws.cases.size(); ++i)
        verify_case(ws.cases[i], file, "/cases/" + std::to_string(i), out);
    return out;
}

std::optional<Workspace> load_workspace(std::string_view text, const std::string& file, Problems& problems,
                                        Problems& integrity) {
    auto ws = parse_workspace(text, file, problems);
    if (ws) integrity = verify_workspace(*ws, file);
    return ws;
}

Json workspace_to_json_value(const Workspace& ws) {
    Json j;
    j["format"] = "caseplan-workspace";
    j["version"] = ws.version;
    j["own_school"] = {{"name", ws.own.name}, {"urn", ws.own.urn}, {"la", ws.own.la}, {"role", ws.own.role}};
    Json schools = Json::array();
    for (const School& s : ws.schools) {
        Json o = {{"urn", s.urn}, {"name", s.name}};
        if (!s.phase.empty()) o["phase"] = s.phase;
        if (!s.governance.empty()) o["governance"] = s.governance;
        if (!s.la.empty()) o["la"] = s.la;
        if (!s.address.empty()) o["address"] = s.address;
        if (!s.notes.empty()) o["notes"] = s.notes;
        if (s.distance_m >= 0) o["distance_m"] = s.distance_m;
        schools.push_back(std::move(o));
    }
    j["schools"] = std::move(schools);
    Json staff = Json::array();
    for (const StaffMember& m : ws.staff) staff.push_back({{"id", m.id}, {"name", m.name}, {"role", m.role}});
    j["staff"] = std::move(staff);
    if (!ws.calendar.is_null()) j["calendar"] = ws.calendar;
    if (!ws.packs.empty()) j["packs"] = ws.packs;
    Json cases = Json::array();
    for (const Case& c : ws.cases) {
        Json events = Json::array();
        for (const Event& e : c.events) events.push_back(event_to_json(e));
        cases.push_back({{"id", c.id}, {"heads", c.heads}, {"events", std::move(events)}});
    }
    j["cases"] = std::move(cases);
    return j;
}

std::string workspace_to_json(const Workspace& ws, bool pretty) {
    return workspace_to_json_value(ws).dump(pretty ? 1 : -1);
}

const Case* find_case(const Workspace& ws, std::string_view id) {
    for (const Case& c : ws.cases)
        if (c.id == id) return &c;
    return nullptr;
}
Case* find_case(Workspace& ws, std::string_view id) {
    for (Case& c : ws.cases)
        if (c.id == id) return &c;
    return nullptr;
}
UpnIndex index_cases_by_upn(const Workspace& ws) {
    UpnIndex out;
    for (const Case& c : ws.cases)
        if (!c.events.empty())
            if (std::string upn = payload_text(c.events.front().payload, "upn"); !upn.empty()) out[upn].push_back(c.id);
    return out;
}

bool opened_for_upn(const Case& c, const std::string& upn) {
    return !c.events.empty() && payload_text(c.events.front().payload, "upn") == upn;
}

std::string school_problem(const std::vector<School>& directory, const School& s, bool editing) {
    if (s.name.empty()) return "Give the school's name.";
    if (!is_urn(s.urn))
        return "A URN has 6 or 7 digits (Get Information About Schools gives it); \"" + s.urn + "\" does not.";
    if (!editing)
        if (const School* there = find_in(directory, s.urn); there != nullptr)
            return "URN " + s.urn + " is already in the school list, as " + there->name + ".";
    if (editing && !find_in(directory, s.urn)) return "URN " + s.urn + " is not in the school list.";
    return "";
}

std::string school_words(const Workspace& ws, std::string_view urn) {
    if (urn.empty()) return "";
    if (urn == ws.own.urn && !ws.own.name.empty()) return ws.own.name;
    if (const School* s = find_school(ws, urn)) return s->name + " (URN " + std::string(urn) + ")";
    return "URN " + std::string(urn);
}

const School* find_school(const Workspace& ws, std::string_view urn) {
    for (const School& s : ws.schools)
        if (s.urn == urn) return &s;
    return nullptr;
}
const StaffMember* find_staff(const Workspace& ws, std::string_view id) {
    for (const StaffMember& m : ws.staff)
        if (m.id == id) return &m;
    return nullptr;
}

}  // namespace cp
