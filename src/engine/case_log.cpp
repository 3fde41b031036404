#include "engine/case_log.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/sha256.h"

namespace cp {

bool log_order_less(const Event& a, const Event& b) {
    if (a.at != b.at) return a.at < b.at;
    return a.id < b.id;
}

// The canonical content is written by hand (not through a Json object) because it is the hot
// path when a large workspace is verified; its bytes equal canonical_json of the same object.
void append_canonical_event(std::string& out, const std::string& case_id, const Event& e) {
    out += "{\"at\":";
    append_json_string(out, e.at);
    out += ",\"author\":{\"name\":";
    append_json_string(out, e.author.name);
    out += ",\"role\":";
    append_json_string(out, e.author.role);
    out += "},\"case\":";
    append_json_string(out, case_id);
    out += ",\"id\":";
    append_json_string(out, e.id);
    out += ",\"payload\":";
    if (e.legacy_step)
        append_canonical(out, stored_payload(e));
    else
        append_canonical(out, e.payload);  // no copy: this is the hot path of verification
    out += ",\"prev\":[";
    for (std::size_t i = 0; i < e.prev.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, e.prev[i]);
    }
    out += "],\"supersedes\":";
    append_json_string(out, e.supersedes);
    out += ",\"type\":";
    append_json_string(out, stored_type_name(e));
    out += '}';
}

namespace {

Digest event_content_digest(const std::string& case_id, const Event& e) {
    thread_local std::string buffer;
    buffer.clear();
    append_canonical_event(buffer, case_id, e);
    return sha256(buffer);
}

// Compares without building the hex text: verification does this for every event on load.
bool digest_equals_hex(const Digest& d, std::string_view hex) {
    static constexpr char digits[] = "0123456789abcdef";
    if (hex.size() != 64) return false;
    for (std::size_t i = 0; i < 32; ++i)
        if (hex[2 * i] != digits[d[i] >> 4] || hex[2 * i + 1] != digits[d[i] & 15]) return false;
    return true;
}

}  // namespace

std::string event_content_hash(const std::string& case_id, const Event& e) {
    return to_hex(event_content_digest(case_id, e));
}

std::vector<std::string> compute_heads(const Case& c) {
    std::unordered_set<std::string_view> pointed;  // views of the events' own strings
    pointed.reserve(c.events.size());
    for (const Event& e : c.events)
        for (const auto& p : e.prev) pointed.insert(p);
    std::vector<std::string> heads;
    for (const Event& e : c.events)
        if (!pointed.count(e.hash)) heads.push_back(e.hash);
    std::sort(heads.begin(), heads.end());
    heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
    return heads;
}

bool append_event(Case& c, const EventDraft& draft, const std::string& id, const std::string& at, Problems* problems) {
    Problems          local;
    Problems&         out = problems ? *problems : local;
    const std::size_t before = out.size();
    if (id.empty()) out.push_back({"", "/id", "an event needs an id"});
    for (const Event& e : c.events)
        if (e.id == id) out.push_back({"", "/id", "event id " + id + " is already used in case " + c.id});
    if (!is_timestamp(at))
        out.push_back({"", "/at", "expected a UTC timestamp YYYY-MM-DDTHH:MM:SSZ; found \"" + at + "\""});
    validate_payload(draft.type, draft.payload, "", "/payload", out);
    if (!draft.supersedes.empty()) {
        const bool found =
            std::any_of(c.events.begin(), c.events.end(), [&](const Event& e) { return e.id == draft.supersedes; });
        if (!found)
            out.push_back({"", "/supersedes", "no event " + draft.supersedes + " in case " + c.id + " to supersede"});
    }
    if (draft.type == EventType::retraction && draft.supersedes.empty())
        out.push_back({"", "/supersedes", "a retraction must name the event it withdraws"});
    if (out.size() != before) return false;

    Event e;
    e.id = id;
    e.at = at;
    e.author = draft.author;
    e.type = draft.type;
    e.payload = draft.payload;
    e.supersedes = draft.supersedes;
    e.prev = c.heads;
    e.hash = event_content_hash(c.id, e);
    const auto pos = std::upper_bound(c.events.begin(), c.events.end(), e, log_order_less);
    c.events.insert(pos, e);
    c.heads = {e.hash};
    return true;
}

