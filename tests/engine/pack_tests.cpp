#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "common/embedded.h"
#include "engine/documents.h"
#include "engine/engine.h"
#include "engine/pack.h"
#include "test_util.h"

using namespace cp;

// The library parses each built-in pack once and resolves the others against it: the packs it
// holds are the ones load_resolved_pack makes one at a time.
TEST_CASE("packs/the-library-holds-each-built-in-pack-as-resolved-alone") {
    PackLibrary library;
    Problems    p;
    library.load_embedded(p);
    CHECK(p.empty());
    const auto ids = embedded_pack_ids();
    REQUIRE(library.packs.size() == ids.size());
    for (const std::string& id : ids) {
        INFO(id);
        Problems    q;
        const auto  alone = load_resolved_pack(id, q);
        const Pack* held = library.find(id);
        REQUIRE(alone);
        REQUIRE(held);
        CHECK(held->name == alone->name);
        CHECK(held->rules.size() == alone->rules.size());
        CHECK(rule_changes(*alone, *held) == "no rule changes");
        CHECK(held->forms.size() == alone->forms.size());
    }
}

TEST_CASE("packs/every-embedded-pack-parses-and-resolves") {
    const auto ids = embedded_pack_ids();
    CHECK(std::find(ids.begin(), ids.end(), kBaselinePackId) != ids.end());
    REQUIRE(ids.size() >= 2);  // the baseline and at least one local authority
    for (const std::string& id : ids) {
        INFO(id);
        Problems   p;
        const auto pack = load_resolved_pack(id, p);
        for (const auto& x : p) MESSAGE(x.to_string());
        REQUIRE(pack);
        CHECK(p.empty());
        for (const Rule& r : pack->rules) {
            CHECK_FALSE(r.message.empty());
            CHECK_FALSE(r.citation.source.empty());
            CHECK_FALSE(r.citation.text.empty());
            CHECK_FALSE(r.citation.paragraph.empty());
        }
    }
}

TEST_CASE("packs/local-packs-cite-their-own-document") {
    for (const std::string& id : cptest::local_pack_ids()) {
        Problems   p;
        const auto pack = embedded_pack(id, p);
        REQUIRE(pack);
        REQUIRE_FALSE(pack->sources.empty());
        const std::string own = pack->sources.front().id;  // the local authority's own document
        CHECK_MESSAGE(pack->source.source == own, id);
        for (const Rule& r : pack->rules) CHECK_MESSAGE(r.citation.source == own, r.id);
    }
}

TEST_CASE("packs/every-pack-has-ehcp-and-cla-gates") {
    for (const std::string& id : cptest::local_pack_ids()) {
        Problems   p;
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        bool ehcp = false, cla = false;
        for (const Rule& r : pack->rules) {
            ehcp = ehcp || (r.kind == RuleKind::gate && r.when == "ehcp" && r.severity == Severity::blocks);
            cla = cla || (r.kind == RuleKind::gate && r.when == "cla" && r.severity == Severity::blocks);
        }
        CHECK_MESSAGE(ehcp, id);
        CHECK_MESSAGE(cla, id);
    }
}

TEST_CASE("packs/statutory-baseline-rules-survive-every-local-pack") {
    Problems   p;
    const auto base = embedded_pack("england-baseline", p);
    REQUIRE(base);
    for (const std::string& id : cptest::local_pack_ids()) {
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        for (const Rule& r : base->rules)
            if (r.statutory) CHECK_MESSAGE(pack->find_rule(r.id), id << " lost " << r.id);
    }
}

namespace {

// The shipped Norfolk pack under another id, as an LA that adapted it would publish it.
Json norfolk_copy(const std::string& id) {
    Json j = Json::parse(cp_engine_assets_find("assets/protocols/norfolk.json")->text());
    j["id"] = id;
    for (auto& r : j["rules"]) r["id"] = id + "/" + r["id"].get<std::string>().substr(std::string("norfolk/").size());
    for (auto& c : j["conflicts"])
        c["id"] = id + "/" + c["id"].get<std::string>().substr(std::string("norfolk/").size());
    return j;
}

Problems add_to_library(const Json& pack, PackLibrary& library) {
    Problems p;
    library.load_embedded(p);
    REQUIRE(p.empty());
    library.add_pack_text(pack.dump(), "kent.json", p);
    return p;
}

}  // namespace

