#include "engine/workspace_read.h"

#include "engine/json_scan.h"

namespace cp {
namespace {

// The envelope fields of a stored event, one bit each.
enum Field : unsigned {
    kId = 1,
    kAt = 2,
    kAuthor = 4,
    kType = 8,
    kPayload = 16,
    kPrev = 32,
    kHash = 64,
    kSupersedes = 128
};
constexpr unsigned kRequired = kId | kAt | kAuthor | kType | kPayload | kPrev | kHash;

unsigned field_of(const std::string& key) {
    static constexpr std::pair<std::string_view, Field> fields[] = {
        {"id", kId},           {"at", kAt},     {"author", kAuthor}, {"type", kType},
        {"payload", kPayload}, {"prev", kPrev}, {"hash", kHash},     {"supersedes", kSupersedes}};
    for (const auto& [name, f] : fields)
        if (key == name) return f;
    return 0;
}

// Exactly {name, role}, both texts.
bool read_author(JsonScanner& s, Author& a) {
    unsigned   seen = 0;
    const bool ok = s.object([&](const std::string& key) {
        const unsigned bit = key == "name" ? 1 : key == "role" ? 2 : 0;
        if (!bit || (seen & bit)) return false;
        seen |= bit;
        return s.text(bit == 1 ? a.name : a.role);
    });
    return ok && seen == 3;
}

bool read_member(JsonScanner& s, Field f, Event& e, std::string& type) {
    switch (f) {
        case kId: return s.text(e.id);
        case kAt: return s.text(e.at);
        case kAuthor: return read_author(s, e.author);
        case kType: return s.text(type);
        case kPayload: return s.value(e.payload);
        case kPrev: return s.array([&] { return s.text(e.prev.emplace_back()); });
        case kHash: return s.text(e.hash);
        case kSupersedes: return s.text(e.supersedes);
    }
    return false;
}

// One event, accepted only when the reference reader would accept it without a problem.
bool read_event(JsonScanner& s, Event& e) {
    unsigned    seen = 0;
    std::string type;
    const bool  ok = s.object([&](const std::string& key) {
        const unsigned f = field_of(key);
        if (!f || (seen & f)) return false;
        seen |= f;
        return read_member(s, Field(f), e, type);
    });
    if (!ok || (seen & kRequired) != kRequired || !is_timestamp(e.at)) return false;
    if (!adopt_stored_type(e, type)) return false;
    Problems problems;
    validate_payload(e.type, e.payload, "", "", problems);
    return problems.empty();
}

// One case object: its events are converted and its "events" list left empty.
bool read_case(JsonScanner& s, Json& c, std::vector<Event>& events, std::size_t& seen) {
    c = Json::object();
    auto& members = c.get_ref<Json::object_t&>();
    return s.object([&](const std::string& key) {
        const auto [it, fresh] = members.try_emplace(key);
        if (!fresh) return false;
        if (key != "events") return s.value(it->second);
        it->second = Json::array();
        return s.array([&] {
            ++seen;
            return read_event(s, events.emplace_back());
        });
    });
}

bool read_cases(JsonScanner& s, Json& cases, StreamedEvents& streamed) {
    cases = Json::array();
    auto& list = cases.get_ref<Json::array_t&>();
    return s.array([&] {
        streamed.by_case.emplace_back();
        streamed.seen.push_back(0);
        return read_case(s, list.emplace_back(), streamed.by_case.back(), streamed.seen.back());
    });
}

}  // namespace

bool read_workspace_fast(std::string_view text, Json& root, StreamedEvents& streamed) {
    JsonScanner s(text);
    root = Json::object();
    auto&      members = root.get_ref<Json::object_t&>();
    const bool ok = s.object([&](const std::string& key) {
        const auto [it, fresh] = members.try_emplace(key);
        if (!fresh) return false;
        return key == "cases" ? read_cases(s, it->second, streamed) : s.value(it->second);
    });
    return ok && s.finished();
}

bool read_workspace_reference(std::string_view text, const std::string& file, Json& root, StreamedEvents& streamed,
                              Problems& event_problems, Problems& out) {
    std::string key1, key3;       // the keys the parser is under at depths 1 and 3
    std::size_t cases_begun = 0;  // the case being read is cases_begun - 1
    struct TooDeep {};
    const auto on_event = [&](int depth, Json::parse_event_t ev, Json& parsed) {
        using P = Json::parse_event_t;
        if (depth > kMaxJsonDepth) throw TooDeep{};  // the document's later walks recurse (docs/fuzzing.md, findings)
        if (ev == P::key && depth == 1) key1 = parsed.get<std::string>();
        if (ev == P::key && depth == 3) key3 = parsed.get<std::string>();
        if (key1 != "cases") return true;
        if (ev == P::object_start && depth == 2) {
            ++cases_begun;
            key3.clear();
            streamed.by_case.emplace_back();
            streamed.seen.push_back(0);
        }
        const bool element = depth == 4 && key3 == "events" && cases_begun > 0 &&
                             (ev == P::object_end || ev == P::value || ev == P::array_end);
        if (!element) return true;
        const std::size_t case_pos = cases_begun - 1;
        const std::size_t k = streamed.seen[case_pos]++;
        if (ev != P::object_end) return true;  // left in place for read_cases to report
        const std::string path = "/cases/" + std::to_string(case_pos) + "/events/" + std::to_string(k);
        if (auto e = event_from_json(std::move(parsed), file, path, event_problems))
            streamed.by_case[case_pos].push_back(std::move(*e));
        return false;  // drop it from the document
    };
    try {
        root = Json::parse(text, on_event);
    } catch (const TooDeep&) {
        out.push_back({file, "", "not valid JSON: " + too_deep_message()});
        return false;
    } catch (
        const Json::exception& e) {  // parse_error, or out_of_range for a number like 1e400 (docs/fuzzing.md, findings)
        out.push_back({file, "", std::string("not valid JSON: ") + e.what()});
        return false;
    }
    return true;
}

}  // namespace cp