namespace {

// The indexes verify_case needs, as views of the events' own strings (no copies).
struct ChainIndex {
    std::unordered_map<std::string_view, std::size_t> by_hash, by_id;
    std::unordered_set<std::string_view>              altered;  // recorded hashes whose content no longer matches
};

std::string event_path(const std::string& path, std::size_t i) { return path + "/events/" + std::to_string(i); }

// Pass 1: each event on its own (content, identity, order, genesis). Returns the genesis count.
std::size_t check_events(const Case& c, const std::string& file, const std::string& path, ChainIndex& ix,
                         Problems& out) {
    const std::string who = "case " + c.id;
    std::size_t       genesis = 0;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& e = c.events[i];
        if (!ix.by_id.emplace(e.id, i).second)
            out.push_back({file, event_path(path, i) + "/id", who + ": event id " + e.id + " appears twice"});
        if (!digest_equals_hex(event_content_digest(c.id, e), e.hash)) {
            out.push_back({file, event_path(path, i),
                           who + ": event " + e.id + " (" + event_type_name(e.type) + ", recorded " + e.at +
                               ") was changed after it was recorded: its content no longer matches its hash"});
            ix.altered.insert(e.hash);
        }
        ix.by_hash.emplace(e.hash, i);
        if (e.prev.empty()) {
            ++genesis;
            if (e.type != EventType::case_opened)
                out.push_back({file, event_path(path, i),
                               who + ": event " + e.id + " claims to start the log but is not case_opened"});
        }
        if (i > 0 && log_order_less(e, c.events[i - 1]))
            out.push_back({file, event_path(path, i),
                           who + ": event " + e.id + " is out of order (events are kept by time, then id)"});
    }
    return genesis;
}

// Pass 2: the links between events. Returns true when a predecessor is missing.
bool check_links(const Case& c, const std::string& file, const std::string& path, const ChainIndex& ix, Problems& out) {
    bool dangling = false;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
        const Event& e = c.events[i];
        for (const auto& p : e.prev) {
            if (ix.by_hash.count(p) || ix.altered.count(p)) continue;
            dangling = true;
            out.push_back({file, event_path(path, i) + "/prev",
                           "case " + c.id + ": event " + e.id +
                               " was recorded after an event that is no longer in the log (hash " + p.substr(0, 12) +
                               "…): an earlier event was deleted or rewritten"});
        }
        if (!e.supersedes.empty() && !ix.by_id.count(e.supersedes))
            out.push_back(
                {file, event_path(path, i) + "/supersedes",
                 "case " + c.id + ": event " + e.id + " supersedes " + e.supersedes + ", which is not in the log"});
    }
    return dangling;
}

// Pass 3: the recorded heads against the events nothing points at.
void check_heads(const Case& c, const std::string& file, const std::string& path, const ChainIndex& ix, bool dangling,
                 Problems& out) {
    const auto               heads = compute_heads(c);
    std::vector<std::string> recorded = c.heads;
    std::sort(recorded.begin(), recorded.end());
    if (heads == recorded) return;
    const std::string who = "case " + c.id;
    for (const auto& h : recorded)
        if (!ix.by_hash.count(h))
            out.push_back({file, path + "/heads",
                           who + ": the latest recorded event (hash " + h.substr(0, 12) +
                               "…) is missing: the end of the log was removed or changed"});
    // A missing predecessor also leaves an unsealed event: the cause is reported once, above.
    for (const auto& h : heads)
        if (!dangling && !std::count(recorded.begin(), recorded.end(), h))
            out.push_back({file, path + "/heads",
                           who + ": event " + c.events[ix.by_hash.at(h)].id +
                               " is not sealed by the recorded heads: it was added outside the app"});
}

}  // namespace

void verify_case(const Case& c, const std::string& file, const std::string& path, Problems& out) {
    ChainIndex ix;
    ix.by_hash.reserve(c.events.size());
    ix.by_id.reserve(c.events.size());
    const std::size_t genesis = check_events(c, file, path, ix, out);
    if (!c.events.empty() && genesis != 1)
        out.push_back(
            {file, path + "/events",
             "case " + c.id + ": expected exactly one first event (case_opened); found " + std::to_string(genesis)});
    const bool dangling = check_links(c, file, path, ix, out);
    check_heads(c, file, path, ix, dangling, out);
}

Case merge_cases(const Case& a, const Case& b, Problems& out) {
    Case m;
    m.id = a.id;
    if (a.id != b.id) out.push_back({"", "", "cannot merge case " + a.id + " with case " + b.id});
    std::unordered_map<std::string, const Event*> seen;
    for (const Event& e : a.events) seen.emplace(e.id, &e);
    m.events = a.events;
    for (const Event& e : b.events) {
        const auto it = seen.find(e.id);
        if (it == seen.end()) {
            m.events.push_back(e);
        } else if (it->second->hash != e.hash) {
            out.push_back({"", "", "case " + a.id + ": event " + e.id + " differs between the two copies"});
        }
    }
    std::sort(m.events.begin(), m.events.end(), log_order_less);
    m.heads = compute_heads(m);
    return m;
}