TEST_CASE("packs/library-loads-another-la-from-text-with-the-baseline-under-it") {
    PackLibrary library;
    CHECK(add_to_library(norfolk_copy("kent"), library).empty());
    const Pack* kent = library.find("kent");
    REQUIRE(kent);
    CHECK(kent->find_rule("england/no-trial-managed-move"));
    CHECK(kent->find_rule("kent/four-nearest-schools"));
}

TEST_CASE("packs/library-refuses-a-pack-that-extends-nothing-or-nothing-loaded") {
    Json missing = norfolk_copy("kent");
    missing.erase("extends");
    Json unknown = norfolk_copy("kent");
    unknown["extends"] = "surrey";
    Json itself = norfolk_copy("kent");
    itself["extends"] = "kent";
    for (const Json& j : {missing, unknown, itself}) {
        PackLibrary    library;
        const Problems p = add_to_library(j, library);
        REQUIRE(p.size() == 1);
        CHECK(p[0].file == "kent.json");
        CHECK(p[0].path == "/extends");
        CHECK(p[0].message.find("\"england-baseline\" (every local pack builds on the statutory baseline) or the id "
                                "of a protocol loaded before it") != std::string::npos);
        CHECK_FALSE(library.find("kent"));
    }
}

// A pack may extend another (issue 14 item 1): an authority adapting a neighbour's protocol names it in
// `extends`, keeps its rules, forms, steps, calendar and readings, re-words one rule and adds its own.
Json adapting_norfolk() {
    return {{"format", "caseplan-pack"},
            {"version", 1},
            {"id", "kent"},
            {"name", "Kent Managed Move Scheme (adapted from Norfolk's)"},
            {"local_authority", "Kent County Council"},
            {"extends", "norfolk"},
            {"sources",
             {{{"id", "kent-scheme"},
               {"title", "Managed Move Scheme"},
               {"publisher", "Kent County Council"},
               {"date", "2026"}}}},
            {"replaces", {"norfolk/four-nearest-schools"}},
            {"rules",
             {{{"id", "kent/three-nearest-schools"},
               {"kind", "gate"},
               {"severity", "warns"},
               {"message", "Admissions names the three nearest schools before a host is approached."},
               {"citation", {{"source", "kent-scheme"}, {"paragraph", "2"}}},
               {"params", {{"action", "propose_host"}, {"requires", "nearest_schools_listed"}}}}}}};
}

TEST_CASE("packs/a-pack-adapting-a-neighbours-protocol-keeps-its-rules-steps-and-calendar") {
    PackLibrary library;
    CHECK(add_to_library(adapting_norfolk(), library).empty());
    const Pack* kent = library.find("kent");
    const Pack* norfolk = library.find("norfolk");
    REQUIRE(kent);
    REQUIRE(norfolk);
    CHECK(kent->find_rule("england/no-trial-managed-move"));  // the statutory baseline, through Norfolk
    CHECK(kent->find_rule("kent/three-nearest-schools"));
    CHECK_FALSE(kent->find_rule("norfolk/four-nearest-schools"));  // re-worded
    CHECK(kent->rules.size() == norfolk->rules.size());
    CHECK(kent->find_step("nearest_schools_listed"));  // a step of Norfolk's its own gate requires
    CHECK(kent->calendar == norfolk->calendar);
    CHECK(kent->case_kinds == norfolk->case_kinds);
    CHECK(kent->conflicts.size() == norfolk->conflicts.size());
    CHECK(kent->find_rule("kent/three-nearest-schools")->citation.text.find("Kent County Council") == 0);
}

