// Forms written as data (docs/protocol-packs.md, "Forms" and "Passport"): a pack's own form is
// rendered into a document with what is missing listed, and a malformed one is refused by path.
#include <doctest/doctest.h>

#include "common/embedded.h"
#include "document_util.h"
#include "engine/documents.h"
#include "engine/engine.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

namespace {

// Kent: Norfolk's protocol under another id, with a referral form of its own as its passport.
Json kent_with(Json form) {
    Json j = Json::parse(cp_engine_assets_find("assets/protocols/norfolk.json")->text());
    j["id"] = "kent";
    for (auto& r : j["rules"]) r["id"] = "kent/" + r["id"].get<std::string>().substr(std::string("norfolk/").size());
    for (auto& c : j["conflicts"])
        c["id"] = "kent/" + c["id"].get<std::string>().substr(std::string("norfolk/").size());
    j["forms"] = Json::array({std::move(form)});
    j["documents"].push_back("kent_referral");
    j["passport"] = "kent_referral";
    return j;
}

Json referral_form() {
    return Json::parse(R"({
      "id": "kent_referral", "name": "Referral form", "title": "Kent Managed Move Referral",
      "citation": {"source": "scheme", "paragraph": "Referral form"},
      "sections": [
        {"heading": "The pupil", "passport": "1a", "fields": [
          {"label": "Name", "value": "pupil.name"},
          {"label": "Looked after", "value": "flag.cla"},
          {"label": "Social worker", "value": "person.social_worker", "when": "flag.cla"},
          {"label": "EHCP", "answer": "ehcp_details", "when": "flag.ehcp", "otherwise": "None"},
          {"label": "Still on roll", "answer": "on_roll", "if_empty": "Yes"},
          {"label": "Strengths", "answer": "strengths"},
          {"label": "Anything else", "answer": "other", "optional": true}]},
        {"heading": "Exclusions", "rows": "history.exclusion"},
        {"heading": "Agreement", "paragraphs": ["Both schools agree to this referral."],
         "fields": [{"label": "Headteacher", "signature": true}]}
      ]})");
}

Problems load(const Json& pack, PackLibrary& library) {
    Problems p;
    library.load_embedded(p);
    REQUIRE(p.empty());
    library.add_pack_text(pack.dump(), "kent.json", p);
    return p;
}

}  // namespace

TEST_CASE("forms/a-pack-s-own-form-renders-with-what-is-missing") {
    PackLibrary library;
    REQUIRE(load(kent_with(referral_form()), library).empty());
    const Pack* kent = library.find("kent");
    REQUIRE(kent);
    CHECK(kent->passport == "kent_referral");
    CHECK(document_short_name(*kent, "kent_referral") == "Referral form");

    Scenario sc("norfolk", "managed_move");
    sc.pk = *kent;
    sc.add(E::history_recorded, {{"what", "exclusion"}, {"detail", "Fixed term"}, {"days", 2}});
    sc.add(E::pupil_details, {{"section", "1a"}, {"fields", {{"strengths", "Art"}}}});
    const CaseState s = sc.state();
    const auto      doc = make_document("kent_referral", {s, *kent, sc.cal, d("2026-10-01"), &sc.ws});
    REQUIRE(doc);
    CHECK(doc->title == "Kent Managed Move Referral");
    CHECK(doc->source.text == "Norfolk County Council, Managed Move Scheme, Referral form");
    CHECK(value(*doc, "Name") == "Test Pupil");
    CHECK(value(*doc, "Looked after") == "No");
    CHECK(value(*doc, "Social worker") == "<none>");  // left out: the pupil is not looked after
    CHECK(value(*doc, "EHCP") == "None");             // `otherwise`
    CHECK(value(*doc, "Still on roll") == "Yes");     // `if_empty`
    CHECK(value(*doc, "Strengths") == "Art");         // the school's answer
    CHECK(value(*doc, "Exclusion") == "Fixed term (2 days)");
    CHECK(doc->sections[0].passport == "1a");
    CHECK(doc->sections[2].paragraphs.at(0) == "Both schools agree to this referral.");
    CHECK(doc->sections[2].fields.at(0).signature);
    CHECK(doc->missing == std::vector<std::string>{});  // every field is filled, defaulted or optional

    sc.add(E::flags_recorded, {{"cla", true}, {"ehcp", true}});
    const CaseState s2 = sc.state();
    const auto      doc2 = make_document("kent_referral", {s2, *kent, sc.cal, d("2026-10-01"), &sc.ws});
    CHECK(doc2->missing == std::vector<std::string>{"The pupil: Social worker", "The pupil: EHCP"});
    const auto questions = kent->find_form("kent_referral")->questions("1a");
    REQUIRE(questions.size() == 4);
    CHECK(questions[0]->answer == "ehcp_details");
}

