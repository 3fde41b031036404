// The vault: a workspace kept as sealed per-case records. Real libsodium, real engine.
#include <doctest/doctest.h>

#include <algorithm>

#include "../crypto/fixed_keys.h"
#include "engine/demo.h"
#include "storage/vault.h"

using namespace cp;
using namespace cptest;
using namespace cp::storage;

namespace {

Record* find(std::vector<Record>& rs, const std::string& key) {
    for (auto& r : rs)
        if (r.key == key) return &r;
    return nullptr;
}

bool contains(const Bytes& hay, const std::string& needle) {
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace

TEST_CASE("vault/round-trip-of-the-demo-workspace") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    app.last_export = "2026-11-01";
    update_case_names(app, ws);
    const SecretKey key = key_of(7);
    const auto      records = seal_everything(ws, app, key);
    CHECK(records.size() == ws.cases.size() + 2);
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.damaged.empty());
    CHECK(workspace_to_json(*o.workspace) == workspace_to_json(ws));
    CHECK(o.app.last_export == "2026-11-01");
    CHECK(o.app.case_names.size() == ws.cases.size());
}

TEST_CASE("vault/no-pupil-name-in-the-stored-bytes") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    const auto        records = seal_everything(ws, app, key_of(3));
    const std::string name = app.case_names.begin()->second;
    REQUIRE(name.size() > 4);
    for (const Record& r : records) {
        CHECK_FALSE(contains(r.value, name));
        CHECK_FALSE(contains(r.value, ws.own.name));
    }
}

TEST_CASE("vault/a-changed-case-record-is-reported-by-pupil-name-and-the-rest-opens") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    const SecretKey key = key_of(9);
    auto            records = seal_everything(ws, app, key);
    const Case&     victim = ws.cases[1];
    Record*         r = find(records, case_key(victim.id));
    REQUIRE(r);
    r->value[r->value.size() / 2] ^= 0x01;
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.workspace->cases.size() == ws.cases.size() - 1);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].case_id == victim.id);
    CHECK(o.damaged[0].pupil_name == app.case_names[victim.id]);
    CHECK_FALSE(o.damaged[0].pupil_name.empty());
    CHECK(find_case(*o.workspace, victim.id) == nullptr);
}

// The app opens a large workspace a slice at a time (to show progress): meta first, then each
// record in turn must give what opening them all at once gives, damage included.
TEST_CASE("vault/opening-record-by-record-equals-opening-all-at-once") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    const SecretKey key = key_of(5);
    auto            records = seal_everything(ws, app, key);
    Record*         r = find(records, case_key(ws.cases[2].id));
    REQUIRE(r);
    r->value[r->value.size() / 3] ^= 0x40;
    const Opened whole = open_records(records, key);
    Opened       steps = open_meta(records, key);
    REQUIRE(steps.workspace);
    CHECK(steps.workspace->cases.empty());
    for (const Record& rec : records) open_case(rec, key, steps);  // meta records are skipped
    report_missing(steps);
    REQUIRE(whole.workspace);
    CHECK(workspace_to_json(*steps.workspace) == workspace_to_json(*whole.workspace));
    CHECK(steps.workspace->cases.size() == ws.cases.size() - 1);
    REQUIRE(steps.damaged.size() == 1);
    CHECK(steps.damaged[0].case_id == ws.cases[2].id);
    CHECK(steps.damaged[0].pupil_name == whole.damaged[0].pupil_name);
}

TEST_CASE("vault/without-the-workspace-record-open-meta-stops") {
    const Workspace ws = make_demo_workspace();
    const SecretKey key = key_of(6);
    auto            records = seal_everything(ws, AppSettings{}, key);
    std::erase_if(records, [](const Record& rec) { return rec.key == kWorkspaceKey; });
    Opened o = open_meta(records, key);
    CHECK_FALSE(o.workspace);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].reason == "the workspace record is missing");
    for (const Record& rec : records) open_case(rec, key, o);  // nothing to add the cases to
    CHECK_FALSE(o.workspace);
}

TEST_CASE("vault/a-deleted-case-record-is-reported-by-pupil-name-and-the-rest-opens") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    const SecretKey key = key_of(4);
    auto            records = seal_everything(ws, app, key);
    const Case&     gone = ws.cases[0];
    std::erase_if(records, [&](const Record& rec) { return rec.key == case_key(gone.id); });
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.workspace->cases.size() == ws.cases.size() - 1);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].case_id == gone.id);
    CHECK(o.damaged[0].key == case_key(gone.id));
    CHECK(o.damaged[0].pupil_name == app.case_names[gone.id]);
    CHECK(o.damaged[0].reason == "the case's record is missing from this browser's storage");
}

