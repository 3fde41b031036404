#include "engine/events.h"

#include <algorithm>

#include "engine/date.h"
#include "engine/plan.h"  // the register codes

namespace cp {
namespace {

using F = FieldType;

FieldSpec req(const char* n, F t, const char* label, std::vector<const char*> v = {}, std::vector<FieldSpec> c = {},
              int rows = 1) {
    return {n, t, true, std::move(v), label, std::move(c), rows};
}
FieldSpec opt(const char* n, F t, const char* label, std::vector<const char*> v = {}) {
    return {n, t, false, std::move(v), label};
}
FieldSpec opt_with(const char* n, F t, const char* label, const char* field, const char* value) {
    return {n, t, false, {}, label, {}, 1, field, value};
}

const std::vector<const char*> kKinds = {"off_site_direction", "managed_move", "osd_to_managed_move", "reintegration"};

std::vector<EventSpec> build_specs() {
    using E = EventType;
    return {
        {E::case_opened,
         "case_opened",
         "Case opened",
         {req("date", F::date, "date the case was opened"), req("kind", F::one_of, "case kind", kKinds),
          req("pack", F::text, "protocol pack id"), req("pupil_name", F::text, "pupil's full name"),
          opt("dob", F::date, "date of birth"), opt("upn", F::text, "unique pupil number"),
          opt("year_group", F::integer, "current year group"), opt("gender", F::text, "gender"),
          opt("address", F::text, "home address"), opt("home_urn", F::school, "home school"),
          opt("setting", F::one_of, "placement setting", {"school", "alternative_provision"}),
          opt("reason", F::text, "reason for the case"),
          opt("at_risk_of_exclusion", F::boolean, "pupil at risk of permanent exclusion")}},
        {E::pupil_details,
         "pupil_details",
         "Pupil passport section",
         // The parts are the protocol's own (its passport form names them): the plan refuses one it lacks.
         {req("section", F::text, "section"), req("fields", F::object, "section contents")}},
        {E::flags_recorded,
         "flags_recorded",
         "Needs and circumstances",
         {opt("ehcp", F::boolean, "has an EHCP"), opt("ehcna", F::boolean, "EHC needs assessment under way"),
          opt("cla", F::boolean, "child looked after"), opt("cp_plan", F::boolean, "child protection plan"),
          opt("cin_plan", F::boolean, "child in need plan"), opt("eha", F::boolean, "early help assessment"),
          opt("pupil_premium", F::boolean, "pupil premium"), opt("fsm", F::boolean, "free school meals"),
          opt("sen_support", F::boolean, "SEN support"), opt("eal", F::boolean, "English as an additional language"),
          opt("refugee", F::boolean, "refugee family"),
          opt("safeguarding_concerns", F::boolean, "safeguarding concerns"),
          opt("disability", F::boolean, "disability, diagnosis or medical condition")}},
        {E::party_recorded,
         "party_recorded",
         "Person involved",
         {req("role", F::one_of, "role",
              {"parent", "home_lead", "host_lead", "la_officer", "social_worker", "virtual_school", "sen_officer",
               "governor", "headteacher", "other"}),
          req("name", F::text, "name"), opt("contact", F::text, "contact details"),
          opt("relationship", F::text, "relationship to the child"), opt("school_urn", F::school, "school"),
          opt("parental_responsibility", F::boolean, "has parental responsibility")}},
        {E::history_recorded,
         "history_recorded",
         "History entry",
         {req("what", F::one_of, "kind of entry",
              {"intervention", "exclusion", "suspension", "agency", "school_attended", "previous_direction",
               "previous_managed_move", "restorative_practice"}),
          req("detail", F::text, "what it was"), opt("start", F::date, "start date"), opt("end", F::date, "end date"),
          opt("days", F::integer, "number of days"), opt("successful", F::boolean, "was it successful"),
          opt("notes", F::text, "notes")}},
        {E::consent_recorded,
         "consent_recorded",
         "Consent recorded",
         {req("who", F::one_of, "whose consent",
              {"parent", "pupil", "admission_authority", "home_school", "host_school"}),
          req("given", F::boolean, "consent given"), req("date", F::date, "date"),
          opt("in_writing", F::boolean, "given in writing"), opt("comments", F::text, "comments")}},
        {E::views_recorded,
         "views_recorded",
         "Views recorded",
         {req("who", F::one_of, "whose views", {"parent", "pupil"}), req("date", F::date, "date"),
          req("text", F::text, "views"), opt("in_writing", F::boolean, "submitted in writing"),
          opt("understands_reasons", F::boolean, "parent understands the reasons")}},
        {E::gate_cleared,
         "gate_cleared",
         "Agreement obtained",
         {req("gate", F::one_of, "whose agreement",
              {"virtual_school", "social_worker", "sen_officer", "send_team", "ad_education", "panel_repeat_referral",
               "board_decision", "admission_authority", "fair_access_team"}),
          req("date", F::date, "date"), opt("by", F::text, "given by"), opt("notes", F::text, "notes")}},
        {E::panel_presented,
         "panel_presented",
         "Presented at panel",
         {req("date", F::date, "panel date"), opt("panel", F::text, "panel name"),
          opt("outcome", F::one_of, "panel outcome", {"noted", "host_identified", "agreed", "deferred", "declined"}),
          opt("notes", F::text, "notes")}},
        {E::host_proposed,
         "host_proposed",
         "Host school approached",
         {req("urn", F::school, "host school"), req("date", F::date, "date"),
          opt("reasons", F::text, "why this school")}},
        {E::host_decision,
         "host_decision",
         "Host school decision",
         {req("urn", F::school, "host school"), req("accepted", F::boolean, "accepted"), req("date", F::date, "date"),
          opt("notes", F::text, "notes")}},
        {E::information_shared,
         "information_shared",
         "Information shared with host",
         {req("date", F::date, "date"),
          // The usual items are ticked; anything else is written in.
          req("items", F::text_list, "what was shared",
              {"academic", "behaviour", "attendance", "send_safeguarding", "passport"})}},
        {E::meeting_held,
         "meeting_held",
         "Meeting held",
         {req("kind", F::one_of, "meeting",
              {"strategy", "initial", "planning", "joint_schools", "emergency", "head_to_head", "reintegration"}),
          req("date", F::date, "date"), opt("attendees", F::text_list, "attendees"),
          opt("pupil_engaged", F::boolean, "pupil engaged at the meeting"), opt("notes", F::text, "minutes")}},
        {E::agreement_signed,
         "agreement_signed",
         "Placement agreement signed",
         {req("date", F::date, "date signed"),
          req("start", F::date, "start date"),
          req("duration_weeks", F::integer, "length in weeks"),
          opt("review_every_weeks", F::integer, "weeks between reviews"),
          opt("first_review", F::date, "first review date"),
          opt("success_criteria", F::text_list, "success criteria"),
          opt("targets", F::text_list, "targets"),
          opt("reasonable_adjustments", F::text, "reasonable adjustments"),
          opt("host_support", F::text, "host school support"),
          opt("home_support", F::text, "home school support"),
          opt("funding", F::text, "funding"),
          opt("transport", F::text, "transport"),
          opt("uniform", F::text, "uniform"),
          opt("free_school_meals", F::text, "free school meals"),
          opt("attendance_arrangements", F::text, "attendance arrangements"),
          opt("behaviour_response", F::text, "response to poor behaviour"),
          opt("justification", F::text, "justification for the length"),
          opt("alternative_strategy", F::text, "plan if the placement fails"),
          opt("session_times", F::text, "session times"),
          opt("signed_by", F::text_list, "signatories"),
          opt("dual_registration_form", F::boolean, "dual registration form signed")}},
        {E::notice_sent,
         "notice_sent",
         "Written notice of the direction sent",
         {req("date", F::date, "date sent"), opt("address", F::text, "address of the setting"),
          opt("report_to", F::text, "who the pupil reports to on the first day"),
          opt("days", F::integer, "number of days"), opt("reasons", F::text, "reasons"),
          opt("objectives", F::text, "objectives"), opt("session_times", F::text, "session times"),
          opt("to", F::text_list, "sent to"), opt("copy_to", F::text_list, "copies sent to")}},
        {E::placement_started, "placement_started", "Placement started", {req("date", F::date, "first day")}},
        {E::attendance_week,
         "attendance_week",
         "Week of attendance",
         {req("week_start", F::date, "Monday of the week"),
          req("sessions", F::text, "register codes, two per day Monday-Friday, '-' when no session"),
          opt("reported", F::date, "date reported to the home school")}},
        {E::review_scheduled,
         "review_scheduled",
         "Review scheduled",
         {req("date", F::date, "review date"), opt("emergency", F::boolean, "emergency review"),
          opt("reason", F::text, "reason")}},
        {E::review_invitation_sent,
         "review_invitation_sent",
         "Review invitation sent to parents",
         {req("review_date", F::date, "review date"), req("date", F::date, "date sent"),
          opt("in_writing", F::boolean, "in writing")}},
        {E::review_requested,
         "review_requested",
         "Review requested",
         {req("date", F::date, "date of the request"),
          req("by", F::one_of, "requested by", {"parent", "la", "pupil", "host_school"}),
          opt("in_writing", F::boolean, "in writing")}},
        {E::review_held,
         "review_held",
         "Review meeting held",
         {req("date", F::date, "date"),
          req("outcome", F::one_of, "outcome", {"continue", "extend", "end_early", "return", "convert"}),
          opt("attendees", F::text_list, "attendees"), opt("progress", F::text, "progress towards success"),
          opt("concerns", F::text, "issues causing concern"), opt("support", F::text, "additional support required"),
          opt("pupil_views", F::text, "pupil voice"), opt("parent_views", F::text, "parent's views"),
          opt("next_review", F::date, "date of next meeting"),
          opt_with("continue_until", F::date, "continues until", "outcome", "continue"),
          opt_with("extend_weeks", F::integer, "weeks of extension", "outcome", "extend"),
          opt("emergency", F::boolean, "emergency review"), opt("targets", F::text_list, "targets added")}},
        // A step the case's protocol declares: its id in `step`, its date, and the fields its `asks` lists.
        // The fields are the union of what steps ask for, so a step recorded under an earlier edition of
        // its protocol still reads (and so does one stored under its old type name: see legacy_step).
        {E::step_recorded,
         "step_recorded",
         "Protocol step",
         {req("step", F::text, "step"),
          req("date", F::date, "date"),
          opt("signed_by", F::text, "signed by"),
          opt("attendees", F::text_list, "who attended"),
          {"schools",
           F::object_list,
           false,
           {},
           "the nearest schools, with the managed moves in and out of each",
           {req("urn", F::school, "school"), opt("moves_in", F::integer, "moves in"),
            opt("moves_out", F::integer, "moves out"), opt("notes", F::text, "notes")},
           4},
          opt("notes", F::text, "notes")}},
        {E::targets_reviewed,
         "targets_reviewed",
         "Progress on targets",
         {req("date", F::date, "date of the review"),
          req("ratings", F::object_list, "progress on each target", {},
              {req("target", F::text, "target"), req("rating", F::integer, "rating (0 no progress to 4 met)"),
               opt("note", F::text, "note")})}},
        {E::extension_agreed,
         "extension_agreed",
         "Extension agreed",
         {req("date", F::date, "date"), req("weeks", F::integer, "weeks added"),
          req("reason", F::one_of, "reason", {"monitor_behaviour", "illness", "low_level_concerns", "other"}),
          opt("evidence", F::text, "evidence (e.g. medical)"), opt("agreed_by", F::text_list, "agreed by")}},
        {E::serious_breach,
         "serious_breach",
         "Serious breach",
         {req("date", F::date, "date"),
          req("category", F::one_of, "category",
              {"assault", "weapon", "drugs", "sexualised_behaviour", "malicious_communication", "safeguarding",
               "repeated_low_level", "other"}),
          opt("description", F::text, "what happened"), opt("suspended", F::boolean, "host school suspended the pupil"),
          opt("ends_placement", F::boolean, "the placement ends")}},
        {E::placement_ended,
         "placement_ended",
         "Placement ended early",
         {req("date", F::date, "last day"),
          req("reason", F::one_of, "reason",
              {"serious_breach", "contract_not_met", "attendance", "failure_to_engage", "host_decision",
               "parent_request", "other"}),
          opt("return_date", F::date, "date the pupil returns to the home school"),
          opt("consulted_home_head", F::boolean, "host head consulted the home head"),
          opt("written_to_parent", F::boolean, "confirmed in writing to parents"), opt("notes", F::text, "notes")}},
        {E::outcome_recorded,
         "outcome_recorded",
         "Outcome",
         {req("date", F::date, "date"),
          req("outcome", F::one_of, "outcome",
              {"transferred", "returned", "alternative_provision", "permanent_exclusion", "withdrawn"}),
          opt("successful", F::boolean, "placement judged successful"),
          opt("on_roll_date", F::date, "date on the new roll"), opt("decided_by", F::text, "decided by"),
          opt("pupil_views", F::text, "pupil voice / learning"), opt("notes", F::text, "notes")}},
        {E::la_notified,
         "la_notified",
         "Local authority notified",
         {req("what", F::one_of, "notification", {"intention", "start", "outcome", "arrangements"}),
          req("date", F::date, "date"), opt("to", F::text, "team or officer"), opt("method", F::text, "how")}},
        {E::kind_changed,
         "kind_changed",
         "Case kind changed",
         {req("kind", F::one_of, "new kind", kKinds), req("reason", F::text, "why"), opt("date", F::date, "date")}},
        {E::note, "note", "Note", {req("text", F::text, "note"), opt("date", F::date, "date")}},
        {E::retraction, "retraction", "Entry withdrawn", {req("reason", F::text, "why it is withdrawn")}},
    };
}

const char* kind_names[] = {"off_site_direction", "managed_move", "osd_to_managed_move", "reintegration"};
const char* kind_labels[] = {"off-site direction", "managed move", "off-site direction converting to managed move",
                             "reintegration from alternative provision"};

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

const char* type_word(FieldType t) {
    switch (t) {
        case F::text: return "a text";
        case F::date: return "a date written YYYY-MM-DD";
        case F::boolean: return "true or false";
        case F::integer: return "a whole number";
        case F::text_list: return "a list of texts";
        case F::one_of: return "one of the listed words";
        case F::object: return "an object";
        case F::object_list: return "a list of objects";
        case F::school: return "a school's URN (6 or 7 digits)";
    }
    return "";
}

// An event type's fields in key order, with names and allowed words as string_views. A payload
// (whose keys nlohmann keeps in the same order) is then checked in one merged walk, with no
// lookups by C string: this runs for every event when a workspace is loaded.
struct IndexedField {
    std::string_view              name;
    const FieldSpec*              spec;
    std::vector<std::string_view> values;  // allowed words (one_of)
};

const std::vector<IndexedField>& indexed_fields(EventType t) {
    static const auto all = [] {
        std::vector<std::vector<IndexedField>> v;
        for (const EventSpec& spec : event_specs()) {
            auto& fields = v.emplace_back();
            for (const FieldSpec& f : spec.fields) fields.push_back({f.name, &f, {f.values.begin(), f.values.end()}});
            std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        }
        return v;
    }();
    return all[static_cast<std::size_t>(t)];
}

bool all_of_kind(const Json& v, bool (Json::*is)() const noexcept) {
    if (!v.is_array()) return false;
    for (const auto& x : v)
        if (!(x.*is)()) return false;
    return true;
}

bool field_ok(const IndexedField& f, const Json& v) {
    switch (f.spec->type) {
        case F::text: return v.is_string();
        case F::date: return v.is_string() && parse_iso_date(v.get_ref<const std::string&>()).has_value();
        case F::boolean: return v.is_boolean();
        case F::integer: return v.is_number_integer();
        case F::text_list: return all_of_kind(v, &Json::is_string);
        case F::one_of:
            return v.is_string() &&
                   std::find(f.values.begin(), f.values.end(), v.get_ref<const std::string&>()) != f.values.end();
        case F::object: return v.is_object();
        case F::object_list: return all_of_kind(v, &Json::is_object);
        case F::school: return v.is_string() && is_urn(v.get_ref<const std::string&>());
    }
    return false;
}

void report_wrong(const FieldSpec& f, const Json& v, const std::string& file, const std::string& where, Problems& out) {
    std::string msg = std::string("expected ") + type_word(f.type) + " (" + f.label + ")";
    if (f.type == F::one_of) msg += ": " + comma_list(f.values);
    msg += "; found " + v.dump();
    out.push_back({file, where + "/" + f.name, msg});
}

// A table's rows against its columns: each row an object with the required columns, each value of
// its column's kind, nothing else.
void validate_rows(const FieldSpec& f, const Json& rows, const std::string& file, const std::string& where,
                   Problems& out) {
    std::vector<IndexedField> columns;
    std::string               names;
    for (const FieldSpec& c : f.columns) {
        columns.push_back({c.name, &c, {c.values.begin(), c.values.end()}});
        names += (names.empty() ? "" : ", ") + std::string(c.name);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Json& row = rows[i];
        if (!row.is_object()) continue;  // reported by the field check
        const std::string at = where + "/" + f.name + "/" + std::to_string(i);
        for (auto k = row.begin(); k != row.end(); ++k) {
            const auto c =
                std::find_if(columns.begin(), columns.end(), [&](const auto& x) { return x.name == k.key(); });
            if (c == columns.end())
                out.push_back({file, at + "/" + k.key(),
                               std::string("unknown field in a row of ") + f.label + "; expected " + names});
            else if (!field_ok(*c, k.value()))
                report_wrong(*c->spec, k.value(), file, at, out);
        }
        for (const FieldSpec& c : f.columns)
            if (c.required && !row.contains(c.name))
                out.push_back({file, at + "/" + c.name, std::string("missing: each row needs the ") + c.label});
    }
}

bool has_float(const Json& v) {
    if (v.is_number_float()) return true;
    if (v.is_structured())
        for (const auto& x : v)
            if (has_float(x)) return true;
    return false;
}

// targets_reviewed: a rating runs from 0 (no progress) to 4 (met); the rows' shape is checked by
// the table's columns.
void validate_ratings(const Json& payload, const std::string& file, const std::string& where, Problems& out) {
    const auto it = payload.find("ratings");
    if (it == payload.end() || !it->is_array()) return;  // reported by the field check
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& r = (*it)[i];
        if (!r.is_object()) continue;
        const auto t = r.find("target");
        if (t != r.end() && t->is_string() && t->get_ref<const std::string&>().empty())
            out.push_back({file, where + "/ratings/" + std::to_string(i) + "/target", "expected the target's text"});
        const auto v = r.find("rating");
        if (v != r.end() && v->is_number_integer() &&
            (v->get<long long>() < 0 || v->get<long long>() > kMaxTargetRating))
            out.push_back({file, where + "/ratings/" + std::to_string(i) + "/rating",
                           "expected a whole number from 0 (no progress) to 4 (target met)"});
    }
}

}  // namespace

