#include "storage/vault.h"

#include <algorithm>
#include <set>

namespace cp::storage {
namespace {

Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }

Record seal_text(const std::string& key_name, std::string text, const SecretKey& key) {
    Record r{key_name, seal_record(key, text, key_name)};
    wipe(text);
    return r;
}

Json case_to_json(const Case& c) {
    Json events = Json::array();
    for (const Event& e : c.events) events.push_back(event_to_json(e));
    return {{"id", c.id}, {"heads", c.heads}, {"events", std::move(events)}};
}

// A one-case workspace document around the case's text, so the engine's strict parser and
// verifier read it exactly as they read a whole workspace file. Built in one allocation of its
// final size: a concatenation's intermediate copies of the case would be freed unwiped.
std::string one_case_document(const Workspace& meta, const std::string& case_text) {
    Workspace shell;
    shell.own = meta.own;
    const std::string frame = workspace_to_json(shell, false);
    const std::string empty_cases = "\"cases\":[]";
    const auto        at = frame.find(empty_cases);
    std::string       doc;
    doc.reserve(frame.size() + case_text.size());
    doc.append(frame, 0, at + empty_cases.size() - 1).append(case_text).append(frame, at + empty_cases.size() - 1);
    return doc;
}

std::string first_problem(const Problems& p) {
    return p.empty() ? std::string("unknown problem") : p.front().to_string();
}

Damage damage_of(const Record& r, const AppSettings& app, std::string reason) {
    Damage d{r.key, "", "", std::move(reason)};
    if (r.key.rfind(kCasePrefix, 0) == 0) {
        d.case_id = r.key.substr(std::char_traits<char>::length(kCasePrefix));
        if (auto it = app.case_names.find(d.case_id); it != app.case_names.end()) d.pupil_name = it->second;
    }
    return d;
}

const Record* find_record(const std::vector<Record>& records, const std::string& key) {
    for (const Record& r : records)
        if (r.key == key) return &r;
    return nullptr;
}

void open_case_record(const Record& r, const SecretKey& key, Opened& out) {
    auto plain = open_record(key, r.value, r.key);
    if (!plain) {
        out.damaged.push_back(
            damage_of(r, out.app, "the stored record was changed or damaged and cannot be decrypted"));
        return;
    }
    Problems    problems, integrity;
    std::string doc = one_case_document(*out.workspace, *plain);
    wipe(*plain);
    auto one = load_workspace(doc, r.key, problems, integrity);
    wipe(doc);
    if (!one || one->cases.size() != 1) {
        out.damaged.push_back(damage_of(r, out.app, "the stored case is not readable: " + first_problem(problems)));
        return;
    }
    if (!integrity.empty()) {
        out.damaged.push_back(
            damage_of(r, out.app, "the case's history fails its integrity check: " + first_problem(integrity)));
        return;
    }
    // The record's key names its case: a case filed under another key would open twice, or
    // shadow the case of that id. See docs/fuzzing.md, findings.
    if (case_key(one->cases.front().id) != r.key) {
        out.damaged.push_back(damage_of(
            r, out.app, "the stored case is case " + one->cases.front().id + ", not the one its record names"));
        return;
    }
    out.workspace->cases.push_back(std::move(one->cases.front()));
}

}  // namespace

std::string case_key(const std::string& case_id) { return kCasePrefix + case_id; }

Json app_settings_to_json(const AppSettings& s) {
    return {{"idle_lock_minutes", s.idle_lock_minutes},
            {"backup_reminder_days", s.backup_reminder_days},
            {"last_export", s.last_export},
            {"text_scale_percent", s.text_scale_percent},
            {"dark_theme", s.dark_theme},
            {"case_names", s.case_names}};
}

AppSettings app_settings_from_json(const Json& j) {
    AppSettings s;
    if (!j.is_object()) return s;
    const auto int_in = [&](const char* k, int lo, int hi, int& into) {
        if (auto it = j.find(k); it != j.end() && it->is_number_integer()) into = std::clamp(it->get<int>(), lo, hi);
    };
    int_in("idle_lock_minutes", 0, 480, s.idle_lock_minutes);
    int_in("backup_reminder_days", 1, 365, s.backup_reminder_days);
    int_in("text_scale_percent", 80, 160, s.text_scale_percent);
    if (auto it = j.find("last_export"); it != j.end() && it->is_string()) s.last_export = it->get<std::string>();
    if (auto it = j.find("dark_theme"); it != j.end() && it->is_boolean()) s.dark_theme = it->get<bool>();
    if (auto it = j.find("case_names"); it != j.end() && it->is_object())
        for (auto n = it->begin(); n != it->end(); ++n)
            if (n->is_string()) s.case_names[n.key()] = n->get<std::string>();
    return s;
}