TEST_CASE("packs/a-pack-adapting-a-neighbours-protocol-cannot-replace-a-statutory-rule") {
    Json j = adapting_norfolk();
    j["replaces"].push_back("england/no-trial-managed-move");
    j["rules"][0]["params"]["requires"] = "a_step_nobody_declares";
    PackLibrary    library;
    const Problems p = add_to_library(j, library);
    REQUIRE(p.size() == 2);
    CHECK(p[0].path == "/replaces/1");
    CHECK(p[0].message.find("is statutory and cannot be replaced") != std::string::npos);
    CHECK(p[1].path == "/rules/0/params/requires");
    CHECK(p[1].message.find("its steps are nearest_schools_listed") != std::string::npos);
    CHECK_FALSE(library.find("kent"));
}

TEST_CASE("packs/library-refuses-to-replace-the-statutory-baseline-from-a-file") {
    PackLibrary    library;
    Json           j = Json::parse(cp_engine_assets_find("assets/protocols/england-baseline.json")->text());
    const Problems p = add_to_library(j, library);
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/id");
}

// A local authority's term dates are the protocol's business: each pack names its calendar, or
// writes its own term dates into the file (an authority whose calendar is not built in).
TEST_CASE("packs/calendar-is-named-by-the-pack") {
    PackLibrary library;
    Problems    p;
    library.load_embedded(p);
    REQUIRE(p.empty());
    for (const std::string& id : cptest::local_pack_ids()) {
        const Pack* pack = library.find(id);
        REQUIRE(pack);
        const auto cal = pack_calendar(*pack, p);
        REQUIRE_MESSAGE(cal, id);
        CHECK_MESSAGE(cal->id == pack->calendar, id);
        Workspace ws;
        ws.own.la = id;
        CHECK(workspace_calendar(ws, library, p).id == pack->calendar);
    }
    CHECK(p.empty());
}

TEST_CASE("packs/calendar-absent-is-england-s-typical-term-dates") {
    PackLibrary library;
    Json        kent = norfolk_copy("kent");
    kent.erase("calendar");
    REQUIRE(add_to_library(kent, library).empty());
    Problems   p;
    const auto cal = pack_calendar(*library.find("kent"), p);
    REQUIRE(cal);
    CHECK(cal->id == kEnglandCalendarId);
}

TEST_CASE("packs/calendar-written-into-the-pack-is-used") {
    PackLibrary library;
    Json        kent = norfolk_copy("kent");
    Json        terms = Json::parse(cp_engine_assets_find("assets/calendars/norfolk.json")->text());
    terms["id"] = "kent";
    terms["name"] = "Kent (term dates in the protocol)";
    kent["calendar"] = terms;
    REQUIRE(add_to_library(kent, library).empty());
    Workspace ws;
    ws.own.la = "kent";
    Problems p;
    CHECK(workspace_calendar(ws, library, p).name == "Kent (term dates in the protocol)");
    CHECK(p.empty());
}

TEST_CASE("packs/calendar-unknown-or-malformed-is-refused-with-its-path") {
    Json unknown = norfolk_copy("kent");
    unknown["calendar"] = "kent";
    Json bad_terms = norfolk_copy("kent");
    bad_terms["calendar"] = Json::parse(cp_engine_assets_find("assets/calendars/norfolk.json")->text());
    bad_terms["calendar"]["terms"][0]["first"] = "1 September";
    Json wrong_type = norfolk_copy("kent");
    wrong_type["calendar"] = 3;
    for (const auto& [j, path, says] :
         {std::tuple{unknown, std::string("/calendar"), std::string("expected a built-in calendar (")},
          std::tuple{bad_terms, std::string("/calendar/terms/0/first"), std::string("")},
          std::tuple{wrong_type, std::string("/calendar"), std::string("found 3")}}) {
        PackLibrary    library;
        const Problems p = add_to_library(j, library);
        REQUIRE(p.size() >= 1);
        CHECK(p[0].file == "kent.json");
        CHECK(p[0].path == path);
        CHECK(p[0].message.find(says) != std::string::npos);
        CHECK_FALSE(library.find("kent"));
    }
}

