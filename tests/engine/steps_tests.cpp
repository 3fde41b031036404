// A protocol's own steps (docs/protocol-packs.md, "Steps"): declared by the pack, recorded as one generic
// entry, required by its gates, counted by its cadence, printed by its forms; and the entries a version 1
// workspace stored under the steps' old type names (docs/workspace-format.md, "The version rule").
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/case_log.h"
#include "engine/case_state.h"
#include "engine/pack.h"
#include "engine/workspace.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;

namespace {

// A local pack with one step and the given rules and forms, checked alone (as a file loaded in Settings).
std::string pack_text(const Json& steps, const Json& rules, const Json& forms = Json::array()) {
    Json p = {
        {"format", "caseplan-pack"},
        {"version", 1},
        {"id", "step-county"},
        {"name", "Step County Protocol"},
        {"local_authority", "Step County Council"},
        {"extends", "england-baseline"},
        {"sources", {{{"id", "p"}, {"title", "Protocol"}, {"publisher", "Step County Council"}, {"date", "2026"}}}},
        {"steps", steps},
        {"rules", rules}};
    if (!forms.empty()) p["forms"] = forms;
    return p.dump();
}

Json gate_requiring(const char* word) {
    return {{"id", "step-county/gate"},
            {"kind", "gate"},
            {"severity", "blocks"},
            {"message", "Not before the step."},
            {"citation", {{"source", "p"}, {"paragraph", "1"}}},
            {"params", {{"action", "sign_agreement"}, {"requires", word}}}};
}

const Json kTaster = Json::array({{{"id", "taster_day"}, {"label", "Taster day"}, {"asks", {"attendees"}}}});

Problems problems_of(const std::string& text) {
    Problems out;
    parse_pack(text, "step-county.json", out);
    return out;
}

}  // namespace

TEST_CASE("steps/a-gate-may-require-a-step-the-pack-declares-and-no-other") {
    CHECK(problems_of(pack_text(kTaster, Json::array({gate_requiring("taster_day")}))).empty());
    const Problems p = problems_of(pack_text(Json::array(), Json::array({gate_requiring("taster_day")})));
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/rules/0/params/requires");
    CHECK(p[0].message.find("or a step of this protocol (no steps are declared); found \"taster_day\"") !=
          std::string::npos);
}

TEST_CASE("steps/a-step-is-declared-once-with-its-own-id-and-known-fields") {
    const Json     bad = Json::array({{{"id", "taster_day"}, {"label", "Taster day"}, {"asks", {"distance"}}},
                                      {{"id", "taster_day"}, {"label", "Again"}},
                                      {{"id", "parent_consent"}, {"label", "A vocabulary word"}},
                                      {{"id", "Taster Day"}, {"label", "Spaces"}},
                                      {{"id", "visit"}, {"label", "Visit"}, {"action", "start_placement"}}});
    const Problems p = problems_of(pack_text(bad, Json::array()));
    std::string    all;
    for (const Problem& x : p) all += x.path + ": " + x.message + "\n";
    CHECK(all.find("/steps/0/asks/0: expected one of signed_by, attendees, schools, notes; found \"distance\"") !=
          std::string::npos);
    CHECK(all.find("/steps/4/action: expected one of record_details, hold_review") != std::string::npos);
    CHECK(all.find("/steps/3/id: expected lower-case letters, digits and underscores") != std::string::npos);
    // the two id checks run once every step has been read
    const Problems q = problems_of(pack_text(Json::array({{{"id", "taster_day"}, {"label", "Taster day"}},
                                                          {{"id", "taster_day"}, {"label", "Again"}},
                                                          {{"id", "parent_consent"}, {"label", "Word"}}}),
                                             Json::array()));
    REQUIRE(q.size() == 2);
    CHECK(q[0].message == "step id \"taster_day\" appears twice");
    CHECK(q[1].message == "\"parent_consent\" is already a word of the vocabulary; give the step its own id");
}

TEST_CASE("steps/a-form-prints-the-date-of-a-declared-step") {
    const Json form = {
        {"id", "step_form"},
        {"name", "Step form"},
        {"title", "Step form"},
        {"sections", {{{"heading", "Steps"}, {"fields", {{{"label", "Taster day"}, {"value", "step.taster"}}}}}}}};
    const Problems p = problems_of(pack_text(kTaster, Json::array(), Json::array({form})));
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/forms/0/sections/0/fields/0/value");
    CHECK(p[0].message.find("its steps are taster_day; found \"step.taster\"") != std::string::npos);
}