std::vector<std::size_t> live_events(const Case& c) {
    std::vector<std::size_t> out;
    out.reserve(c.events.size());
    std::vector<char> dead(c.events.size(), 0);
    // Most logs correct nothing: then there is no id index to build.
    if (std::any_of(c.events.begin(), c.events.end(), [](const Event& e) { return !e.supersedes.empty(); })) {
        // A supersedes link always points to an earlier event (it must exist when appended), so
        // one pass from the end decides liveness: a dead event's own link has no effect.
        std::unordered_map<std::string_view, std::size_t> index;
        index.reserve(c.events.size());
        for (std::size_t i = 0; i < c.events.size(); ++i) index.emplace(c.events[i].id, i);
        for (std::size_t i = c.events.size(); i-- > 0;) {
            const Event& e = c.events[i];
            if (dead[i] || e.supersedes.empty()) continue;
            const auto it = index.find(e.supersedes);
            if (it != index.end() && it->second < i) dead[it->second] = 1;
        }
    }
    for (std::size_t i = 0; i < c.events.size(); ++i)
        if (!dead[i] && c.events[i].type != EventType::retraction) out.push_back(i);
    return out;
}

Json event_to_json(const Event& e) {
    Json j = {{"id", e.id},
              {"at", e.at},
              {"author", {{"name", e.author.name}, {"role", e.author.role}}},
              {"type", stored_type_name(e)},
              {"payload", stored_payload(e)},
              {"prev", e.prev},
              {"hash", e.hash}};
    if (!e.supersedes.empty()) j["supersedes"] = e.supersedes;
    return j;
}

namespace {
// Moves the text out of the parsed document, which is dropped afterwards.
bool take_string(Json& j, const char* key, std::string& into, const std::string& file, const std::string& path,
                 Problems& out, bool required = true) {
    const auto it = j.find(key);
    if (it == j.end()) {
        if (required) out.push_back({file, path + "/" + key, std::string("missing: an event needs ") + key});
        return !required;
    }
    if (!it->is_string()) {
        out.push_back({file, path + "/" + key, "expected a text; found " + it->dump()});
        return false;
    }
    into = std::move(it->get_ref<std::string&>());
    return true;
}
}  // namespace

std::optional<Event> event_from_json(const Json& j, const std::string& file, const std::string& path, Problems& out) {
    Json copy = j;
    return event_from_json(std::move(copy), file, path, out);
}

std::optional<Event> event_from_json(Json&& j, const std::string& file, const std::string& path, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected an event object"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Event             e;
    std::string       type;
    take_string(j, "id", e.id, file, path, out);
    if (take_string(j, "at", e.at, file, path, out) && !is_timestamp(e.at))
        out.push_back({file, path + "/at", "expected a UTC timestamp YYYY-MM-DDTHH:MM:SSZ; found \"" + e.at + "\""});
    take_string(j, "hash", e.hash, file, path, out);
    take_string(j, "supersedes", e.supersedes, file, path, out, false);
    const auto author = j.find("author");
    if (author == j.end() || !author->is_object()) {
        out.push_back({file, path + "/author", "expected an author object {name, role}"});
    } else {
        take_string(*author, "name", e.author.name, file, path + "/author", out);
        take_string(*author, "role", e.author.role, file, path + "/author", out);
        for (auto it = author->begin(); it != author->end(); ++it)  // it would be dropped unseen on the next save
            if (it.key() != "name" && it.key() != "role")
                out.push_back(
                    {file, path + "/author/" + it.key(), "unknown field in an event's author; expected name and role"});
    }
    const bool typed = take_string(j, "type", type, file, path, out);
    const auto prev = j.find("prev");
    if (prev == j.end() || !prev->is_array()) {
        out.push_back({file, path + "/prev", "expected a list of hashes (empty only for case_opened)"});
    } else {
        for (auto& p : *prev) {
            if (p.is_string())
                e.prev.push_back(std::move(p.get_ref<std::string&>()));
            else
                out.push_back({file, path + "/prev", "expected hash texts; found " + p.dump()});
        }
    }
    const auto payload = j.find("payload");
    if (payload == j.end())
        out.push_back({file, path + "/payload", "missing: an event needs a payload"});
    else
        e.payload = std::move(*payload);  // large workspaces: no deep copy
    if (typed && !adopt_stored_type(e, type))
        out.push_back({file, path + "/type",
                       is_legacy_step_type(type)
                           ? "a step stored under its old type name \"" + type + "\" has a step field of its own"
                           : "unknown event type \"" + type + "\"; see docs/workspace-format.md"});
    if (out.size() == before) validate_payload(e.type, e.payload, file, path + "/payload", out);
    for (auto it = j.begin(); it != j.end(); ++it) {
        static const char* known[] = {"id", "at", "author", "type", "payload", "prev", "hash", "supersedes"};
        if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return it.key() == k; }) ==
            std::end(known))
            out.push_back({file, path + "/" + it.key(), "unknown field in an event"});
    }
    if (out.size() != before) return std::nullopt;
    return e;
}

}  // namespace cp
