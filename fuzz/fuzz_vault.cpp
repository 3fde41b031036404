// fuzz_vault: the records a browser's store hands back on unlock, read by open_records.
//
// Input format (what fuzz/corpus/fuzz_vault holds): records separated by the byte 0x1E; each
// record is its key, a newline, then its value.
//   - the value is a plaintext, sealed here under the fixed key with the record's key as
//     associated data, so that it reaches the parsers (meta/app, meta/workspace, case/<id>);
//   - a key written "!key" stores the value's bytes as they are (a damaged or foreign record),
//     and "meta/lock" is always stored as it is (the lock is plain JSON in the real store too).
// A key seen twice keeps its first record, as a store keyed by it would.
//
// Checks: every case record is either opened or reported damaged; every opened case comes from
// the record named after it (so ids stay unique); whatever opened seals again
// (seal_everything) and opens to the same workspace and settings, with nothing damaged but the
// cases the case index names that did not open (reported missing).
#include <algorithm>
#include <set>

#include "common.h"
#include "storage/vault.h"

using namespace cp;
using namespace cp::storage;

namespace {

std::vector<Record> records_of(std::string_view in) {
    std::vector<Record>   out;
    std::set<std::string> keys;
    while (!in.empty()) {
        const auto       end = in.find('\x1e');
        std::string_view chunk = in.substr(0, end);
        in = end == std::string_view::npos ? std::string_view() : in.substr(end + 1);
        const auto             nl = chunk.find('\n');
        std::string            key(chunk.substr(0, nl));
        const std::string_view value = nl == std::string_view::npos ? std::string_view() : chunk.substr(nl + 1);
        const bool             raw = !key.empty() && key[0] == '!';
        if (raw) key.erase(0, 1);
        if (!keys.insert(key).second) continue;
        if (raw || key == kLockKey)
            out.push_back({key, Bytes(value.begin(), value.end())});
        else
            out.push_back({key, seal_record(fuzz::fixed_key(), value, key, fuzz::fixed_random())});
    }
    return out;
}

std::size_t count_prefixed(const std::vector<std::string>& keys) {
    std::size_t n = 0;
    for (const auto& k : keys) n += k.rfind(kCasePrefix, 0) == 0;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<Record> records = records_of(fuzz::text(data, size));
    (void)read_lock(records);

    const Opened opened = open_records(records, fuzz::fixed_key());
    if (!opened.workspace) {
        bool reported = false;
        for (const Damage& d : opened.damaged) reported = reported || d.key == kWorkspaceKey;
        fuzz::check(reported, "an unreadable workspace record is reported");
        return 0;
    }
    std::vector<std::string> record_keys, damaged_keys;
    for (const Record& r : records) record_keys.push_back(r.key);
    for (const Damage& d : opened.damaged)  // the index's cases without a record are reported too: not counted here
        if (std::find(record_keys.begin(), record_keys.end(), d.key) != record_keys.end())
            damaged_keys.push_back(d.key);
    fuzz::check(count_prefixed(record_keys) == opened.workspace->cases.size() + count_prefixed(damaged_keys),
                "every case record is opened or reported damaged");
    std::set<std::string> case_keys;
    for (const Case& c : opened.workspace->cases) {
        fuzz::check(case_keys.insert(case_key(c.id)).second, "case ids stay unique when the records open");
        fuzz::check(std::find(record_keys.begin(), record_keys.end(), case_key(c.id)) != record_keys.end(),
                    "every opened case comes from the record named after it");
    }

    const Opened again =
        open_records(seal_everything(*opened.workspace, opened.app, fuzz::fixed_key()), fuzz::fixed_key());
    fuzz::check(again.workspace.has_value(), "what opened seals again and reopens");
    for (const Damage& d : again.damaged)  // only what the index names and did not open: still missing
        fuzz::check(opened.app.case_names.count(d.case_id) && !find_case(*opened.workspace, d.case_id) &&
                        d.reason == "the case's record is missing from this browser's storage",
                    "what opened reopens undamaged, less the indexed cases that did not open");
    fuzz::check(workspace_to_json(*again.workspace) == workspace_to_json(*opened.workspace),
                "the workspace survives a save");
    fuzz::check(app_settings_to_json(again.app) == app_settings_to_json(opened.app), "the settings survive a save");
    return 0;
}