// Thurrock Managed Move Protocol: a signed GDPR form is held before the pupil's information is shared.
TEST_CASE("steps/thurrock-the-signed-gdpr-form-is-a-step-its-gates-require") {
    Scenario    sc("thurrock", "managed_move");
    const Pack& pk = sc.pk;
    REQUIRE(pk.find_step("gdpr_form_signed"));
    CHECK(pk.find_step("gdpr_form_signed")->label == "Signed GDPR form held");
    CHECK(entry_label(EventType::step_recorded, {{"step", "gdpr_form_signed"}}, &pk) == "Signed GDPR form held");
    CHECK(entry_label(EventType::step_recorded, {{"step", "visit_held"}}, &pk) ==
          "A step the protocol no longer lists");
    sc.add(EventType::step_recorded, {{"step", "gdpr_form_signed"}, {"date", "2026-09-08"}, {"signed_by", "A Parent"}});
    const CaseState s = sc.state();
    REQUIRE(s.steps.count("gdpr_form_signed"));
    CHECK(s.steps.at("gdpr_form_signed") == std::vector<Date>{d("2026-09-08")});
}

TEST_CASE("steps/a-new-entry-names-a-step-its-protocol-lists") {
    Scenario           sc("thurrock", "managed_move");
    const DraftVerdict v =
        sc.check(EventType::step_recorded, {{"step", "visit_held"}, {"date", "2026-09-08"}}, "2026-09-08");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "engine/unknown-step"));
    CHECK(sc.check(EventType::step_recorded, {{"step", "gdpr_form_signed"}, {"date", "2026-09-08"}}, "2026-09-08")
              .allowed);
}

// Oxfordshire Managed Move Protocol, paragraph 6: the arrangements are reviewed every two weeks; the
// pack's progress_check step does what a review does for the cadence.
TEST_CASE("steps/oxfordshire-a-progress-check-is-a-way-of-holding-a-review") {
    const Pack pk = pack("oxfordshire");
    REQUIRE(pk.find_step("progress_check"));
    CHECK(action_of({{}, EventType::step_recorded, {{"step", "progress_check"}}, ""}, pk) == "hold_review");
    CHECK(action_of({{}, EventType::step_recorded, {{"step", "visit_held"}}, ""}, pk) == "record_details");
    const auto hidden = unasked_step_fields(*pk.find_step("visit_held"));
    CHECK(hidden == std::vector<std::string>{"step", "signed_by", "schools", "notes"});
}

#ifndef __EMSCRIPTEN__  // the saved workspace is read from the source tree, which the wasm build cannot see
namespace {
std::string fixture(const char* name) {
    std::ifstream      in(std::string(CP_SOURCE_DIR) + "/tests/engine/fixtures/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

// A workspace saved in version 1 (three demonstration cases, written by the build before steps): its
// entries stored as gdpr_form_signed, visit_held, progress_check and nearest_schools_listed read as
// steps, keep their hashes, and are written back byte for byte as they were stored.
TEST_CASE("steps/a-version-1-workspace-reads-its-old-entries-as-steps-and-keeps-them-as-stored") {
    const std::string text = fixture("before-steps.json");
    REQUIRE_FALSE(text.empty());
    Problems                 problems, integrity;
    std::optional<Workspace> ws = load_workspace(text, "before-steps.json", problems, integrity);
    for (const Problem& p : problems) MESSAGE(p.to_string());
    for (const Problem& p : integrity) MESSAGE(p.to_string());
    REQUIRE(ws);
    CHECK(problems.empty());
    CHECK(integrity.empty());  // every hash recomputed over the entry as stored
    const Json stored = Json::parse(text);
    int        legacy = 0;
    for (std::size_t c = 0; c < ws->cases.size(); ++c)
        for (std::size_t i = 0; i < ws->cases[c].events.size(); ++i) {
            const Event& e = ws->cases[c].events[i];
            legacy += e.legacy_step;
            const Json& original = stored["cases"][c]["events"][i];
            CHECK(event_to_json(e) == original);
            if (e.legacy_step) {
                CHECK(e.type == EventType::step_recorded);
                CHECK(e.payload["step"] == original["type"]);
            }
        }
    CHECK(legacy == 5);
    const CaseState ox = replay(*find_case(*ws, "DEMO-OX-1"));
    CHECK(ox.steps.count("visit_held") == 1);
    CHECK(ox.steps.at("progress_check").size() == 2);
    CHECK(replay(*find_case(*ws, "DEMO-NO-1")).steps.count("nearest_schools_listed") == 1);
    CHECK(replay(*find_case(*ws, "DEMO-TH-1")).steps.count("gdpr_form_signed") == 1);
    // written back as version 2, and read again the same
    const std::string again = workspace_to_json(*ws);
    CHECK(Json::parse(again)["version"] == 2);
    std::optional<Workspace> ws2 = load_workspace(again, "again.json", problems, integrity);
    REQUIRE(ws2);
    CHECK(integrity.empty());
    CHECK(workspace_to_json(*ws2) == again);
}
#endif
