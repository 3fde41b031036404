// Records that decrypt but hold something the app never writes are reported as damaged, and
// never end the program or corrupt the workspace (docs/fuzzing.md, findings):
//   - a number too large for a double (1e400) in meta/workspace made nlohmann throw out_of_range
//     through open_records (found by fuzz_vault);
//   - a case nested too deeply overflowed the stack when it was checked;
//   - a case filed under another case's key opened under the wrong name (two cases with one id).
#include <doctest/doctest.h>

#include "../crypto/fixed_keys.h"
#include "engine/demo.h"
#include "storage/vault.h"

using namespace cp;
using namespace cptest;
using namespace cp::storage;

namespace {

Record sealed(const std::string& key_name, const std::string& text, const SecretKey& key) {
    return {key_name, seal_record(key, text, key_name)};
}

std::vector<Record> demo_records(const SecretKey& key) {
    const Workspace ws = make_demo_workspace();
    AppSettings     app;
    update_case_names(app, ws);
    return seal_everything(ws, app, key);
}

}  // namespace

TEST_CASE("vault-malformed-records/number-overflow-in-the-workspace-record-is-damage") {
    const SecretKey           key = key_of(3);
    const std::vector<Record> records = {
        sealed(kWorkspaceKey, R"({"format":"caseplan-workspace","version":1,"own_school":1e400,"cases":[]})", key)};
    Opened o;
    CHECK_NOTHROW(o = open_records(records, key));
    CHECK_FALSE(o.workspace);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].key == kWorkspaceKey);
    CHECK(o.damaged[0].reason.find("number overflow") != std::string::npos);
}

TEST_CASE("vault-malformed-records/a-case-nested-too-deep-is-damage-the-rest-opens") {
    const SecretKey     key = key_of(4);
    std::vector<Record> records = demo_records(key);
    const std::size_t   cases = records.size() - 2;
    records.push_back(sealed(
        "case/DEEP",
        R"({"id":"DEEP","heads":[],"events":[{"payload":)" + std::string(600, '[') + std::string(600, ']') + "}]}",
        key));
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.workspace->cases.size() == cases);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].case_id == "DEEP");
    CHECK(o.damaged[0].reason.find("nested more than") != std::string::npos);
}

TEST_CASE("vault-malformed-records/a-case-under-another-cases-key-is-damage") {
    const SecretKey     key = key_of(5);
    const Workspace     ws = make_demo_workspace();
    std::vector<Record> records = demo_records(key);
    // The second case's content, sealed (correctly) under the first case's key.
    const Record second = seal_case(ws.cases[1], key);
    const auto   second_text = open_record(key, second.value, second.key);
    REQUIRE(second_text);
    const std::string first_key = case_key(ws.cases[0].id);
    REQUIRE(records[2].key == first_key);
    records[2] = sealed(first_key, *second_text, key);
    const Opened o = open_records(records, key);
    REQUIRE(o.workspace);
    CHECK(o.workspace->cases.size() == ws.cases.size() - 1);
    REQUIRE(o.damaged.size() == 1);
    CHECK(o.damaged[0].key == first_key);
    CHECK(o.damaged[0].reason.find(ws.cases[1].id) != std::string::npos);
    int copies = 0;
    for (const Case& c : o.workspace->cases) copies += c.id == ws.cases[1].id;
    CHECK(copies == 1);
}
