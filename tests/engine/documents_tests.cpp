#include <doctest/doctest.h>

#include "document_util.h"
#include "engine/documents.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

namespace {
Document doc(Scenario& sc, const char* id, int review = -1) {
    sc.ws.cases = {sc.log.c};
    const CaseState s = sc.state();
    auto            made = make_document(id, {s, sc.pk, sc.cal, cptest::d("2026-10-01"), &sc.ws, review});
    REQUIRE(made);
    return *made;
}
bool missing(const Document& d, const std::string& what) {
    return std::any_of(d.missing.begin(), d.missing.end(),
                       [&](const std::string& m) { return m.find(what) != std::string::npos; });
}
}  // namespace

TEST_CASE("documents/worcestershire-forms-list-what-is-missing") {
    Scenario sc("worcestershire", "off_site_direction");
    Document n = doc(sc, "worcs_notification");
    CHECK(missing(n, "Child's Name and DOB"));  // no date of birth yet
    CHECK(missing(n, "Parent/Carer Name"));
    sc.add(E::case_opened,
           {{"date", "2026-09-07"},
            {"kind", "off_site_direction"},
            {"pack", "worcestershire"},
            {"pupil_name", "Test Pupil"},
            {"dob", "2012-03-04"},
            {"address", "2 Low Rd"}},
           sc.log.c.events[0].id);
    sc.add(E::party_recorded,
           {{"role", "parent"}, {"name", "Ms Parent"}, {"relationship", "Mother"}, {"parental_responsibility", true}});
    sc.add(E::views_recorded,
           {{"who", "parent"}, {"date", "2026-09-07"}, {"text", "Agrees to try"}, {"understands_reasons", true}});
    n = doc(sc, "worcs_notification");
    CHECK(value(n, "Child's Name and DOB") == "Test Pupil, 04/03/2012");
    CHECK(value(n, "Does the parent understand the reasons for the Off-site Direction?") == "Yes");
    CHECK_FALSE(missing(n, "Parent/Carer Name"));
    CHECK(n.source.text.rfind("Worcestershire County Council, Off-Site Direction Protocol", 0) == 0);

    const Document p = doc(sc, "worcs_passport");
    CHECK(missing(p, "Section 1a: Child Details: UPN"));  // the corrected opening entry left it out
    CHECK(missing(p, "Section 1c: Academic Information: English"));
    CHECK(missing(p, "Section 1e: Formulation"));
}

TEST_CASE("documents/worcestershire-review-form-outcome") {
    Scenario sc("worcestershire", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    sc.add(E::review_held, {{"date", "2026-10-05"},
                            {"outcome", "convert"},
                            {"progress", "Excellent"},
                            {"concerns", "None"},
                            {"support", "Keep mentor"},
                            {"next_review", "2026-10-19"}});
    const Document r = doc(sc, "worcs_review");
    CHECK(value(r, "Outcome") == "Convert to Managed Move");
    CHECK(value(r, "Date of Meeting") == "05/10/2026");
    CHECK(value(r, "Host School Representative") == "Mr Host");
    const auto ids = document_ids_for(sc.pk, sc.state());
    CHECK(std::find(ids.begin(), ids.end(), "worcs_review") != ids.end());
}

// Form 4 is one per review: offered once a review is held, headed as an emergency review when it was
// one, and printed for the review picked, the latest by default.
TEST_CASE("documents/worcestershire-form-4-one-per-review") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start();
    auto ids = document_ids_for(sc.pk, sc.state());
    CHECK(std::find(ids.begin(), ids.end(), "worcs_review") == ids.end());
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}, {"progress", "Settling"}});
    sc.add(E::review_held, {{"date", "2026-10-12"}, {"outcome", "end_early"}, {"emergency", true}});
    ids = document_ids_for(sc.pk, sc.state());
    CHECK(std::find(ids.begin(), ids.end(), "worcs_review") != ids.end());
    const Document latest = doc(sc, "worcs_review");
    CHECK(latest.sections.at(0).heading == "Emergency review meeting");
    CHECK(value(latest, "Outcome") == "Direction ended early");
    CHECK(value(latest, "Date of Meeting") == "12/10/2026");
    CHECK(missing(latest, "Emergency review meeting: Progress towards integration"));
    const Document first = doc(sc, "worcs_review", 0);
    CHECK(first.sections.at(0).heading == "Review meeting");
    CHECK(value(first, "Outcome") == "Continue with Direction");
    CHECK(value(first, "Progress towards integration and success to date") == "Settling");
    CHECK(value(first, "Address (if this has changed since previous meeting)").empty());  // by hand
    CHECK_FALSE(missing(first, "Address"));
}