std::string comma_list(const std::vector<const char*>& words) {
    std::string out;
    for (const char* w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
}

std::string attendance_week_problem(const std::string& week_start, const std::string& sessions) {
    static const char* const kSession[] = {
        "Monday morning",      "Monday afternoon", "Tuesday morning",    "Tuesday afternoon", "Wednesday morning",
        "Wednesday afternoon", "Thursday morning", "Thursday afternoon", "Friday morning",    "Friday afternoon"};
    const auto monday = parse_iso_date(week_start);
    if (!monday) return "the week needs the date of its Monday";
    const std::string week = "the week of " + to_uk(*monday);
    if (weekday_of(*monday) != 0) return week + " does not start on a Monday: give the Monday of the week";
    const auto blanks = std::count(sessions.begin(), sessions.end(), ' ');
    if (blanks > 0)
        return week + " has " + std::to_string(blanks) + (blanks == 1 ? " session" : " sessions") +
               " left blank: enter a code for each (\"-\" when there was no session)";
    if (sessions.size() != 10)
        return week + " has " + std::to_string(sessions.size()) +
               " codes; a week has 10, morning and afternoon from Monday to Friday";
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (!find_register_code(sessions[i]))
            return week + ": \"" + std::string(1, sessions[i]) + "\" for " + kSession[i] +
                   " is not a register code (the 2024 codes, or \"-\" when there was no session)";
    return {};
}

const char* target_rating_label(int rating) {
    static const char* n[] = {"No progress", "Some progress", "Progressing", "Nearly met", "Met"};
    return rating >= 0 && rating <= kMaxTargetRating ? n[rating] : "";
}

const std::vector<EventSpec>& event_specs() {
    static const std::vector<EventSpec> specs = build_specs();
    return specs;
}

const EventSpec& spec_of(EventType t) { return event_specs()[static_cast<std::size_t>(t)]; }

const EventSpec* find_event_spec(std::string_view name) {
    for (const auto& s : event_specs())
        if (name == s.name) return &s;
    return nullptr;
}

const char* event_type_name(EventType t) { return spec_of(t).name; }

// The steps that were event types of their own before protocols declared steps. Each built-in protocol
// that has one declares a step of the same id, so an old entry reads as the step it always was.
bool is_legacy_step_type(std::string_view name) {
    return name == "gdpr_form_signed" || name == "nearest_schools_listed" || name == "visit_held" ||
           name == "progress_check";
}

bool adopt_stored_type(Event& e, std::string_view name) {
    if (is_legacy_step_type(name)) {
        if (!e.payload.is_object() || e.payload.contains("step")) return false;
        e.type = EventType::step_recorded;
        e.payload["step"] = std::string(name);
        e.legacy_step = true;
        return true;
    }
    const auto t = parse_event_type(name);
    if (t) e.type = *t;
    return t.has_value();
}

const char* stored_type_name(const Event& e) {
    if (!e.legacy_step) return event_type_name(e.type);
    const auto it = e.payload.find("step");
    return it != e.payload.end() && it->is_string() ? it->get_ref<const std::string&>().c_str() : "step_recorded";
}

Json stored_payload(const Event& e) {
    if (!e.legacy_step) return e.payload;
    Json p = e.payload;
    p.erase("step");
    return p;
}

std::optional<EventType> parse_event_type(std::string_view s) {
    // Called for every event of a workspace on load: a sorted table instead of a scan.
    static const auto by_name = [] {
        std::vector<std::pair<std::string_view, EventType>> v;
        for (const auto& spec : event_specs()) v.emplace_back(spec.name, spec.type);
        std::sort(v.begin(), v.end());
        return v;
    }();
    const auto it = std::lower_bound(by_name.begin(), by_name.end(), s,
                                     [](const auto& x, std::string_view k) { return x.first < k; });
    if (it != by_name.end() && it->first == s) return it->second;
    return std::nullopt;
}

bool is_urn(std::string_view s) { return s.size() >= 6 && s.size() <= 7 && digits(s); }

const char* case_kind_name(CaseKind k) { return kind_names[static_cast<int>(k)]; }
const char* case_kind_label(CaseKind k) { return kind_labels[static_cast<int>(k)]; }

// The words a person reads for each listed value of the payload schema above (one table, beside the
// vocabulary): a field's own reading first ("reason": "attendance" is poor attendance), then the
// value's. Every one_of value has one (tests/engine/option_label_tests.cpp checks).
const char* option_label(EventType event, std::string_view field, std::string_view value) {
    struct Word {
        const char* field;  // "" for any field
        const char* value;
        const char* label;
    };
    static const Word words[] = {
        // case_opened
        {"", "school", "A school"},
        {"setting", "alternative_provision", "Alternative provision (AP)"},
        // information shared
        {"", "academic", "Academic"},
        {"", "behaviour", "Behaviour"},
        {"items", "attendance", "Attendance records"},
        {"items", "passport", "Pupil passport"},
        {"", "send_safeguarding", "SEND and safeguarding"},
        // people
        {"", "parent", "Parent or carer"},
        {"", "home_lead", "Home school lead"},
        {"", "host_lead", "Host school lead"},
        {"", "la_officer", "LA officer"},
        {"", "social_worker", "Social worker"},
        {"", "virtual_school", "Virtual School"},
        {"", "sen_officer", "SEN officer"},
        {"", "governor", "Governor"},
        {"", "headteacher", "Headteacher"},
        {"", "other", "Other"},
        {"", "pupil", "Pupil"},
        {"", "admission_authority", "Admission authority"},
        {"", "home_school", "Home school"},
        {"", "host_school", "Host school"},
        {"", "la", "Local authority"},
        // history
        {"", "intervention", "Intervention tried"},
        {"", "exclusion", "Exclusion"},
        {"", "suspension", "Suspension"},
        {"", "agency", "Agency involved"},
        {"", "school_attended", "School attended"},
        {"", "previous_direction", "Earlier off-site direction"},
        {"", "previous_managed_move", "Earlier managed move"},
        {"", "restorative_practice", "Restorative practice"},
        // agreements (gate_cleared)
        {"", "send_team", "LA SEND team"},
        {"", "ad_education", "Assistant Director for Education"},
        {"", "panel_repeat_referral", "Panel agreement to a repeat referral"},
        {"", "board_decision", "Governing board decision"},
        {"", "fair_access_team", "Fair Access team"},
        // panel outcome
        {"", "noted", "Noted"},
        {"", "host_identified", "Host school identified"},
        {"", "agreed", "Agreed"},
        {"", "deferred", "Deferred"},
        {"", "declined", "Declined"},
        // meetings
        {"", "strategy", "Strategy meeting"},
        {"", "initial", "Initial meeting"},
        {"", "planning", "Planning meeting"},
        {"", "joint_schools", "Meeting of both schools"},
        {"", "emergency", "Emergency meeting"},
        {"", "head_to_head", "Headteachers' meeting"},
        {"kind", "reintegration", "Reintegration meeting"},
        // review outcome
        {"", "continue", "Continue the placement"},
        {"", "extend", "Extend the placement"},
        {"", "end_early", "End the placement early"},
        {"", "return", "Return to the home school"},
        {"", "convert", "Convert to a managed move"},
        // extension reason
        {"", "monitor_behaviour", "To monitor behaviour"},
        {"", "illness", "Illness"},
        {"", "low_level_concerns", "Low-level concerns"},
        // serious breach
        {"", "assault", "Assault"},
        {"", "weapon", "Weapon"},
        {"", "drugs", "Drugs"},
        {"", "sexualised_behaviour", "Sexualised behaviour"},
        {"", "malicious_communication", "Malicious communication"},
        {"", "repeated_low_level", "Repeated low-level breaches (the placement ends only if it is decided)"},
        {"", "safeguarding", "Safeguarding"},
        // why a placement ended
        {"", "serious_breach", "Serious breach"},
        {"", "contract_not_met", "Contract not kept"},
        {"reason", "attendance", "Poor attendance"},
        {"", "failure_to_engage", "Failure to engage"},
        {"", "host_decision", "The host school's decision"},
        {"", "parent_request", "The parents' request"},
        // outcome
        {"", "transferred", "Transferred to the host school's roll"},
        {"", "returned", "Returned to the home school"},
        {"outcome", "alternative_provision", "Alternative provision (AP)"},
        {"", "permanent_exclusion", "Permanent exclusion"},
        {"", "withdrawn", "Withdrawn"},
        // LA notification
        {"", "intention", "Intention"},
        {"", "start", "Start"},
        {"", "outcome", "Outcome"},
        {"", "arrangements", "Arrangements"},
    };
    const bool case_kind = field == "kind" && (event == EventType::case_opened || event == EventType::kind_changed);
    if (const auto k = parse_case_kind(value); k && case_kind) return case_kind_label(*k);
    const auto listed = [&](const FieldSpec& f) {
        return f.name == field && std::find(f.values.begin(), f.values.end(), value) != f.values.end();
    };
    const auto& fields = spec_of(event).fields;
    if (case_kind || std::none_of(fields.begin(), fields.end(), listed)) return nullptr;
    for (const Word& w : words)
        if (w.field == field && w.value == value) return w.label;
    for (const Word& w : words)
        if (*w.field == 0 && w.value == value) return w.label;
    return nullptr;
}

std::optional<CaseKind> parse_case_kind(std::string_view s) {
    for (int i = 0; i < 4; ++i)
        if (s == kind_names[i]) return static_cast<CaseKind>(i);
    return std::nullopt;
}

const char* fact_date_field(EventType t) {
    switch (t) {
        case EventType::placement_started:
        case EventType::meeting_held:
        case EventType::review_held:
        case EventType::step_recorded:
        case EventType::serious_breach: return "date";
        case EventType::attendance_week: return "week_start";
        default: return nullptr;
    }
}

bool recorded_once(EventType t) { return t == EventType::agreement_signed || t == EventType::placement_started; }

bool is_timestamp(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SSZ, with a real calendar date and a real clock time.
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    if (!parse_iso_date(s.substr(0, 10))) return false;
    if (!digits(s.substr(11, 2)) || !digits(s.substr(14, 2)) || !digits(s.substr(17, 2))) return false;
    return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') < 6 && (s[17] - '0') < 6;
}

void validate_payload(EventType type, const Json& payload, const std::string& file, const std::string& where,
                      Problems& out) {
    const EventSpec& spec = spec_of(type);
    if (!payload.is_object()) {
        out.push_back({file, where, std::string("expected an object holding the fields of ") + spec.name});
        return;
    }
    const auto& fields = indexed_fields(type);
    auto        key = payload.begin();
    auto        field = fields.begin();
    while (key != payload.end() || field != fields.end()) {
        const int order = key == payload.end()    ? 1
                          : field == fields.end() ? -1
                                                  : std::string_view(key.key()).compare(field->name);
        if (order < 0) {
            out.push_back({file, where + "/" + key.key(),
                           std::string("unknown field for ") + spec.name + "; expected one of the documented fields"});
        } else if (order > 0) {
            if (field->spec->required)
                out.push_back({file, where + "/" + field->spec->name,
                               std::string("missing: ") + spec.name + " needs " + field->spec->label});
        } else if (!field_ok(*field, key.value())) {
            report_wrong(*field->spec, key.value(), file, where, out);
        } else if (!field->spec->columns.empty()) {
            validate_rows(*field->spec, key.value(), file, where, out);
        }
        if (order <= 0) ++key;
        if (order >= 0) ++field;
    }
    if (type == EventType::targets_reviewed) validate_ratings(payload, file, where, out);
    if (has_float(payload))
        out.push_back({file, where, "decimal numbers are not allowed in events (they have no single canonical form)"});
}

// The accessors look keys up as string_views: one strlen per call instead of one per key
// comparison (they run for every live event on replay).
std::optional<Date> payload_date(const Json& p, const char* key) {
    const auto it = p.find(std::string_view(key));
    if (it == p.end() || !it->is_string()) return std::nullopt;
    return parse_iso_date(it->get_ref<const std::string&>());
}

std::string payload_text(const Json& p, const char* key) {
    const auto it = p.find(std::string_view(key));
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool payload_bool(const Json& p, const char* key, bool fallback) {
    const auto it = p.find(std::string_view(key));
    return it != p.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

int payload_int(const Json& p, const char* key, int fallback) {
    const auto it = p.find(std::string_view(key));
    return it != p.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::vector<std::string> payload_list(const Json& p, const char* key) {
    std::vector<std::string> out;
    const auto               it = p.find(std::string_view(key));
    if (it == p.end() || !it->is_array()) return out;
    for (const auto& x : *it)
        if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

}  // namespace cp