// One default, one place: an optional parameter left out reads as the default its kind declares,
// wherever the planner reads it; one given reads as given; an unknown name reads as nothing.
TEST_CASE("packs/an-absent-optional-parameter-reads-as-its-declared-default") {
    Rule cadence;
    cadence.kind = RuleKind::review_cadence;
    cadence.params = {{"every", {{"n", 2}, {"unit", "weeks"}}}};
    CHECK(param_word(cadence, "counts") == "review");
    CHECK_FALSE(param_flag(cadence, "use_agreed"));
    cadence.params["counts"] = "progress_check";
    CHECK(param_word(cadence, "counts") == "progress_check");
    Rule attendance;
    attendance.kind = RuleKind::attendance;
    attendance.params = {{"threshold", 95}, {"compare", "above"}, {"consequence", "warn"}};
    CHECK(param_int(attendance, "min_sessions") == 0);
    CHECK(rule_param(attendance, "min_sessions") == Json(0));
    CHECK(param_int(attendance, "threshold") == 95);
    CHECK(rule_param(attendance, "no_such_parameter").is_null());
    Rule duration;
    duration.kind = RuleKind::duration;
    duration.params = {{"unit", "weeks"}, {"max", 12}};
    CHECK(param_int(duration, "extension_weeks") == 0);
    CHECK(rule_param(duration, "justify_above").is_null());  // a check only when given
}

// The words a deadline may use are the planner's own tables (plan.cpp): the validator accepts
// exactly what the planner reads, each word once.
TEST_CASE("packs/deadline-words-are-the-planner-s-each-once") {
    for (const auto* list :
         {&known_conditions(), &known_anchors(), &known_milestones(), &known_requirements(), &known_actions()}) {
        REQUIRE_FALSE(list->empty());
        std::set<std::string> seen;
        for (const char* w : *list) CHECK_MESSAGE(seen.insert(w).second, w);
    }
    // A gate's action is one a person can read and take: each has its label on the action list.
    for (const char* a : known_actions()) CHECK_MESSAGE(!plan_action_label(a).empty(), a);
    // Every word the shipped packs use is one of them (parse_pack would refuse the pack otherwise).
    for (const std::string& id : embedded_pack_ids()) {
        Problems   p;
        const auto pack = embedded_pack(id, p);
        REQUIRE(pack);
        for (const Rule& r : pack->rules)
            if (r.kind == RuleKind::deadline) {
                const std::string from = param_word(r, "from"), to = param_word(r, "to");
                CHECK_MESSAGE(std::count(known_anchors().begin(), known_anchors().end(), from) == 1, r.id);
                CHECK_MESSAGE(std::count(known_milestones().begin(), known_milestones().end(), to) == 1, r.id);
            }
    }
}

// A form the engine cannot make is refused when the pack is loaded, not shown later as a raw id.
TEST_CASE("packs/documents-are-ones-the-engine-makes") {
    Json kent = norfolk_copy("kent");
    kent["documents"] = Json::array({"la_start", "kent_referral_form"});
    PackLibrary    library;
    const Problems p = add_to_library(kent, library);
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "kent.json");
    CHECK(p[0].path == "/documents/1");
    CHECK(p[0].message.find("expected one of ") == 0);
    CHECK(p[0].message.find("direction_letter") != std::string::npos);  // the baseline's letter is a form too
    CHECK(p[0].message.find("found \"kent_referral_form\"") != std::string::npos);
    CHECK(p[0].message.find("worcs_passport") != std::string::npos);  // a baseline form may be named too
    Problems   q;
    const auto pack = load_resolved_pack("worcestershire", q);
    REQUIRE(pack);
    for (const std::string& id : pack->documents) CHECK_MESSAGE(document_short_name(*pack, id) != "Form", id);
}