TEST_CASE("documents/direction-letter-has-the-statutory-contents") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    const Document l = doc(sc, "direction_letter");
    CHECK(value(l, "Address of the provision") == "1 High St");
    CHECK(value(l, "Who the pupil reports to on the first day") == "Mr Host");
    CHECK(value(l, "Number of days") == "30");
    CHECK(value(l, "Session times") == "08:40-15:10");
    CHECK(missing(l, "First review meeting"));  // the agreement in this scenario sets a frequency, not a date
    bool dual = false;
    for (const auto& s : l.sections)
        for (const auto& t : s.paragraphs) dual = dual || t.find("dual registered") != std::string::npos;
    CHECK(dual);
}

namespace {
std::string paragraphs(const Document& d) {
    std::string all;
    for (const auto& s : d.sections)
        for (const auto& t : s.paragraphs) all += t + "\n";
    return all;
}
}  // namespace

// SI 2010/1156 regs 3 and 4A with each pack's own review interval and LA team: the letter is the case's,
// not Worcestershire's sample for every authority.
TEST_CASE("documents/reg-3-direction-letter-takes-its-contents-from-the-case-s-own-pack") {
    Scenario ox("oxfordshire", "off_site_direction");
    ox.prepare();
    const Document l = doc(ox, "direction_letter");
    CHECK(l.source.source == "si-2010-1156");
    CHECK(l.source.text.find("regulation 3") != std::string::npos);
    CHECK(value(l, "First review meeting (no more than 3 weeks after the start)") == "");  // Protocol, 5b
    const std::string copies = value(l, "Copy sent to");
    CHECK(copies.find("Exclusion and Reintegration Team") != std::string::npos);
    CHECK(copies.find("School Admissions") == std::string::npos);
    const std::string text = paragraphs(l);
    CHECK(text.find("unless there was a review in the 10 weeks before your request") != std::string::npos);
    CHECK(text.find("set out in the regulations") == std::string::npos);
    CHECK(text.find("governing board's decision") != std::string::npos);

    Scenario wo("worcestershire", "off_site_direction");
    wo.prepare();
    CHECK(value(doc(wo, "direction_letter"), "First review meeting (no more than 6 school weeks after the start)") ==
          "");
    CHECK(value(doc(wo, "direction_letter"), "Copy sent to").find("School Admissions") != std::string::npos);

    // An academy's letter is the trust's decision (the power since 26 July 2026).
    Scenario ac("thurrock", "osd_to_managed_move", {{"home_urn", "100001"}});
    ac.prepare();
    CHECK(paragraphs(doc(ac, "direction_letter")).find("academy trust's decision") != std::string::npos);
}