TEST_CASE("vault/a-damaged-case-is-not-also-reported-missing") {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    const SecretKey key = key_of(2);
    auto            records = seal_everything(ws, app, key);
    Record*         r = find(records, case_key(ws.cases[0].id));
    REQUIRE(r);
    r->value.back() ^= 0x01;
    CHECK(open_records(records, key).damaged.size() == 1);
}

TEST_CASE("vault/a-record-moved-under-another-key-does-not-open") {
    const Workspace ws = make_demo_workspace();
    const SecretKey key = key_of(4);
    auto            records = seal_everything(ws, {}, key);
    Record*         a = find(records, case_key(ws.cases[0].id));
    Record*         b = find(records, case_key(ws.cases[1].id));
    std::swap(a->value, b->value);
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.damaged.size() == 2);
    CHECK(o.workspace->cases.size() == ws.cases.size() - 2);
}

TEST_CASE("vault/a-log-sealed-after-tampering-fails-the-hash-chain") {
    Workspace ws = make_demo_workspace();
    ws.cases[0].events[2].payload["tampered"] = true;  // re-sealed with the right key: only the chain can tell
    const SecretKey key = key_of(5);
    const Opened    o = open_records(seal_everything(ws, {}, key), key);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].case_id == ws.cases[0].id);
}

TEST_CASE("vault/wrong-key-opens-nothing") {
    const Workspace ws = make_demo_workspace();
    const auto      records = seal_everything(ws, {}, key_of(1));
    const Opened    o = open_records(records, key_of(2));
    CHECK_FALSE(o.workspace);
    CHECK_FALSE(o.damaged.empty());
}

TEST_CASE("vault/lock-record-is-plain-and-checks-the-key") {
    const SecretKey key = key_of(8);
    KdfSettings     kdf;
    kdf.salt.fill(0x42);
    const Record r = lock_record(make_workspace_lock(key, kdf));
    CHECK(r.key == kLockKey);
    const auto lock = read_lock({r});
    REQUIRE(lock);
    CHECK(key_matches(key, *lock));
    CHECK_FALSE(key_matches(key_of(9), *lock));
    CHECK_FALSE(read_lock({}));
    CHECK_FALSE(read_lock({{kLockKey, Bytes{'{', 'x'}}}));
}

TEST_CASE("vault/one-case-record-per-save") {
    Workspace       ws = make_demo_workspace();
    const SecretKey key = key_of(6);
    auto            records = seal_everything(ws, {}, key);
    Case&           c = ws.cases[0];
    REQUIRE(append_event(c, {{"Ms Test", "DHT"}, EventType::note, {{"text", "Phoned parent"}}, ""}, "x-1",
                         "2026-11-21T10:00:00Z"));
    *find(records, case_key(c.id)) = seal_case(c, key);
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.damaged.empty());
    CHECK(find_case(*o.workspace, c.id)->events.size() == c.events.size());
}

TEST_CASE("vault/case-index-follows-the-cases") {
    Workspace   ws = make_demo_workspace();
    AppSettings app;
    CHECK(update_case_names(app, ws));
    CHECK_FALSE(update_case_names(app, ws));
    ws.cases.pop_back();
    CHECK(update_case_names(app, ws));
    CHECK(app.case_names.size() == ws.cases.size());
}

TEST_CASE("vault/one-case-name-is-updated-without-the-others") {
    Workspace   ws = make_demo_workspace();
    AppSettings app;
    update_case_names(app, ws);
    CHECK_FALSE(update_case_name(app, ws.cases.front()));  // unchanged: nothing to write
    Case added = ws.cases.front();
    added.id = "C-NEW-1";
    ws.cases.push_back(added);
    CHECK(update_case_name(app, ws.cases.back()));
    CHECK(app.case_names.at("C-NEW-1") == app.case_names.at(ws.cases.front().id));
    CHECK_FALSE(update_case_name(app, ws.cases.back()));
    CHECK_FALSE(update_case_names(app, ws));  // the whole index agrees with the one-case update
}

TEST_CASE("vault/app-settings-are-read-leniently") {
    const AppSettings s = app_settings_from_json(
        Json::parse(R"({"idle_lock_minutes": 100000, "dark_theme": "yes", "text_scale_percent": 120})"));
    CHECK(s.idle_lock_minutes == 480);
    CHECK_FALSE(s.dark_theme);
    CHECK(s.text_scale_percent == 120);
    CHECK(app_settings_from_json(Json()).idle_lock_minutes == 10);
}
