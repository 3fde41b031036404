// Citations a person reads: a source with a title, publisher and paragraph, never a file name or
// an internal id (issue 12, section 6).
#include <doctest/doctest.h>

#include <regex>

#include "engine/demo.h"
#include "engine/documents.h"
#include "engine/engine.h"
#include "engine/pack.h"

using namespace cp;

namespace {

// A citation shown anywhere must not contain a file name or a snake_case word (an id).
void check_readable(const std::string& text, const std::string& where) {
    INFO(where << ": " << text);
    CHECK_FALSE(text.empty());
    static const std::regex file_name(R"(\.(txt|md|pdf|json)\b)", std::regex::icase);
    static const std::regex snake_case(R"(\b[a-z0-9]+_[a-z0-9_]+\b)");
    CHECK_FALSE(std::regex_search(text, file_name));
    CHECK_FALSE(std::regex_search(text, snake_case));
}

}  // namespace

TEST_CASE("citations/every-pack-has-sources-with-title-publisher-and-date") {
    for (const std::string& id : embedded_pack_ids()) {
        Problems   p;
        const auto pack = embedded_pack(id, p);
        REQUIRE(pack);
        REQUIRE_FALSE(pack->sources.empty());
        for (const Source& s : pack->sources) {
            INFO(id << " " << s.id);
            CHECK_FALSE(s.title.empty());
            CHECK_FALSE(s.publisher.empty());
            CHECK_FALSE(s.date.empty());
            CHECK((s.url.empty() || s.url.rfind("https://", 0) == 0));
        }
    }
}

TEST_CASE("citations/text-names-publisher-title-and-paragraph") {
    Problems   p;
    const auto norfolk = load_resolved_pack("norfolk", p);
    REQUIRE(norfolk);
    const Rule* r = norfolk->find_rule("norfolk/fair-access-signs-agreement");
    REQUIRE(r);
    CHECK(r->citation.text == "Norfolk County Council, Managed Move Scheme, Process, bullet 7");
    CHECK(citation_text(*norfolk, r->citation) == r->citation.text);
    // a baseline rule in a resolved local pack names the law itself
    const Rule* notice = norfolk->find_rule("england/notice-two-school-days");
    REQUIRE(notice);
    CHECK(notice->citation.text ==
          "The Education (Educational Provision for Improving Behaviour) Regulations 2010 (SI 2010/1156), "
          "regulation 3");
    const Source* law = norfolk->find_source(notice->citation.source);
    REQUIRE(law);
    CHECK(law->url == "https://www.legislation.gov.uk/uksi/2010/1156");
}

TEST_CASE("citations/unconfirmed-points-are-said-in-words") {
    Problems   p;
    const auto base = embedded_pack(kBaselinePackId, p);
    REQUIRE(base);
    const Rule* invite = base->find_rule("england/invite-6-days");
    REQUIRE(invite);
    CHECK(invite->citation.text.find("(not confirmed: ") != std::string::npos);
    CHECK(invite->citation.text.find("Worcestershire") != std::string::npos);
    for (const Rule& r : base->rules) CHECK_MESSAGE(r.citation.text.find("unconfirmed") == std::string::npos, r.id);
}

TEST_CASE("citations/baseline-citing-a-source-it-does-not-list-is-refused") {
    Problems   p;
    const auto base = embedded_pack(kBaselinePackId, p);
    REQUIRE(base);
    Json     j = Json::parse(std::string(R"({"format": "caseplan-pack", "version": 1, "id": "england-baseline",
      "name": "B", "local_authority": "England",
      "sources": [{"id": "law", "title": "Act", "publisher": "UK Parliament", "date": "2002"}],
      "rules": [{"id": "b/r", "kind": "info", "severity": "informs", "message": "M",
                 "citation": {"source": "guidance", "paragraph": "1"}}]})"));
    Problems problems;
    CHECK_FALSE(parse_pack(j.dump(), "england-baseline.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/rules/0/citation/source");
    CHECK(problems[0].message.find("no source \"guidance\" in this pack's sources (law)") != std::string::npos);
}

TEST_CASE("citations/no-citation-shown-anywhere-is-a-file-name-or-an-id") {
    PackLibrary packs;
    Problems    p;
    packs.load_embedded(p);
    REQUIRE(p.empty());
    for (const auto& [id, pack] : packs.packs) {
        check_readable(pack.source.text, id + " source");
        for (const Rule& r : pack.rules) check_readable(r.citation.text, r.id);
        for (const Reading& r : pack.readings) check_readable(r.citation.text, id + " reading " + r.topic);
        for (const Conflict& c : pack.conflicts) check_readable(c.citation.text, c.id);
    }
    // what the plans (app, CLI) and the printed documents show for the demo
    const Workspace      ws = make_demo_workspace();
    Problems             cal_problems;
    const SchoolCalendar cal = workspace_calendar(ws, packs, cal_problems);
    const Date           today = *parse_iso_date(kDemoToday);
    for (const CasePlan& plan : plan_workspace(ws, packs, cal, today)) {
        for (const Alert& a : plan.alerts) {
            check_readable(a.citation.text, plan.case_id + " " + a.rule_id);
            if (a.statutory_citation) check_readable(a.statutory_citation->text, plan.case_id + " " + a.rule_id);
        }
        for (const Deadline& d : plan.deadlines) check_readable(d.citation.text, plan.case_id + " " + d.rule_id);
        const Json j = plan_to_json(plan);
        for (const auto& a : j["alerts"]) CHECK_FALSE(a["citation"].contains("file"));
    }
    for (const Case& c : ws.cases) {
        const CaseState s = replay(c);
        const Pack*     pack = packs.find(s.pack);
        REQUIRE(pack);
        for (const std::string& id : document_ids_for(*pack, s)) {
            auto doc = make_document(id, {s, *pack, cal, today, &ws});
            if (doc) check_readable(doc->source.text, c.id + " " + id);
        }
    }
}