Record lock_record(const WorkspaceLock& lock) { return {kLockKey, bytes_of(to_json(lock).dump())}; }

std::optional<WorkspaceLock> read_lock(const std::vector<Record>& records) {
    const Record* r = find_record(records, kLockKey);
    if (!r) return std::nullopt;
    const Json j = Json::parse(r->value.begin(), r->value.end(), nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return workspace_lock_from_json(j);
}

Record seal_meta(const Workspace& ws, const SecretKey& key) {
    Workspace meta;
    meta.own = ws.own;
    meta.schools = ws.schools;
    meta.staff = ws.staff;
    meta.calendar = ws.calendar;
    meta.packs = ws.packs;
    return seal_text(kWorkspaceKey, workspace_to_json(meta, false), key);
}

Record seal_app(const AppSettings& app, const SecretKey& key) {
    return seal_text(kAppKey, app_settings_to_json(app).dump(), key);
}

Record seal_case(const Case& c, const SecretKey& key) { return seal_text(case_key(c.id), case_to_json(c).dump(), key); }

std::vector<Record> seal_everything(const Workspace& ws, const AppSettings& app, const SecretKey& key) {
    std::vector<Record> out{seal_meta(ws, key), seal_app(app, key)};
    for (const Case& c : ws.cases) out.push_back(seal_case(c, key));
    return out;
}

namespace {

std::string latest_pupil_name(const Case& c) {
    std::string name;
    for (const Event& e : c.events)  // the latest pupil name recorded wins
        if (e.type == EventType::case_opened || e.type == EventType::pupil_details)
            if (auto n = payload_text(e.payload, "pupil_name"); !n.empty()) name = n;
    return name;
}

}  // namespace

bool update_case_name(AppSettings& app, const Case& c) {
    std::string name = latest_pupil_name(c);
    const auto  it = app.case_names.find(c.id);
    if (it != app.case_names.end() && it->second == name) return false;
    app.case_names[c.id] = std::move(name);
    return true;
}

bool update_case_names(AppSettings& app, const Workspace& ws) {
    std::map<std::string, std::string> names;
    for (const Case& c : ws.cases) names[c.id] = latest_pupil_name(c);
    if (names == app.case_names) return false;
    app.case_names = std::move(names);
    return true;
}

Opened open_records(const std::vector<Record>& records, const SecretKey& key) {
    Opened out = open_meta(records, key);
    if (!out.workspace) return out;
    for (const Record& r : records) open_case(r, key, out);
    report_missing(out);
    return out;
}

// Cases are never deleted, and a case is written in the same transaction as its index entry, so
// an indexed case with no record at all was removed by something other than this app.
void report_missing(Opened& into) {
    if (!into.workspace) return;
    std::set<std::string> seen;
    for (const Case& c : into.workspace->cases) seen.insert(c.id);
    for (const Damage& d : into.damaged) seen.insert(d.case_id);
    for (const auto& [id, name] : into.app.case_names)
        if (!seen.count(id))
            into.damaged.push_back(
                {case_key(id), id, name, "the case's record is missing from this browser's storage"});
}

void open_case(const Record& r, const SecretKey& key, Opened& into) {
    if (into.workspace && r.key.rfind(kCasePrefix, 0) == 0) open_case_record(r, key, into);
}

Opened open_meta(const std::vector<Record>& records, const SecretKey& key) {
    Opened out;
    if (const Record* r = find_record(records, kAppKey)) {
        if (auto plain = open_record(key, r->value, r->key)) {
            out.app = app_settings_from_json(Json::parse(*plain, nullptr, false));
            wipe(*plain);
        } else {
            out.damaged.push_back(damage_of(*r, out.app, "the app settings record is damaged; defaults are used"));
        }
    }
    const Record*              meta = find_record(records, kWorkspaceKey);
    std::optional<std::string> plain = meta ? open_record(key, meta->value, meta->key) : std::nullopt;
    Problems                   problems;
    if (plain) out.workspace = parse_workspace(*plain, kWorkspaceKey, problems);
    if (plain) wipe(*plain);
    if (!out.workspace) {
        out.damaged.push_back(
            {kWorkspaceKey, "", "",
             meta ? "the workspace record is damaged: " + first_problem(problems) : "the workspace record is missing"});
    }
    return out;
}

}  // namespace cp::storage
