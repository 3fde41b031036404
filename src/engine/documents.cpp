#include "engine/documents.h"

#include <algorithm>

#include "engine/template_text.h"
#include "engine/workspace.h"

namespace cp {
namespace {

// A recorded value as the printout reads it ("Returned to the home school", not "returned").
std::string words_for(EventType t, const char* field, const std::string& value) {
    const char* label = option_label(t, field, value);
    return label ? label : value;
}

// Builds a document section by section, collecting what is missing as it goes.
struct Builder {
    Document    doc;
    DocSection* section = nullptr;

    void begin(std::string heading) {
        doc.sections.push_back({std::move(heading), {}, {}, {}});
        section = &doc.sections.back();
    }
    void field(std::string label, std::string value) {
        const bool missing = value.empty();
        if (missing) doc.missing.push_back(section->heading + ": " + label);
        section->fields.push_back({std::move(label), std::move(value), missing, false});
    }
    void optional_field(std::string label, std::string value) {  // "if applicable": never missing
        section->fields.push_back({std::move(label), std::move(value), false, false});
    }
    void sign(std::string label) { section->fields.push_back({std::move(label), "", false, true}); }
    void text(std::string paragraph) { section->paragraphs.push_back(std::move(paragraph)); }
};

std::string yes_no(bool b) { return b ? "Yes" : "No"; }
std::string date_text(const std::optional<Date>& d) { return d ? to_uk(*d) : ""; }
std::string join(const std::vector<std::string>& v, const char* sep = "; ") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

const Party* party(const CaseState& s, const char* role) {
    for (const auto& p : s.parties)
        if (p.role == role) return &p;
    return nullptr;
}
std::string party_name(const CaseState& s, const char* role) {
    const Party* p = party(s, role);
    return p ? p->name : "";
}

// A school as a letter names it: its name and, when the directory has it, its address.
std::string school_name(const DocumentInput& in, const std::string& urn) {
    if (urn.empty()) return "";
    if (in.workspace) {
        if (const School* s = find_school(*in.workspace, urn))
            return s->name + (s->address.empty() ? "" : ", " + s->address);
        if (in.workspace->own.urn == urn) return in.workspace->own.name;
    }
    return "URN " + urn;
}

std::string home_name(const DocumentInput& in) {
    const std::string urn =
        !in.state.home_urn.empty() ? in.state.home_urn : (in.workspace ? in.workspace->own.urn : "");
    return school_name(in, urn);
}

// A passport field: the value the school typed into that section, if any.
std::string passport(const CaseState& s, const char* section, const char* key) {
    const auto it = s.passport.find(section);
    if (it == s.passport.end() || !it->second.contains(key)) return "";
    const Json& v = it->second[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return yes_no(v.get<bool>());
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return v.dump();
}

std::string name_and_dob(const CaseState& s) {
    if (s.pupil_name.empty() || !s.dob) return "";
    return s.pupil_name + ", " + to_uk(*s.dob);
}

std::optional<Date> first_meeting_date(const CaseState& s, std::initializer_list<const char*> kinds) {
    for (const auto& m : s.meetings)
        for (const char* k : kinds)
            if (m.kind == k) return m.date;
    return std::nullopt;
}

// ---- forms written as data (pack.h, FormTemplate) ----------------------------------------------

// What the case's first parent says, through `get`; "" when no parent is recorded.
template <class Get>
std::string parent_says(const DocumentInput& in, Get get) {
    const Party* p = party(in.state, "parent");
    return p ? get(*p) : std::string();
}

// The review a per-review form is for: the one picked, else the latest; nullptr before any.
const Review* selected_review(const DocumentInput& in) {
    const auto& rs = in.state.reviews;
    if (rs.empty()) return nullptr;
    const bool picked = in.review_index >= 0 && in.review_index < static_cast<int>(rs.size());
    return picked ? &rs[static_cast<std::size_t>(in.review_index)] : &rs.back();
}

template <class Get>
std::string on_review(const DocumentInput& in, Get get) {
    const Review* r = selected_review(in);
    return r ? get(*r) : std::string();
}

// The review held within 10 days of the date so many weeks after the agreed start (a week's review box).
const Review* review_near_week(const DocumentInput& in) {
    const auto& a = in.state.agreement;
    if (!a) return nullptr;
    const Review* near = nullptr;
    for (const Review& r : in.state.reviews)
        if (std::abs(days_between(add_days(a->start, 7 * in.weeks), r.date)) <= 10) near = &r;
    return near;
}

// "First review 02/03/2026; then every 6 weeks", as agreed.
std::string review_plan_words(const CaseState& s) {
    std::string out;
    if (!s.agreement) return out;
    if (s.agreement->first_review) out = "First review " + to_uk(*s.agreement->first_review);
    if (s.agreement->review_every_weeks > 0)
        out += std::string(out.empty() ? "" : "; ") + "then every " + std::to_string(s.agreement->review_every_weeks) +
               " weeks";
    return out;
}

// ---- the statutory notice of a direction (reg 3), as the case and its pack say it -----------------

const Notice*    notice_of(const DocumentInput& in) { return in.state.notice ? &*in.state.notice : nullptr; }
const Agreement* agreement_of(const DocumentInput& in) { return in.state.agreement ? &*in.state.agreement : nullptr; }

// What the notice says under `field`, or, before it says it, what the case already does (`otherwise`).
std::string notice_says(const DocumentInput& in, std::string Notice::*field, const std::string& otherwise = "") {
    const Notice* n = notice_of(in);
    return n && !(n->*field).empty() ? n->*field : otherwise;
}

// A parameter of the first of the case's pack rules that `pick` chooses and that applies to the case's kind.
template <class Pick>
const Json* rule_param(const DocumentInput& in, const char* param, Pick pick) {
    for (const Rule& r : in.pack.rules) {
        const auto& kinds = r.applies_to;
        const bool  kind_ok = kinds.empty() || std::find(kinds.begin(), kinds.end(), in.state.kind) != kinds.end();
        if (kind_ok && pick(r) && r.params.contains(param)) return &r.params[param];
    }
    return nullptr;
}

// The interval to the first review (its review cadence), or nullptr when the pack leaves it to the board (reg 4).
const Json* review_interval(const DocumentInput& in) {
    return rule_param(in, "every", [](const Rule& r) {
        return r.kind == RuleKind::review_cadence && param_word(r, "counts") == "review";
    });
}
// How long before the first day the notice must be given (its deadline).
const Json* notice_lead(const DocumentInput& in) {
    return rule_param(in, "within",
                      [](const Rule& r) { return r.kind == RuleKind::deadline && param_word(r, "to") == "notice"; });
}
// How recent a review may be for a parent's request not to need another (reg 4A).
const Json* review_request_quiet(const DocumentInput& in) {
    return rule_param(in, "quiet", [](const Rule& r) { return r.kind == RuleKind::review_request; });
}

// "6 school weeks" from a rule's span ({"n": 6, "unit": "school_weeks"}); "" for none.
std::string span_words(const Json* span) {
    if (!span) return "";
    const int         n = span->value("n", 0);
    const std::string unit = span->value("unit", "weeks");
    std::string       words = unit == "school_weeks"  ? "school week"
                              : unit == "school_days" ? "school day"
                              : unit == "days"        ? "day"
                                                      : "week";
    return std::to_string(n) + " " + words + (n == 1 ? "" : "s");
}

// The date a span after `from` (or before it, with `sign` -1), counted as the span counts.
Date shift(const SchoolCalendar& cal, Date from, const Json& span, int sign = 1) {
    const int         n = sign * span.value("n", 0);
    const std::string unit = span.value("unit", "weeks");
    if (unit == "school_weeks") return cal.add_school_weeks(from, n);
    if (unit == "school_days") return cal.add_school_days(from, n);
    return add_days(from, unit == "days" ? n : 7 * n);
}

// The latest first review the pack's interval allows; none without an agreement or an interval.
std::optional<Date> first_review_latest(const DocumentInput& in) {
    const Agreement* a = agreement_of(in);
    const Json*      every = review_interval(in);
    if (!a || !every) return std::nullopt;
    return shift(in.calendar, a->start, *every);
}

bool home_is_academy(const DocumentInput& in) {
    const School* home = in.workspace ? find_school(*in.workspace, in.state.home_urn) : nullptr;
    return home && home->governance == "academy";
}

// Who gets a copy of the notice: the head teacher, the LA team, and those the regulation adds.
std::string notice_copies(const DocumentInput& in) {
    const CaseState&         s = in.state;
    std::vector<std::string> copies = {"Head Teacher of " + home_name(in), in.pack.role_name("la")};
    if (!party_name(s, "social_worker").empty()) copies.push_back("Social worker: " + party_name(s, "social_worker"));
    if (s.flags.cla) copies.push_back("Virtual School Head");
    if (s.flags.ehcp) copies.push_back("The local authority that maintains the EHCP");
    const Agreement* a = agreement_of(in);
    if (s.dob && a && whole_years(*s.dob, a->start) >= 18)
        copies.push_back((s.pupil_name.empty() ? "The pupil" : s.pupil_name) + " (18 or over)");
    return join(copies);
}

// The facts of a case a pack's form may print, each by the name the form uses.
struct FormValue {
    const char* word;
    std::string (*get)(const DocumentInput&);
};

const std::vector<FormValue>& form_values() {
    using In = const DocumentInput&;
    static const std::vector<FormValue> v = {
        {"pupil.name", [](In in) { return in.state.pupil_name; }},
        {"pupil.upn", [](In in) { return in.state.upn; }},
        {"pupil.gender", [](In in) { return in.state.gender; }},
        {"pupil.dob", [](In in) { return date_text(in.state.dob); }},
        {"pupil.year_group",
         [](In in) { return in.state.year_group ? std::to_string(in.state.year_group) : std::string(); }},
        {"pupil.address", [](In in) { return in.state.address; }},
        {"pupil.name_and_dob", [](In in) { return name_and_dob(in.state); }},
        {"parents.names_and_contacts",
         [](In in) {
             std::vector<std::string> parents;
             for (const auto& p : in.state.parties)
                 if (p.role == "parent") parents.push_back(p.name + (p.contact.empty() ? "" : " (" + p.contact + ")"));
             return join(parents);
         }},
        {"school.home", [](In in) { return home_name(in); }},
        {"school.host", [](In in) { return school_name(in, in.state.host_urn); }},
        {"case.reason", [](In in) { return in.state.reason; }},
        {"parent.name", [](In in) { return parent_says(in, [](const Party& p) { return p.name; }); }},
        {"parent.relationship", [](In in) { return parent_says(in, [](const Party& p) { return p.relationship; }); }},
        {"parent.has_parental_responsibility",
         [](In in) { return parent_says(in, [](const Party& p) { return yes_no(p.parental_responsibility); }); }},
        {"parents.another_with_parental_responsibility",
         [](In in) {
             int with_pr = 0;
             for (const Party& p : in.state.parties) with_pr += p.role == "parent" && p.parental_responsibility;
             return party(in.state, "parent") ? yes_no(with_pr > 1) : std::string();
         }},
        {"parent.understands_reasons",
         [](In in) {
             const auto v = in.state.views.find("parent");
             return v != in.state.views.end() && v->second.understands_reasons ? yes_no(*v->second.understands_reasons)
                                                                               : std::string();
         }},
        {"parent.views",
         [](In in) {
             const auto v = in.state.views.find("parent");
             return v != in.state.views.end() ? v->second.text : std::string();
         }},
        {"meeting.first",
         [](In in) {
             return date_text(first_meeting_date(in.state, {"initial", "planning", "strategy"}));
         }},
        {"agreement.success_criteria",
         [](In in) { return in.state.agreement ? join(in.state.agreement->success_criteria) : std::string(); }},
        {"agreement.start",
         [](In in) { return in.state.agreement ? to_uk(in.state.agreement->start) : std::string(); }},
        {"agreement.reviews", [](In in) { return review_plan_words(in.state); }},
        {"review.date", [](In in) { return on_review(in, [](const Review& r) { return to_uk(r.date); }); }},
        {"review.progress", [](In in) { return on_review(in, [](const Review& r) { return r.progress; }); }},
        {"review.concerns", [](In in) { return on_review(in, [](const Review& r) { return r.concerns; }); }},
        {"review.support", [](In in) { return on_review(in, [](const Review& r) { return r.support; }); }},
        {"review.outcome",
         [](In in) {
             return on_review(in,
                              [](const Review& r) { return words_for(EventType::review_held, "outcome", r.outcome); });
         }},
        {"review.next", [](In in) { return on_review(in, [](const Review& r) { return date_text(r.next_review); }); }},
        {"agreement.end",
         [](In in) {
             const auto& a = in.state.agreement;
             return a ? to_uk(add_days(a->start, 7 * a->duration_weeks - 1)) : std::string();
         }},
        {"agreement.targets",
         [](In in) { return in.state.agreement ? join(in.state.agreement->targets) : std::string(); }},
        {"week.date",
         [](In in) {
             const auto& a = in.state.agreement;
             return a ? to_uk(add_days(a->start, 7 * in.weeks)) : std::string();
         }},
        {"week.review_targets",
         [](In in) {
             const Review* r = review_near_week(in);
             return r ? join(r->targets) : std::string();
         }},
        {"week.review_held",
         [](In in) {
             const Review* r = review_near_week(in);
             return r ? to_uk(r->date) + " (" + words_for(EventType::review_held, "outcome", r->outcome) + ")"
                      : std::string();
         }},
        {"outcome.summary",
         [](In in) {
             const auto& o = in.state.outcome;
             return o ? words_for(EventType::outcome_recorded, "outcome", o->outcome) + " (" + to_uk(o->date) + ")"
                      : std::string();
         }},
        {"la.team", [](In in) { return in.pack.role_name("la"); }},
        {"case.kind", [](In in) { return std::string(case_kind_label(in.state.kind)); }},
        {"placement.start",
         [](In in) {
             const CaseState& s = in.state;
             return s.started ? to_uk(*s.started) : s.agreement ? to_uk(s.agreement->start) : std::string();
         }},
        {"placement.ended_early",
         [](In in) {
             const auto& e = in.state.ended;
             return e ? to_uk(e->date) + " (" + words_for(EventType::placement_ended, "reason", e->reason) + ")"
                      : std::string();
         }},
        {"agreement.weeks",
         [](In in) { return in.state.agreement ? std::to_string(in.state.agreement->duration_weeks) : std::string(); }},
        {"agreement.review_every_weeks",
         [](In in) {
             const auto& a = in.state.agreement;
             return a && a->review_every_weeks ? std::to_string(a->review_every_weeks) : std::string();
         }},
        {"outcome.outcome",
         [](In in) {
             const auto& o = in.state.outcome;
             return o ? words_for(EventType::outcome_recorded, "outcome", o->outcome) : std::string();
         }},
        {"outcome.date", [](In in) { return in.state.outcome ? to_uk(in.state.outcome->date) : std::string(); }},
        {"outcome.on_roll_date",
         [](In in) { return in.state.outcome ? date_text(in.state.outcome->on_roll_date) : std::string(); }},
        {"outcome.successful",
         [](In in) {
             const auto& o = in.state.outcome;
             return o && o->successful ? yes_no(*o->successful) : std::string();
         }},
        {"outcome.pupil_views", [](In in) { return in.state.outcome ? in.state.outcome->pupil_views : std::string(); }},
        {"notice.address", [](In in) { return notice_says(in, &Notice::address); }},
        {"notice.report_to", [](In in) { return notice_says(in, &Notice::report_to); }},
        {"notice.days",
         [](In in) {
             const Notice* n = notice_of(in);
             return n && n->days ? std::to_string(n->days) : std::string();
         }},
        {"notice.reasons", [](In in) { return notice_says(in, &Notice::reasons, in.state.reason); }},
        {"notice.objectives",
         [](In in) {
             const Agreement* a = agreement_of(in);
             return notice_says(in, &Notice::objectives, a ? join(a->success_criteria) : std::string());
         }},
        {"notice.session_times",
         [](In in) {
             const Agreement* a = agreement_of(in);
             return notice_says(in, &Notice::session_times, a ? a->session_times : std::string());
         }},
        {"notice.copies", notice_copies},
        {"agreement.start_long",
         [](In in) { return in.state.agreement ? to_uk_long(in.state.agreement->start) : std::string(); }},
        {"agreement.first_review",
         [](In in) { return in.state.agreement ? date_text(in.state.agreement->first_review) : std::string(); }},
        {"agreement.first_review_latest", [](In in) { return date_text(first_review_latest(in)); }},
        {"protocol.first_review_within", [](In in) { return span_words(review_interval(in)); }},
        {"protocol.notice_within", [](In in) { return span_words(notice_lead(in)); }},
        {"protocol.review_request_quiet", [](In in) { return span_words(review_request_quiet(in)); }},
        {"school.home_board",
         [](In in) { return std::string(home_is_academy(in) ? "academy trust" : "governing board"); }},
    };
    return v;
}

// The recorded choices a field may print in the form's own words (FormField::words), and where their
// values are declared: the event field they are recorded in.
struct FormChoice {
    const char* word;
    EventType   event;
    const char* field;
    std::string (*raw)(const DocumentInput&);
};

const std::vector<FormChoice>& form_choices() {
    using In = const DocumentInput&;
    static const std::vector<FormChoice> v = {
        {"review.outcome", EventType::review_held, "outcome",
         [](In in) { return on_review(in, [](const Review& r) { return r.outcome; }); }},
        {"outcome.outcome", EventType::outcome_recorded, "outcome",
         [](In in) { return in.state.outcome ? in.state.outcome->outcome : std::string(); }},
    };
    return v;
}

const FormChoice* find_choice(std::string_view word) {
    for (const FormChoice& c : form_choices())
        if (word == c.word) return &c;
    return nullptr;
}

// The people of a case by role ("person.social_worker"): the roles a person can be recorded in.
const std::vector<const char*>& person_roles() { return spec_of(EventType::party_recorded).fields.front().values; }

// The yes/no facts a field's `when` may test.
struct FormFlag {
    const char* word;
    bool (*holds)(const DocumentInput&);
};

const std::vector<FormFlag>& form_flags() {
    using In = const DocumentInput&;
    static const std::vector<FormFlag> v = {
        {"flag.ehcp", [](In in) { return in.state.flags.ehcp; }},
        {"flag.ehcna", [](In in) { return in.state.flags.ehcna; }},
        {"flag.cla", [](In in) { return in.state.flags.cla; }},
        {"flag.cp_plan", [](In in) { return in.state.flags.cp_plan; }},
        {"flag.cin_plan", [](In in) { return in.state.flags.cin_plan; }},
        {"flag.eha", [](In in) { return in.state.flags.eha; }},
        {"flag.pupil_premium", [](In in) { return in.state.flags.pupil_premium; }},
        {"flag.fsm", [](In in) { return in.state.flags.fsm; }},
        {"flag.sen_support", [](In in) { return in.state.flags.sen_support; }},
        {"flag.eal", [](In in) { return in.state.flags.eal; }},
        {"flag.refugee", [](In in) { return in.state.flags.refugee; }},
        {"flag.safeguarding_concerns", [](In in) { return in.state.flags.safeguarding_concerns; }},
        {"flag.disability", [](In in) { return in.state.flags.disability; }},
        {"pupil.year_9_or_above", [](In in) { return in.state.year_group >= 9; }},
        {"outcome.transferred", [](In in) { return in.state.outcome && in.state.outcome->outcome == "transferred"; }},
        {"agreement.made", [](In in) { return in.state.agreement.has_value(); }},
        {"agreement.first_review_late",
         [](In in) {
             const auto  latest = first_review_latest(in);
             const auto& a = in.state.agreement;
             return latest && a->first_review && *a->first_review > *latest;
         }},
        {"notice.late",
         [](In in) {
             const Notice*    n = notice_of(in);
             const Agreement* a = agreement_of(in);
             const Json*      lead = notice_lead(in);
             return n && a && lead && n->date > shift(in.calendar, a->start, *lead, -1);
         }},
        {"review.emergency",
         [](In in) {
             const Review* r = selected_review(in);
             return r && r->emergency;
         }},
    };
    return v;
}

// What a field prints: a yes/no fact as Yes or No, a person by name, a fact, or the school's answer.
std::string form_value(const std::string& name, const DocumentInput& in) {
    for (const FormValue& v : form_values())
        if (name == v.word) return v.get(in);
    for (const FormFlag& f : form_flags())
        if (name == f.word) return yes_no(f.holds(in));
    if (name.rfind("person.", 0) == 0) return party_name(in.state, name.substr(7).c_str());
    if (name.rfind("step.", 0) == 0) {  // the date a step of the protocol was last recorded
        const auto it = in.state.steps.find(name.substr(5));
        return it == in.state.steps.end() ? std::string() : to_uk(it->second.back());
    }
    return "";
}

// A row per history entry of one kind, labelled as the app's forms name the kind.
void history_rows(Builder& b, const CaseState& s, const std::string& what) {
    bool any = false;
    for (const auto& h : s.history) {
        if (h.what != what) continue;
        any = true;
        std::string v = h.detail;
        if (h.start) v += " — from " + to_uk(*h.start);
        if (h.end) v += " to " + to_uk(*h.end);
        if (h.days) v += " (" + std::to_string(h.days) + " days)";
        if (h.successful) v += *h.successful ? " — successful" : " — not successful";
        if (!h.notes.empty()) v += " — " + h.notes;
        b.optional_field(words_for(EventType::history_recorded, "what", h.what), v);
    }
    if (!any) b.optional_field("None recorded", "");
}

// A recorded choice in the form's own words, when the field gives them.
std::string chosen_words(const FormField& f, const DocumentInput& in) {
    const FormChoice* c = find_choice(f.value);
    if (!c) return "";
    const std::string raw = c->raw(in);
    for (const auto& [choice, printed] : f.words)
        if (choice == raw) return printed;
    return "";
}

// A form's text with the case's facts written in (template_text.h): "{weeks} Week Review" for week 4.
std::string fill(const std::string& text, const DocumentInput& in) {
    return fill_text(text, [&](const std::string& name) {
        if (name == "weeks") return in.weeks ? std::to_string(in.weeks) : std::string();
        return form_value(name, in);
    });
}

void one_field(Builder& b, const FormField& f, const FormSection& sec, const DocumentInput& in);

void form_field(Builder& b, const FormField& f, const FormSection& sec, const DocumentInput& in) {
    if (f.at_weeks.empty()) return one_field(b, f, sec, in);
    for (int w : f.at_weeks) {
        DocumentInput at = in;
        at.weeks = w;
        one_field(b, f, sec, at);
    }
}

void one_field(Builder& b, const FormField& f, const FormSection& sec, const DocumentInput& in) {
    const std::string label = fill(f.label, in);
    if (f.signature) return b.sign(label);
    if (f.by_hand) return b.optional_field(label, "");
    if (!form_condition_holds(f.when, in)) {
        if (!f.otherwise.empty()) b.optional_field(label, f.otherwise);
        return;
    }
    std::string v = !f.text.empty()     ? fill(f.text, in)
                    : !f.answer.empty() ? passport(in.state, sec.passport.c_str(), f.answer.c_str())
                    : f.words.empty()   ? form_value(f.value, in)
                                        : chosen_words(f, in);
    if (v.empty() && !f.words.empty()) v = form_value(f.value, in);  // a choice the form has no words for
    if (v.empty() && !f.if_empty.empty()) v = f.if_empty;
    if (f.optional)
        b.optional_field(label, v);
    else
        b.field(label, v);
}

void form_section(Builder& b, const FormSection& sec, const DocumentInput& in) {
    const bool retitled = !sec.retitle_when.empty() && form_condition_holds(sec.retitle_when, in);
    b.begin(fill(retitled ? sec.retitle : sec.heading, in));
    b.section->passport = sec.passport;
    for (const FormParagraph& p : sec.paragraphs) {
        if (!form_condition_holds(p.when, in)) continue;
        std::string text = fill(p.text, in);
        if (!text.empty()) b.text(std::move(text));
    }
    for (const FormField& f : sec.fields) form_field(b, f, sec, in);
    if (sec.rows.rfind("history.", 0) == 0) history_rows(b, in.state, sec.rows.substr(8));
}

Document render_form(const FormTemplate& form, const DocumentInput& in) {
    // A form without a citation is the protocol's own notice: it cites the case's protocol.
    Builder b{{form.id, form.title, form.citation.source.empty() ? in.pack.source : form.citation, {}, {}}};
    for (const FormSection& sec : form.sections) {
        if (sec.at_weeks.empty()) form_section(b, sec, in);
        for (int w : sec.at_weeks) {
            DocumentInput at = in;
            at.weeks = w;
            form_section(b, sec, at);
        }
    }
    return b.doc;
}

}  // namespace

std::vector<std::string> document_ids_for(const Pack& pack, const CaseState& s) {
    std::vector<std::string> out;
    for (const std::string& id : pack.documents) {
        const FormTemplate* form = pack.find_form(id);
        if (!form) continue;
        const auto& kinds = form->applies_to;
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) continue;
        if (form->per_review && s.reviews.empty()) continue;  // nothing to print before the first review
        out.push_back(id);
    }
    return out;
}

Json suggested_notice(const DocumentInput& in) {
    const CaseState& s = in.state;
    Json             out = Json::object();
    const auto       put = [&](const char* key, const std::string& v) {
        if (!v.empty()) out[key] = v;
    };
    if (in.workspace)
        if (const School* host = find_school(*in.workspace, s.host_urn)) put("address", host->address);
    put("report_to", party_name(s, "host_lead"));
    put("reasons", s.reason);
    if (const auto& a = s.agreement) {
        put("objectives", join(a->success_criteria));
        put("session_times", a->session_times);
        if (a->duration_weeks > 0)
            out["days"] = in.calendar.school_days_between(add_days(a->start, -1),  // the first day counts
                                                          add_days(a->start, 7 * a->duration_weeks - 1));
    }
    std::vector<std::string> to;
    for (const Party& p : s.parties)
        if (p.role == "parent" && !p.name.empty()) to.push_back(p.name);
    if (s.dob && whole_years(*s.dob, s.agreement ? s.agreement->start : in.today) >= 18) to.push_back(s.pupil_name);
    if (!to.empty()) out["to"] = to;
    if (s.flags.ehcp) out["copy_to"] = Json::array({"The local authority that maintains the EHCP"});
    return out;
}

namespace {
// Words made from a prefix and a table's words ("person." + "social_worker"), kept for the program's
// life so that the validator's lists can point into them like the tables' own words.
std::vector<const char*> kept(std::vector<std::string> made) {
    static std::vector<std::vector<std::string>> store;
    store.push_back(std::move(made));
    std::vector<const char*> out;
    for (const std::string& w : store.back()) out.push_back(w.c_str());
    return out;
}

std::vector<std::string> prefixed(const char* prefix, const std::vector<const char*>& words) {
    std::vector<std::string> out;
    for (const char* w : words) out.push_back(prefix + std::string(w));
    return out;
}
}  // namespace

const std::vector<const char*>& known_form_values() {
    static const std::vector<const char*> v = [] {
        std::vector<std::string> names = prefixed("", words_of(form_values()));
        for (const std::string& f : prefixed("", words_of(form_flags()))) names.push_back(f);
        for (const std::string& p : prefixed("person.", person_roles())) names.push_back(p);
        return kept(std::move(names));
    }();
    return v;
}

const std::vector<const char*>& known_form_flags() {
    static const std::vector<const char*> v = words_of(form_flags());
    return v;
}

const std::vector<const char*>& known_form_rows() {
    static const std::vector<const char*> v = [] {
        for (const FieldSpec& f : spec_of(EventType::history_recorded).fields)
            if (std::string(f.name) == "what") return kept(prefixed("history.", f.values));
        return std::vector<const char*>{};
    }();
    return v;
}

const std::vector<const char*>& known_form_choices() {
    static const std::vector<const char*> v = words_of(form_choices());
    return v;
}

const std::vector<const char*>* form_value_choices(std::string_view value) {
    const FormChoice* c = find_choice(value);
    if (!c) return nullptr;
    for (const FieldSpec& f : spec_of(c->event).fields)
        if (std::string_view(f.name) == c->field) return &f.values;
    return nullptr;
}

FormCondition read_form_condition(const std::string& when) {
    if (when.rfind("not ", 0) == 0) return {when.substr(4), true};
    return {when, false};
}

bool form_condition_holds(const std::string& when, const DocumentInput& in) {
    if (when.empty()) return true;
    const FormCondition c = read_form_condition(when);
    for (const FormFlag& f : form_flags())
        if (c.fact == f.word) return f.holds(in) != c.negated;
    return false;  // parse_pack refuses a form testing an unknown fact
}

std::string document_short_name(const Pack& pack, const std::string& id) {
    const FormTemplate* f = pack.find_form(id);
    return f ? f->name : "Form";
}

std::optional<Document> make_document(const std::string& id, const DocumentInput& in) {
    const FormTemplate* f = in.pack.find_form(id);
    if (!f) return std::nullopt;  // parse_pack refuses a pack that lists an unknown document
    return render_form(*f, in);
}

Json document_to_json(const Document& d) {
    Json j = {{"id", d.id},
              {"title", d.title},
              {"source", {{"source", d.source.source}, {"paragraph", d.source.paragraph}, {"text", d.source.text}}},
              {"missing", d.missing}};
    j["sections"] = Json::array();
    for (const auto& s : d.sections) {
        Json fields = Json::array();
        for (const auto& f : s.fields)
            fields.push_back(
                {{"label", f.label}, {"value", f.value}, {"missing", f.missing}, {"signature", f.signature}});
        j["sections"].push_back({{"heading", s.heading}, {"fields", std::move(fields)}, {"paragraphs", s.paragraphs}});
    }
    return j;
}

}  // namespace cp