// SI 2010/1156 reg 3: the letter is the baseline's form, written as data; each variant of its text is
// the case's own, and a plain managed move (no direction) is not offered one.
TEST_CASE("documents/reg-3-direction-letter-words-follow-the-case") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    std::string text = paragraphs(doc(sc, "direction_letter"));
    CHECK(text.find("Test Pupil is directed to attend Host School at 1 High St between 08:40-15:10 from Monday 14 "
                    "September 2026 in order") != std::string::npos);
    CHECK(text.find("Test Pupil should report to Mr Host on their first day.") != std::string::npos);
    CHECK(text.find("Education, Health and Care Plan") == std::string::npos);
    CHECK(text.find("less than") == std::string::npos);  // notice sent 09/09 for a start on 14/09
    CHECK(text.find("later than") == std::string::npos);

    sc.add(E::flags_recorded, {{"ehcp", true}});
    text = paragraphs(doc(sc, "direction_letter"));
    CHECK(text.find("yourself with input from Test Pupil, and the local authority (as Test Pupil has an Education, "
                    "Health and Care Plan).") != std::string::npos);
    CHECK(text.find("yourself with input from Test Pupil. You may") == std::string::npos);  // one variant, not both
    CHECK(value(doc(sc, "direction_letter"), "Copy sent to").find("maintains the EHCP") != std::string::npos);

    // Notice on Friday 11/09 for Monday 14/09: one school day before, under the protocol's two.
    Json notice = {
        {"date", "2026-09-11"},   {"address", "1 High St"},       {"report_to", "Mr Host"},        {"days", 30},
        {"reasons", "Behaviour"}, {"objectives", "Attend daily"}, {"session_times", "08:40-15:10"}};
    sc.add(E::notice_sent, notice);
    CHECK(paragraphs(doc(sc, "direction_letter"))
              .find("This notice is dated less than 2 school days before the first day.") != std::string::npos);

    Scenario late("worcestershire", "off_site_direction");
    late.prepare(false);
    Json agreement = Scenario::full_agreement();
    agreement["first_review"] = "2026-12-01";  // 6 school weeks after 14/09 is before half term ends
    late.add(E::agreement_signed, agreement);
    const Document l = doc(late, "direction_letter");
    CHECK(value(l, "First review meeting (no more than 6 school weeks after the start)") == "01/12/2026");
    CHECK(paragraphs(l).find("The first review is later than the 6 school weeks the protocol sets (") !=
          std::string::npos);

    Scenario   mm("norfolk", "managed_move");
    const auto ids = document_ids_for(mm.pk, mm.state());
    CHECK(std::find(ids.begin(), ids.end(), "direction_letter") == ids.end());
    Scenario   osd("norfolk", "off_site_direction");
    const auto osd_ids = document_ids_for(osd.pk, osd.state());
    CHECK(std::find(osd_ids.begin(), osd_ids.end(), "direction_letter") != osd_ids.end());
}

// Regulation 3: the notice's form starts from what the case already says.
TEST_CASE("documents/reg-3-the-notice-starts-from-what-the-case-says") {
    Scenario sc("oxfordshire", "off_site_direction", {{"dob", "2008-01-10"}, {"reason", "Persistent disruption"}});
    sc.ws.schools[1].address = "5 Mill Lane, Demotown";
    sc.prepare(false);
    sc.add(E::party_recorded, {{"role", "parent"}, {"name", "Mrs Parent"}});
    Json agreement = Scenario::full_agreement();
    agreement["session_times"] = "08:40-15:10";
    sc.add(E::agreement_signed, agreement);
    const CaseState s = sc.state();
    const Json      n = suggested_notice({s, sc.pk, sc.cal, d("2026-09-09"), &sc.ws});
    CHECK(n.value("address", "") == "5 Mill Lane, Demotown");
    CHECK(n.value("report_to", "") == "Mr Host");
    CHECK(n.value("reasons", "") == "Persistent disruption");
    CHECK(n.value("objectives", "") == "Attend every day");
    CHECK(n.value("session_times", "") == "08:40-15:10");
    CHECK(n.value("days", 0) == 30);                              // 6 weeks from Mon 14 Sep 2026, no holiday inside
    CHECK(n["to"] == Json::array({"Mrs Parent", "Test Pupil"}));  // the pupil is 18 by the first day
    CHECK_FALSE(n.contains("copy_to"));
    sc.add(E::flags_recorded, {{"ehcp", true}});
    const CaseState with_plan = sc.state();
    CHECK(suggested_notice({with_plan, sc.pk, sc.cal, d("2026-09-09"), &sc.ws})["copy_to"] ==
          Json::array({"The local authority that maintains the EHCP"}));
}