// Settings > Protocols asks before a protocol file replaces one of the same id, saying what changes.
TEST_CASE("packs/replacing-a-protocol-says-how-its-rules-change") {
    Problems   p;
    const auto norfolk = load_resolved_pack("norfolk", p);
    REQUIRE(norfolk);
    CHECK(rule_changes(*norfolk, *norfolk) == "no rule changes");
    Pack edited = *norfolk;
    edited.rules.front().message = "Reworded.";
    edited.rules.pop_back();
    edited.rules.push_back(edited.rules.front());
    edited.rules.back().id = "norfolk/new-rule";
    edited.rules.push_back(edited.rules.back());
    edited.rules.back().id = "norfolk/another-new-rule";
    CHECK(rule_changes(*norfolk, edited) == "2 rules added, 1 removed, 1 changed");
    CHECK(PackLibrary::built_in("norfolk"));
    CHECK_FALSE(PackLibrary::built_in("example-county"));
}

// A protocol a school loaded from a file is kept in its workspace as written.
TEST_CASE("packs/a-workspace-keeps-the-protocols-loaded-from-files") {
    Workspace ws;
    ws.own = {"Riverside Academy", "100001", "kent", "home_school"};
    ws.packs = {norfolk_copy("kent")};
    Problems   problems;
    const auto back = parse_workspace(workspace_to_json(ws), "workspace", problems);
    REQUIRE(back);
    REQUIRE(back->packs.size() == 1);
    CHECK(back->packs[0] == ws.packs[0]);
    PackLibrary library;
    library.load_embedded(problems);
    CHECK(library.add_pack_text(back->packs[0].dump(), "kent.json", problems));
    CHECK(problems.empty());

    Json bad = workspace_to_json_value(ws);
    bad["packs"] = Json::array({"kent"});
    CHECK_FALSE(parse_workspace(bad.dump(), "workspace", problems));
    CHECK(problems.back().path == "/packs");
}

// docs/protocol-packs.md, "Facts in a form's text": a fact the engine does not know, or a mark left
// open, is refused where it is written, not printed later as braces.
TEST_CASE("packs/a-form-s-text-names-only-facts-of-the-case-and-closes-its-marks") {
    Json kent = norfolk_copy("kent");
    kent["forms"] = Json::array({{{"id", "kent_letter"},
                                  {"name", "Kent letter"},
                                  {"title", "Letter"},
                                  {"sections",
                                   {{{"heading", "To {parent.name}"},
                                     {"paragraphs",
                                      {"Dear {parent.nmae},",
                                       {{"text", "[[ from {agreement.start_long}"}, {"when", "flag.ehcp"}},
                                       {{"text", "Fine."}, {"when", "flag.ehcpp"}}}},
                                     {"fields", {{{"label", "Start{"}, {"value", "agreement.start"}}}}}}}}});
    kent["documents"] = Json::array({"kent_letter"});
    PackLibrary    library;
    const Problems p = add_to_library(kent, library);
    REQUIRE(p.size() == 4);
    CHECK(p[0].path == "/forms/0/sections/0/paragraphs/0");
    CHECK(p[0].message.find("found \"{parent.nmae}\"") != std::string::npos);
    CHECK(p[0].message.find("parent.name") != std::string::npos);  // what it could have said
    CHECK(p[1].path == "/forms/0/sections/0/paragraphs/1/text");
    CHECK(p[1].message.find("a \"[[\" without its \"]]\"") == 0);
    CHECK(p[2].path == "/forms/0/sections/0/paragraphs/2/when");
    CHECK(p[3].path == "/forms/0/sections/0/fields/0/label");
    CHECK(p[3].message.find("a \"{\" without its \"}\"") == 0);

    kent["forms"][0]["sections"][0]["paragraphs"] = Json::array({"Dear {parent.name|Parent},"});
    kent["forms"][0]["sections"][0]["fields"][0]["label"] = "Start";
    PackLibrary fixed;
    CHECK(add_to_library(kent, fixed).empty());
}