TEST_CASE("forms/a-malformed-form-is-refused-by-its-path") {
    struct Case {
        const char* what;
        Json        field;
        const char* path;
        const char* message;
    };
    const Case cases[] = {
        {"an unknown fact",
         {{"label", "X"}, {"value", "pupil.shoe_size"}},
         "/forms/0/sections/0/fields/7/value",
         "expected one of pupil.name"},
        {"two sources",
         {{"label", "X"}, {"value", "pupil.name"}, {"answer", "x"}},
         "/forms/0/sections/0/fields/7",
         "expected exactly one of value, answer, text, signature or by_hand"},
        {"an unknown condition",
         {{"label", "X"}, {"value", "pupil.name"}, {"when", "flag.tall"}},
         "/forms/0/sections/0/fields/7/when",
         "expected one of flag.ehcp"},
        {"otherwise without when",
         {{"label", "X"}, {"value", "pupil.name"}, {"otherwise", "No"}},
         "/forms/0/sections/0/fields/7/otherwise",
         "\"otherwise\" says what to print"},
        {"words for a value that is not a recorded choice",
         {{"label", "X"}, {"value", "pupil.name"}, {"words", {{"a", "b"}}}},
         "/forms/0/sections/0/fields/7/words",
         "words print a recorded choice"},
        {"words for a choice that cannot be recorded",
         {{"label", "X"}, {"value", "review.outcome"}, {"words", {{"abandoned", "Abandoned"}}}},
         "/forms/0/sections/0/fields/7/words/abandoned",
         "expected one of continue"},
        {"a week's fact outside a repeated part",
         {{"label", "X"}, {"value", "week.date"}},
         "/forms/0/sections/0/fields/7/value",
         "\"week.date\" is a fact of a week after the start"},
        {"weeks that are not weeks",
         {{"label", "X {weeks}"}, {"value", "pupil.name"}, {"at_weeks", {4, 0}}},
         "/forms/0/sections/0/fields/7/at_weeks",
         "expected a list of whole numbers of weeks"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Json form = referral_form();
        form["sections"][0]["fields"].push_back(c.field);
        PackLibrary    library;
        const Problems p = load(kent_with(form), library);
        REQUIRE(p.size() == 1);
        CHECK(p[0].file == "kent.json");
        CHECK(p[0].path == c.path);
        CHECK(p[0].message.find(c.message) == 0);
        CHECK_FALSE(library.find("kent"));
    }
    Json outside = referral_form();
    outside["sections"][1]["fields"] = Json::array({{{"label", "Why"}, {"answer", "why"}}});
    PackLibrary library;
    Problems    p = load(kent_with(outside), library);
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/forms/0/sections/1/fields/0/answer");

    Json unknown_passport = kent_with(referral_form());
    unknown_passport["passport"] = "kent_passport";
    PackLibrary l2;
    p = load(unknown_passport, l2);
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/passport");

    Json baseline_id = referral_form();
    baseline_id["id"] = "worcs_passport";
    Json        pack = kent_with(baseline_id);
    PackLibrary l3;
    pack["passport"] = "worcs_passport";
    p = load(pack, l3);
    REQUIRE_FALSE(p.empty());
    CHECK(p[0].path == "/forms/0/id");
}

// Every shipped protocol has a passport: its own (Thurrock's Student Passport), or the baseline's,
// which is Worcestershire's; each has a part with questions for the school to answer.
TEST_CASE("forms/every-shipped-protocol-has-a-passport-form") {
    for (const std::string& id : embedded_pack_ids()) {
        CAPTURE(id);
        Problems   p;
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        const FormTemplate* form = pack->find_form(pack->passport);
        REQUIRE(form);
        REQUIRE_FALSE(form->sections.empty());
        CHECK_FALSE(form->questions(form->sections.front().passport).empty());
        const bool own = id == "thurrock";
        CHECK(form->citation.text.find(own ? "Thurrock Council" : "Form Templates, form 2") != std::string::npos);
    }
}

// Thurrock: the Student Passport asks for what the procedures list, and the signed GDPR form with it.
TEST_CASE("forms/thurrock-student-passport-key-principles-bullet-2") {
    Scenario sc("thurrock", "managed_move");
    sc.add(E::pupil_details,
           {{"section", "student_passport"}, {"fields", {{"psp_reviews", "attached"}, {"behaviour_log", "attached"}}}});
    const CaseState s = sc.state();
    const auto      doc = make_document("thurrock_student_passport", {s, sc.pk, sc.cal, d("2026-10-01"), &sc.ws});
    REQUIRE(doc);
    CHECK(doc->title == "Managed Move Student Passport");
    CHECK(value(*doc, "Pastoral support plans and reviews") == "attached");
    CHECK(value(*doc, "UPN") == "A123456789012");
    for (const char* m : {"Written information about the student: Attendance data",
                          "Written information about the student: Attainment data",
                          "Consent to share information: Signed GDPR form held since"})
        CHECK_MESSAGE(std::count(doc->missing.begin(), doc->missing.end(), m) == 1, m);
    sc.add(E::step_recorded, {{"step", "gdpr_form_signed"}, {"date", "2026-09-08"}});
    const CaseState s2 = sc.state();
    const auto      doc2 = make_document("thurrock_student_passport", {s2, sc.pk, sc.cal, d("2026-10-01"), &sc.ws});
    CHECK(value(*doc2, "Signed GDPR form held since") == "08/09/2026");
}