TEST_CASE("documents/thurrock-contract-with-4-weekly-review-boxes") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    const Document c = doc(sc, "thurrock_contract");
    CHECK(value(c, "Trial period start") == "14/09/2026");
    CHECK(value(c, "Review Date 4 wks") == "12/10/2026");
    CHECK(value(c, "Review Date 16 wks") == "04/01/2027");
    CHECK(value(c, "1") == "Attendance to school must exceed 95% during the trial period");
    CHECK(missing(c, "Terms of contract for trial period: 4"));  // school-specific targets not set
    CHECK(missing(c, "LA Representative"));
    int boxes = 0;
    for (const auto& s : c.sections) boxes += s.heading.find("Week Review") != std::string::npos;
    CHECK(boxes == 4);
    CHECK(c.source.text.rfind("Thurrock Council", 0) == 0);

    // A review held near a box's week fills that box, and only that one.
    sc.start();
    sc.add(E::review_held, {{"date", "2026-10-14"}, {"outcome", "continue"}, {"targets", {"Hand in homework"}}});
    const Document r = doc(sc, "thurrock_contract");
    const auto     box = std::find_if(r.sections.begin(), r.sections.end(),
                                      [](const DocSection& s) { return s.heading == "4 Week Review"; });
    REQUIRE(box != r.sections.end());
    REQUIRE(box->fields.size() == 5);
    CHECK(box->fields[1].value == "Hand in homework");
    CHECK(box->fields[2].value == "14/10/2026 (Continue the placement)");
    const auto next = box + 1;
    CHECK(next->heading == "8 Week Review");
    CHECK(next->fields[2].value.empty());
}

TEST_CASE("documents/la-notifications-of-start-and-outcome") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    Document s = doc(sc, "la_start");
    CHECK(value(s, "Team") == "Fair Access team");
    CHECK(value(s, "Start date") == "14/09/2026");
    CHECK(value(s, "Host school") == "Host School");
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-10-20"}});
    const std::string transfer =
        sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "transferred"}, {"successful", true}});
    Document o = doc(sc, "la_outcome");
    CHECK(value(o, "Outcome") == "Transferred to the host school's roll (managed move)");
    CHECK(missing(o, "On the new roll from"));
    CHECK(value(o, "Ended early") == "No");
    CHECK(o.source.text.rfind("Norfolk County Council", 0) == 0);  // the notice cites the case's protocol
    const Json j = document_to_json(o);
    CHECK(j["id"] == "la_outcome");
    CHECK(j["missing"].size() == o.missing.size());

    sc.add(E::outcome_recorded, {{"date", "2026-10-24"}, {"outcome", "returned"}}, transfer);  // a correction
    o = doc(sc, "la_outcome");
    CHECK(value(o, "Outcome") == "Returned to the home school");
    CHECK(value(o, "On the new roll from") == "<none>");  // only for a transfer
    CHECK_FALSE(missing(o, "On the new roll from"));
}

// Issue 13 item 3: a letter names the host school and gives its address from the school list,
// never "URN 100001".
TEST_CASE("documents/a-school-is-named-with-its-address") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.ws.schools[1].address = "5 Mill Lane, Demotown";
    sc.prepare();
    sc.start();
    CHECK(value(doc(sc, "la_start"), "Host school") == "Host School, 5 Mill Lane, Demotown");
}

// Issue 12 §3 / Education (Educational Provision for Improving Behaviour) Regulations 2010 reg 4A:
// Thurrock's 2019 "contract for trial admission" and its "cannot be appealed" line are never printed
// unmarked; the printout says what the trial is in law now and keeps the parents' right to a review.
TEST_CASE("documents/reg-4A-the-thurrock-contract-carries-the-statutory-position") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    const Document    c = doc(sc, "thurrock_contract");
    const DocSection* law = nullptr;
    for (const auto& s : c.sections)
        if (s.heading.rfind("The law since 26 July 2026", 0) == 0) law = &s;
    REQUIRE(law);
    REQUIRE(law->paragraphs.size() == 1);
    CHECK(law->paragraphs[0].find("off-site direction") != std::string::npos);
    CHECK(law->paragraphs[0].find("ask in writing for a review") != std::string::npos);
    CHECK(law->paragraphs[0].find("(reg 4A)") != std::string::npos);
}

// Issue 12 §5: the parent/carer's address box is not filled with their telephone number.
TEST_CASE("documents/worcestershire-form-1-does-not-print-a-phone-number-as-the-parents-address") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.add(E::party_recorded, {{"role", "parent"}, {"name", "A Parent"}, {"contact", "07700 900123"}});
    const Document n = doc(sc, "worcs_notification");
    CHECK(value(n, "Parent/Carer Name") == "A Parent");
    CHECK(value(n, "Parent/Carer Address if different").find("07700") == std::string::npos);
}
