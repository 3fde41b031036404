#include "engine/demo.h"

#include <cstdio>

namespace cp {
namespace {

// Which case a story makes: the story's own pupil (all defaults), or another fictional pupil whose
// case went the same way and stands, on the demo's day, where the story stood on `until`. One
// story gives a protocol's case at each main stage.
struct Telling {
    const char* id = nullptr;  // case id (nullptr: the story's own)
    const char* pupil = nullptr;
    const char* upn = nullptr;
    const char* until = "9999-12-31";  // the last day told (ISO)
};

// Appends events to one case; each event is stamped on its own date at 16:00 plus a minute
// per event, so the log order follows the story.
struct Story {
    Case        c;
    std::string urn;
    int         n = 0;
    Author      author;
    Telling     telling;

    Story(const char* id, std::string own_urn, Author who, Telling t = {})
        : urn(std::move(own_urn)), author(std::move(who)), telling(t) {
        c.id = t.id ? t.id : id;
    }

    void add(const char* date, EventType type, Json payload, std::string supersedes = "") {
        if (std::string_view(date) > telling.until) return;
        if (type == EventType::case_opened && telling.pupil) {
            payload["pupil_name"] = telling.pupil;
            payload["upn"] = telling.upn;
        }
        char at[32];
        std::snprintf(at, sizeof at, "%sT16:%02d:00Z", date, n % 60);
        ++n;
        const std::string id = urn + "-" + c.id + "-" + std::to_string(n);
        append_event(c, {author, type, std::move(payload), std::move(supersedes)}, id, at);
    }
    void as(Author who) { author = std::move(who); }
};

const Author kDht{"Ms Rowan Ellery (fictional)", "Deputy Headteacher, home school lead"};
const Author kHost{"Mr Ash Patel (fictional)", "Assistant Head, host school lead"};
const Author kLa{"Mrs Hazel Morton (fictional)", "LA inclusion officer"};

Json opened(const char* date, const char* kind, const char* pack, const char* pupil, const char* dob, const char* upn,
            int year, const char* home_urn, const char* reason) {
    return {{"date", date},
            {"kind", kind},
            {"pack", pack},
            {"pupil_name", pupil},
            {"dob", dob},
            {"upn", upn},
            {"year_group", year},
            {"home_urn", home_urn},
            {"reason", reason},
            {"address", "1 Orchard Row, Demotown (fictional)"},
            {"at_risk_of_exclusion", true}};
}

Json notice(const char* date, const char* address, int days) {
    return {{"date", date},
            {"address", address},
            {"report_to", "Mr Ash Patel, Assistant Head, at reception at 08:30"},
            {"days", days},
            {"reasons", "Persistent disruption; a fresh start to improve future behaviour"},
            {"objectives", "Full attendance; completed classwork; no behaviour incidents"},
            {"session_times", "08:40-15:10"},
            {"to", {"parent"}},
            {"copy_to", {"Head Teacher", "School Admissions"}}};
}

void common_start(Story& s, const char* d, const char* host_urn) {
    s.add(d, EventType::party_recorded,
          {{"role", "parent"},
           {"name", "Pat Ward (fictional)"},
           {"relationship", "Mother"},
           {"parental_responsibility", true},
           {"contact", "07700 900000 (fictional)"}});
    s.add(d, EventType::party_recorded, {{"role", "home_lead"}, {"name", kDht.name}});
    s.add(d, EventType::party_recorded, {{"role", "host_lead"}, {"name", kHost.name}, {"school_urn", host_urn}});
    s.add(d, EventType::flags_recorded, {{"pupil_premium", true}, {"fsm", true}, {"sen_support", true}});
    s.add(d, EventType::history_recorded,
          {{"what", "intervention"},
           {"detail", "Pastoral Support Plan"},
           {"start", "2026-03-02"},
           {"end", "2026-07-17"}});
    s.add(d, EventType::history_recorded,
          {{"what", "suspension"}, {"detail", "Fighting"}, {"start", "2026-06-10"}, {"days", 2}});
    s.add(d, EventType::history_recorded,
          {{"what", "restorative_practice"}, {"detail", "Restorative conferences"}, {"start", "2026-05-01"}});
    s.add(d, EventType::views_recorded,
          {{"who", "pupil"}, {"date", d}, {"text", "I want a fresh start where people don't know me."}});
    s.add(d, EventType::views_recorded,
          {{"who", "parent"},
           {"date", d},
           {
               "text",
               "We will support the move.",
           },
           {"understands_reasons", true}});
    s.add(d, EventType::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", d}});
    s.add(d, EventType::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", d}});
}

Json agreement(const char* date, const char* start, int weeks, int every) {
    return {{"date", date},
            {"start", start},
            {"duration_weeks", weeks},
            {"review_every_weeks", every},
            {"success_criteria", {"Attendance above 95%", "All work completed", "No serious incidents"}},
            {"targets", {"Arrive on time every day", "Use the time-out card instead of leaving lessons"}},
            {"reasonable_adjustments", "Time-out card; seat near the door"},
            {"host_support", "Daily check-in with a mentor"},
            {"home_support", "Weekly pastoral visit; uniform grant"},
            {"funding", "Home school pays transport for the placement"},
            {"transport", "Bus pass from the home school"},
            {"uniform", "Host lends a blazer"},
            {"free_school_meals", "Host provides, invoices home"},
            {"alternative_strategy", "Return to the home school with a reintegration timetable"},
            {"session_times", "08:40-15:10"},
            {"signed_by", {"Parent", "Pupil", "Home school", "Host school"}},
            {"dual_registration_form", true}};
}

Case worcs_overdue_review(const std::string& urn, Telling t = {}) {
    Story s("DEMO-WO-1", urn, kDht, t);
    s.add("2026-09-07", EventType::case_opened,
          opened("2026-09-07", "off_site_direction", "worcestershire", "Ellis Ward (fictional)", "2012-02-14",
                 "X900000000001", 9, urn.c_str(), "Persistent disruptive behaviour"));
    common_start(s, "2026-09-07", "900011");
    s.add("2026-09-08", EventType::gate_cleared,
          {{"gate", "board_decision"}, {"date", "2026-09-08"}, {"by", "Behaviour committee (delegated)"}});
    s.add("2026-09-08", EventType::host_proposed,
          {{"urn", "900011"}, {"date", "2026-09-08"}, {"reasons", "Next appropriate school to home"}});
    s.add("2026-09-10", EventType::host_decision, {{"urn", "900011"}, {"accepted", true}, {"date", "2026-09-10"}});
    s.add("2026-09-14", EventType::meeting_held,
          {{"kind", "initial"},
           {"date", "2026-09-14"},
           {"pupil_engaged", true},
           {"attendees", {"Parent", "Pupil", "Home school", "Host school"}}});
    s.add("2026-09-14", EventType::agreement_signed, agreement("2026-09-14", "2026-09-21", 12, 4));
    s.add("2026-09-15", EventType::notice_sent,
          notice("2026-09-15", "Brookfield Academy (fictional), 5 Mill Lane, Demotown", 60));
    s.as(kHost);
    s.add("2026-09-21", EventType::placement_started, {{"date", "2026-09-21"}});
    s.add("2026-09-28", EventType::attendance_week,
          {{"week_start", "2026-09-21"}, {"sessions", "//////////"}, {"reported", "2026-09-28"}});
    s.add("2026-10-05", EventType::attendance_week,
          {{"week_start", "2026-09-28"}, {"sessions", "////////LL"}, {"reported", "2026-10-05"}});
    s.add("2026-10-12", EventType::attendance_week,
          {{"week_start", "2026-10-05"}, {"sessions", "//////I///"}, {"reported", "2026-10-12"}});
    s.as(kDht);
    s.add("2026-10-12", EventType::review_scheduled, {{"date", "2026-10-19"}});
    s.add("2026-10-15", EventType::review_invitation_sent,
          {{"review_date", "2026-10-19"}, {"date", "2026-10-15"}, {"in_writing", true}});
    s.add("2026-10-16", EventType::note,
          {{"text", "Review postponed at the host's request; new date to be set."}, {"date", "2026-10-16"}});
    s.as(kHost);
    s.add("2026-10-19", EventType::attendance_week,
          {{"week_start", "2026-10-12"}, {"sessions", "//////////"}, {"reported", "2026-10-19"}});
    s.add("2026-11-09", EventType::attendance_week,
          {{"week_start", "2026-11-02"}, {"sessions", "--////////"}, {"reported", "2026-11-09"}});
    s.add("2026-11-16", EventType::attendance_week,
          {{"week_start", "2026-11-09"}, {"sessions", "////////NN"}, {"reported", "2026-11-16"}});
    return s.c;
}

Case worcs_converted(const std::string& urn) {
    Story s("DEMO-WO-2", urn, kDht);
    s.add("2026-09-01", EventType::case_opened,
          opened("2026-09-01", "osd_to_managed_move", "worcestershire", "Morgan Price (fictional)", "2011-06-30",
                 "X900000000002", 10, urn.c_str(), "Peer conflict; at risk of permanent exclusion"));
    common_start(s, "2026-09-01", "900012");
    s.add("2026-09-02", EventType::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-02"}});
    s.add("2026-09-02", EventType::host_proposed, {{"urn", "900012"}, {"date", "2026-09-02"}});
    s.add("2026-09-03", EventType::host_decision, {{"urn", "900012"}, {"accepted", true}, {"date", "2026-09-03"}});
    s.add("2026-09-04", EventType::meeting_held,
          {{"kind", "initial"}, {"date", "2026-09-04"}, {"pupil_engaged", true}});
    s.add("2026-09-04", EventType::agreement_signed, agreement("2026-09-04", "2026-09-14", 8, 3));
    s.add("2026-09-07", EventType::notice_sent,
          notice("2026-09-07", "Westmere School (fictional), 9 Park Road, Demotown", 40));
    s.add("2026-09-14", EventType::placement_started, {{"date", "2026-09-14"}});
    s.add("2026-09-14", EventType::la_notified,
          {{"what", "start"}, {"date", "2026-09-14"}, {"to", "School Admissions"}});
    const char* weeks[] = {"2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05",
                           "2026-10-12", "2026-10-19", "2026-11-02"};
    for (const char* w : weeks) s.add(w, EventType::attendance_week, {{"week_start", w}, {"sessions", "//////////"}});
    s.add("2026-09-28", EventType::review_scheduled, {{"date", "2026-10-05"}});
    s.add("2026-09-28", EventType::review_invitation_sent,
          {{"review_date", "2026-10-05"}, {"date", "2026-09-28"}, {"in_writing", true}});
    s.add("2026-10-05", EventType::review_held,
          {{"date", "2026-10-05"},
           {"outcome", "continue"},
           {"progress", "Settled quickly; no incidents"},
           {"pupil_views", "I like it here"},
           {"next_review", "2026-11-09"},
           {"continue_until", "2026-11-09"}});
    s.add("2026-11-02", EventType::review_invitation_sent,
          {{"review_date", "2026-11-09"}, {"date", "2026-11-02"}, {"in_writing", true}});
    s.add("2026-11-05", EventType::consent_recorded,
          {{"who", "admission_authority"},
           {"given", true},
           {"date", "2026-11-05"},
           {"comments", "Westmere Academy Trust admissions (fictional)"}});
    s.add("2026-11-09", EventType::review_held,
          {{"date", "2026-11-09"},
           {"outcome", "convert"},
           {"progress", "All criteria met"},
           {"pupil_views", "I want to stay"},
           {"parent_views", "Delighted"}});
    s.add("2026-11-09", EventType::outcome_recorded,
          {{"date", "2026-11-09"},
           {"outcome", "transferred"},
           {"successful", true},
           {"on_roll_date", "2026-11-16"},
           {"decided_by", "All parties at the review"}});
    s.add("2026-11-10", EventType::la_notified,
          {{"what", "outcome"}, {"date", "2026-11-10"}, {"to", "Children's Services Portal"}});
    return s.c;
}

Case thurrock_breach(const std::string& urn, Telling t = {}) {
    Story s("DEMO-TH-1", urn, kDht, t);
    s.add("2026-09-07", EventType::case_opened,
          opened("2026-09-07", "osd_to_managed_move", "thurrock", "Riley Hughes (fictional)", "2011-11-02",
                 "X900000000003", 10, "900021", "Risk of permanent exclusion"));
    common_start(s, "2026-09-07", "900022");
    s.add("2026-09-07", EventType::step_recorded,
          {{"step", "gdpr_form_signed"}, {"date", "2026-09-07"}, {"signed_by", "Pat Ward (fictional)"}});
    s.add("2026-09-08", EventType::pupil_details,
          {{"section", "student_passport"}, {"fields", {{"psp_reviews", "attached"}, {"behaviour_log", "attached"}}}});
    s.add(
        "2026-09-08", EventType::information_shared,
        {{"date", "2026-09-08"}, {"items", {"passport", "academic", "behaviour", "attendance", "send_safeguarding"}}});
    s.as(kLa);
    s.add("2026-09-17", EventType::panel_presented,
          {{"date", "2026-09-17"}, {"panel", "Inclusion Panel"}, {"outcome", "host_identified"}});
    s.add("2026-09-17", EventType::host_proposed, {{"urn", "900022"}, {"date", "2026-09-17"}});
    s.add("2026-09-21", EventType::host_decision, {{"urn", "900022"}, {"accepted", true}, {"date", "2026-09-21"}});
    s.add("2026-09-24", EventType::meeting_held,
          {{"kind", "strategy"}, {"date", "2026-09-24"}, {"pupil_engaged", true}, {"notes", "Chaired by the SAIO"}});
    s.add("2026-09-24", EventType::agreement_signed, agreement("2026-09-24", "2026-10-05", 12, 4));
    s.as(kDht);
    s.add("2026-09-29", EventType::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-29"}});
    s.add("2026-09-29", EventType::notice_sent,
          notice("2026-09-29", "Riverside Academy (fictional), 3 Quay St, Demoport", 60));
    s.add("2026-10-05", EventType::placement_started, {{"date", "2026-10-05"}});
    s.as(kHost);
    s.add("2026-10-12", EventType::attendance_week, {{"week_start", "2026-10-05"}, {"sessions", "//////////"}});
    s.add("2026-10-19", EventType::attendance_week, {{"week_start", "2026-10-12"}, {"sessions", "////////L/"}});
    s.add("2026-11-04", EventType::serious_breach,
          {{"date", "2026-11-04"}, {"category", "assault"}, {"description", "Assault on a pupil at lunchtime"}});
    s.as(kDht);
    s.add("2026-11-05", EventType::meeting_held,
          {{"kind", "emergency"}, {"date", "2026-11-05"}, {"attendees", {"Parent", "Pupil", "Home school"}}});
    s.add("2026-11-05", EventType::placement_ended,
          {{"date", "2026-11-04"},
           {"reason", "serious_breach"},
           {"return_date", "2026-11-06"},
           {"written_to_parent", true},
           {"consulted_home_head", true}});
    s.add("2026-11-06", EventType::outcome_recorded,
          {{"date", "2026-11-06"},
           {"outcome", "returned"},
           {"successful", false},
           {"decided_by", "Home school after the emergency meeting"}});
    return s.c;
}

Case oxon_returned(const std::string& urn, Telling t = {}) {
    Story s("DEMO-OX-1", urn, kDht, t);
    s.add("2026-09-02", EventType::case_opened,
          opened("2026-09-02", "osd_to_managed_move", "oxfordshire", "Casey Moore (fictional)", "2012-09-09",
                 "X900000000004", 9, "900031", "Attendance and bullying concerns"));
    common_start(s, "2026-09-02", "900032");
    s.add("2026-09-02", EventType::la_notified, {{"what", "intention"}, {"date", "2026-09-02"}, {"to", "ERT"}});
    s.add("2026-09-03", EventType::host_proposed, {{"urn", "900032"}, {"date", "2026-09-03"}});
    s.add("2026-09-04", EventType::host_decision, {{"urn", "900032"}, {"accepted", true}, {"date", "2026-09-04"}});
    s.add("2026-09-07", EventType::step_recorded,
          {{"step", "visit_held"}, {"date", "2026-09-07"}, {"attendees", {"Pupil", "Parent", "Home school"}}});
    s.add("2026-09-07", EventType::information_shared,
          {{"date", "2026-09-07"}, {"items", {"academic", "behaviour", "attendance", "send_safeguarding"}}});
    s.add("2026-09-08", EventType::agreement_signed, agreement("2026-09-08", "2026-09-14", 6, 3));
    s.add("2026-09-08", EventType::la_notified, {{"what", "arrangements"}, {"date", "2026-09-08"}, {"to", "ERT"}});
    s.add("2026-09-09", EventType::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-09"}});
    s.add("2026-09-09", EventType::notice_sent,
          notice("2026-09-09", "Hillcrest School (fictional), 2 Ridge Way, Demoford", 30));
    s.add("2026-09-14", EventType::placement_started, {{"date", "2026-09-14"}});
    s.add("2026-09-28", EventType::step_recorded,
          {{"step", "progress_check"}, {"date", "2026-09-28"}, {"notes", "Struggling with friendships"}});
    s.add("2026-10-05", EventType::review_held,
          {{"date", "2026-10-05"},
           {"outcome", "continue"},
           {"concerns", "Low mood"},
           {"next_review", "2026-10-22"},
           {"continue_until", "2026-10-22"}});
    s.add("2026-10-09", EventType::panel_presented,
          {{"date", "2026-10-09"}, {"panel", "Locality IYFA Inclusion Panel"}, {"outcome", "noted"}});
    s.add("2026-10-12", EventType::step_recorded, {{"step", "progress_check"}, {"date", "2026-10-12"}});
    s.add("2026-10-22", EventType::review_held,
          {{"date", "2026-10-22"},
           {"outcome", "return"},
           {"pupil_views", "I miss my friends at my old school; I want help there"}});
    s.add("2026-10-22", EventType::outcome_recorded,
          {{"date", "2026-10-22"},
           {"outcome", "returned"},
           {"successful", false},
           {"pupil_views", "Wants a mentor at the home school"}});
    s.add("2026-10-23", EventType::la_notified, {{"what", "outcome"}, {"date", "2026-10-23"}, {"to", "ERT"}});
    return s.c;
}

Case norfolk_preparing(const std::string& urn) {
    Story s("DEMO-NO-1", urn, kDht);
    s.add("2026-11-09", EventType::case_opened,
          opened("2026-11-09", "osd_to_managed_move", "norfolk", "Jamie Lewis (fictional)", "2013-01-20",
                 "X900000000005", 8, "900041", "Escalating incidents despite support"));
    s.add("2026-11-10", EventType::consent_recorded,
          {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-11-10"}});
    s.add("2026-11-10", EventType::views_recorded,
          {{"who", "pupil"}, {"date", "2026-11-10"}, {"text", "Unsure, but willing to visit"}});
    s.as(kLa);
    s.add("2026-11-12", EventType::step_recorded,
          {{"step", "nearest_schools_listed"},
           {"date", "2026-11-12"},
           {"schools", Json::array({{{"urn", "900042"}, {"moves_in", 2}, {"moves_out", 1}},
                                    {{"urn", "900043"}, {"moves_in", 0}, {"moves_out", 3}},
                                    {{"urn", "900044"}, {"moves_in", 1}, {"moves_out", 1}},
                                    {{"urn", "900045"}, {"moves_in", 4}, {"moves_out", 0}}})}});
    s.as(kDht);
    s.add("2026-11-13", EventType::host_proposed,
          {{"urn", "900043"}, {"date", "2026-11-13"}, {"reasons", "Nearest; no recent moves in"}});
    return s.c;
}

// Hammersmith & Fulham's guidance calls the period a "trial transfer"; since 26 July 2026 that is an
// off-site direction converting to a managed move (the app says a trial managed move is not allowed).
Case hf_agreeing(const std::string& urn) {
    Story s("DEMO-HF-1", urn, kDht);
    s.add("2026-11-02", EventType::case_opened,
          opened("2026-11-02", "osd_to_managed_move", "hammersmith-fulham", "Taylor Bennett (fictional)", "2012-04-04",
                 "X900000000006", 9, "900051", "Home school proposes a trial period at another school"));
    common_start(s, "2026-11-02", "900052");
    s.add("2026-11-03", EventType::host_proposed, {{"urn", "900052"}, {"date", "2026-11-03"}});
    s.add("2026-11-05", EventType::host_decision, {{"urn", "900052"}, {"accepted", true}, {"date", "2026-11-05"}});
    s.add("2026-11-12", EventType::meeting_held,
          {{"kind", "initial"}, {"date", "2026-11-12"}, {"pupil_engaged", true}});
    s.add("2026-11-12", EventType::agreement_signed, agreement("2026-11-12", "2026-11-23", 6, 6));
    return s.c;
}

// A Hammersmith & Fulham direction from the start of term to the transfer (or, told to an earlier
// day, a placement under way).
Case hf_transferred(const std::string& urn, Telling t) {
    Story s("DEMO-HF-2", urn, kDht, t);
    s.add("2026-09-07", EventType::case_opened,
          opened("2026-09-07", "osd_to_managed_move", "hammersmith-fulham", "", "2012-01-19", "", 9, "900051",
                 "Repeated defiance; a fresh start agreed with the family"));
    common_start(s, "2026-09-07", "900052");
    s.add("2026-09-08", EventType::host_proposed, {{"urn", "900052"}, {"date", "2026-09-08"}});
    s.add("2026-09-09", EventType::host_decision, {{"urn", "900052"}, {"accepted", true}, {"date", "2026-09-09"}});
    s.add("2026-09-10", EventType::meeting_held,
          {{"kind", "initial"}, {"date", "2026-09-10"}, {"pupil_engaged", true}});
    s.add("2026-09-10", EventType::agreement_signed, agreement("2026-09-10", "2026-09-21", 6, 3));
    s.add("2026-09-11", EventType::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-11"}});
    s.add("2026-09-11", EventType::notice_sent,
          notice("2026-09-11", "Riverbank School (fictional), Riverbank Terrace, Riverside", 40));
    s.add("2026-09-21", EventType::placement_started, {{"date", "2026-09-21"}});
    s.add("2026-09-21", EventType::la_notified, {{"what", "start"}, {"date", "2026-09-21"}, {"to", "Admissions"}});
    s.add("2026-10-12", EventType::review_held,
          {{"date", "2026-10-12"},
           {"outcome", "continue"},
           {"progress", "Settled; two minor incidents"},
           {"pupil_views", "Better than I expected"},
           {"next_review", "2026-11-02"},
           {"continue_until", "2026-11-02"}});
    s.add("2026-11-02", EventType::consent_recorded,
          {{"who", "admission_authority"}, {"given", true}, {"date", "2026-11-02"}});
    s.add("2026-11-02", EventType::review_held,
          {{"date", "2026-11-02"},
           {"outcome", "convert"},
           {"progress", "Targets met"},
           {"pupil_views", "I want to stay"},
           {"parent_views", "Happy with the school"}});
    s.add("2026-11-02", EventType::outcome_recorded,
          {{"date", "2026-11-02"},
           {"outcome", "transferred"},
           {"successful", true},
           {"on_roll_date", "2026-11-09"},
           {"decided_by", "All parties at the review"}});
    s.add("2026-11-03", EventType::la_notified, {{"what", "outcome"}, {"date", "2026-11-03"}, {"to", "Admissions"}});
    return s.c;
}

// A Norfolk direction converting to a managed move from the start of term: the four nearest schools,
// Fair Access, a meeting of both schools, the 8-week trial with weekly attendance, then the transfer.
Case norfolk_transferred(const std::string& urn, Telling t) {
    Story s("DEMO-NO-2", urn, kDht, t);
    s.add("2026-09-07", EventType::case_opened,
          opened("2026-09-07", "osd_to_managed_move", "norfolk", "", "2011-08-08", "", 10, "900041",
                 "Persistent disruption; at risk of permanent exclusion"));
    common_start(s, "2026-09-07", "900042");
    s.as(kLa);
    s.add("2026-09-07", EventType::step_recorded,
          {{"step", "nearest_schools_listed"},
           {"date", "2026-09-07"},
           {"schools", Json::array({{{"urn", "900042"}, {"moves_in", 1}, {"moves_out", 0}},
                                    {{"urn", "900043"}, {"moves_in", 0}, {"moves_out", 2}},
                                    {{"urn", "900044"}, {"moves_in", 2}, {"moves_out", 1}},
                                    {{"urn", "900045"}, {"moves_in", 0}, {"moves_out", 0}}})}});
    s.add("2026-09-08", EventType::gate_cleared, {{"gate", "fair_access_team"}, {"date", "2026-09-08"}});
    s.as(kDht);
    s.add("2026-09-08", EventType::host_proposed, {{"urn", "900042"}, {"date", "2026-09-08"}});
    s.add("2026-09-08", EventType::host_decision, {{"urn", "900042"}, {"accepted", true}, {"date", "2026-09-08"}});
    s.add("2026-09-09", EventType::meeting_held,
          {{"kind", "joint_schools"}, {"date", "2026-09-09"}, {"pupil_engaged", true}});
    s.add("2026-09-09", EventType::agreement_signed, agreement("2026-09-09", "2026-09-14", 8, 4));
    s.add("2026-09-09", EventType::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-09"}});
    s.add("2026-09-09", EventType::notice_sent,
          notice("2026-09-09", "Marshgate High School (fictional), Marsh Road, Broadwater", 40));
    s.add("2026-09-14", EventType::placement_started, {{"date", "2026-09-14"}});
    s.as(kHost);
    // Weekly attendance to the home school, told in date order with the review between.
    for (const char* w : {"2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12"})
        s.add(w, EventType::attendance_week, {{"week_start", w}, {"sessions", "//////////"}});
    s.as(kDht);
    s.add("2026-10-12", EventType::review_held,
          {{"date", "2026-10-12"},
           {"outcome", "continue"},
           {"progress", "Good start"},
           {"next_review", "2026-11-16"},
           {"continue_until", "2026-11-16"}});
    s.as(kHost);
    for (const char* w : {"2026-10-19", "2026-11-02", "2026-11-09"})
        s.add(w, EventType::attendance_week, {{"week_start", w}, {"sessions", "//////////"}});
    s.as(kDht);
    s.add("2026-11-16", EventType::consent_recorded,
          {{"who", "admission_authority"}, {"given", true}, {"date", "2026-11-16"}});
    s.add(
        "2026-11-16", EventType::review_held,
        {{"date", "2026-11-16"}, {"outcome", "convert"}, {"progress", "Trial met"}, {"pupil_views", "I want to stay"}});
    s.add("2026-11-16", EventType::outcome_recorded,
          {{"date", "2026-11-16"},
           {"outcome", "transferred"},
           {"successful", true},
           {"on_roll_date", "2026-11-23"},
           {"decided_by", "All parties at the review"}});
    return s.c;
}

}  // namespace

Workspace make_demo_workspace() {
    Workspace ws;
    ws.own = {"Larkspur High School (fictional)", "900001", "worcestershire", "home_school"};
    // Fictional schools in a fictional town: names, addresses and distances as a directory holds them.
    const auto school = [&](const char* urn, const char* name, const char* phase, const char* gov, const char* la,
                            const char* address, const char* notes, int m) {
        ws.schools.push_back({urn, name, phase, gov, la, address, notes, m});
    };
    school("900001", "Larkspur High School (fictional)", "secondary", "maintained", "", "1 Larkspur Lane, Demotown",
           "Our school", 0);
    school("900011", "Brookfield Academy (fictional)", "secondary", "academy", "", "5 Mill Lane, Demotown",
           "2.4 miles; bus route 7", 3900);
    school("900012", "Westmere School (fictional)", "secondary", "academy", "", "Westmere Avenue, Demotown",
           "3.1 miles", 5000);
    school("900013", "Demotown Pupil Referral Unit (fictional)", "alternative_provision", "pru", "",
           "The Old Library, Mill Street, Demotown", "Short-stay school", 6100);
    school("900021", "Quayside High (fictional)", "secondary", "academy", "thurrock", "Quay Street, Estuary Town",
           "Thurrock example", -1);
    school("900022", "Riverside Academy (fictional)", "secondary", "academy", "thurrock",
           "12 Riverside Walk, Estuary Town", "Thurrock example", -1);
    school("900031", "Meadowbank School (fictional)", "secondary", "maintained", "oxfordshire",
           "Meadow Lane, Vale Town", "Oxfordshire example", -1);
    school("900032", "Hillcrest School (fictional)", "secondary", "academy", "oxfordshire", "Hill Road, Vale Town",
           "Oxfordshire example", -1);
    school("900041", "Fenway Academy (fictional)", "secondary", "academy", "norfolk", "Fen Lane, Broadwater",
           "Norfolk example", -1);
    school("900042", "Marshgate High School (fictional)", "secondary", "academy", "norfolk", "Marsh Road, Broadwater",
           "Nearest; 1.2 miles", 1900);
    school("900043", "Reedham Park Academy (fictional)", "secondary", "academy", "norfolk", "Park Drive, Reedham Green",
           "2.0 miles; bus route 12", 3200);
    school("900044", "St Clement's School (fictional)", "secondary", "maintained", "norfolk",
           "Church Street, Broadwater", "2.6 miles", 4200);
    school("900045", "Wherry Lane Academy (fictional)", "secondary", "academy", "norfolk", "Wherry Lane, Saltmarsh",
           "3.4 miles; over walking distance", 5500);
    school("900051", "Fulwell College (fictional)", "secondary", "maintained", "hammersmith-fulham",
           "Fulwell Road, Riverside", "H&F example", -1);
    school("900052", "Riverbank School (fictional)", "secondary", "academy", "hammersmith-fulham",
           "Riverbank Terrace, Riverside", "H&F example", -1);
    ws.staff = {{"s1", kDht.name, kDht.role}, {"s2", kHost.name, kHost.role}, {"s3", kLa.name, kLa.role}};
    const std::string urn = ws.own.urn;
    // One case per protocol at each main stage: preparing or agreeing, in placement, and ended.
    ws.cases = {
        worcs_overdue_review(urn),
        worcs_converted(urn),
        worcs_overdue_review(urn, {"DEMO-WO-3", "Alex Turner (fictional)", "X900000000007", "2026-09-08"}),
        thurrock_breach(urn, {nullptr, nullptr, nullptr, "2026-11-05"}),
        thurrock_breach(urn, {"DEMO-TH-2", "Sam Okafor (fictional)", "X900000000008", "2026-09-17"}),
        thurrock_breach(urn, {"DEMO-TH-3", "Jordan Reid (fictional)", "X900000000009", "2026-10-19"}),
        thurrock_breach(urn, {"DEMO-TH-4", "Quinn Ellis (fictional)", "X900000000016"}),
        oxon_returned(urn),
        oxon_returned(urn, {"DEMO-OX-2", "Robin Shaw (fictional)", "X900000000010", "2026-09-04"}),
        oxon_returned(urn, {"DEMO-OX-3", "Frankie Doyle (fictional)", "X900000000011", "2026-10-12"}),
        norfolk_preparing(urn),
        norfolk_transferred(urn, {nullptr, "Charlie Dunn (fictional)", "X900000000012"}),
        norfolk_transferred(urn, {"DEMO-NO-3", "Avery Stone (fictional)", "X900000000013", "2026-10-19"}),
        hf_agreeing(urn),
        hf_transferred(urn, {nullptr, "Drew Carter (fictional)", "X900000000014"}),
        hf_transferred(urn, {"DEMO-HF-3", "Kit Barnes (fictional)", "X900000000015", "2026-10-12"}),
    };
    return ws;
}

}  // namespace cp
