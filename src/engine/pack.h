// pack.h: protocol packs — a local authority's protocol as data (docs/protocol-packs.md).
//
// A pack lists rules. Each rule picks one of a fixed set of rule kinds the engine knows how to
// evaluate (a gate, a deadline, a length limit, a review cadence …) and fills in its numbers,
// its plain-English message and its citation. A new local authority therefore needs a new JSON
// file, not a new build. Every local pack `extends` the England statutory baseline (directly, or
// through a neighbour's protocol it adapts); it may
// replace a baseline rule that is not statutory (to word it as its own document does) but never
// a statutory one: where its document conflicts with statute it records a `conflict`, and the
// plan shows the statutory rule with the explanation.
//
// Index
//   Severity, Unit, Span              shared small types
//   Source, Citation, citation_text   the documents a pack cites, and a citation in plain words
//   RuleKind                          the rule vocabulary (see docs for each kind's params)
//   Rule                              one rule (common fields + kind-specific params)
//   Reading, Conflict                 recorded interpretations and statute conflicts
//   Pack                              one parsed file
//   parse_pack                        strict validation: every problem names file, path, expectation
//   resolve_pack                      local pack + baseline -> the effective rule set
//   embedded_pack, embedded_pack_ids  the packs shipped in assets/protocols
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/canonical.h"
#include "engine/date.h"
#include "engine/errors.h"
#include "engine/events.h"

namespace cp {

inline constexpr const char* kBaselinePackId = "england-baseline";  // the statutory baseline every pack extends

enum class Severity { blocks, warns, informs };
enum class Unit { days, school_days, weeks, school_weeks };

struct Span {
    int  n = 0;              // how many
    Unit unit = Unit::days;  // of what
};

// One document a pack is built from (its `sources` table): what a person needs to find and read it.
struct Source {
    std::string id;         // what citations name: "scheme", "si-2010-1156"; unique across the pack and its baseline
    std::string title;      // "Managed Move Scheme", as the document names itself
    std::string publisher;  // "Example County Council", "UK Parliament"
    std::string date;       // date or version: "September 2025", "undated"
    std::string url;        // public web address, "" when none is known
    std::string cite_as;    // how citations name it when not "publisher, title" (laws: their own short title)
};

// Where a rule comes from: a source of the pack (or of the baseline) and the paragraph in it.
// A person reads `text` ("Example County Council, Managed Move Scheme, Process, bullet 7"), never an id.
struct Citation {
    std::string source;       // id in the pack's (or the baseline's) sources
    std::string paragraph;    // "Process, bullet 7", "regulation 3", "Review, paragraph 1"
    std::string unconfirmed;  // in plain words, what has not been checked against the source ("" when all has)
    std::string text;  // citation_text(): filled by parse_pack for the pack's own sources, by resolve_pack for all
};

enum class RuleKind {
    gate,               // an action is not allowed (or only with a warning) until a condition holds
    deadline,           // something must happen within a span after (or before) an anchor date
    duration,           // length of the placement: default, minimum, maximum, extensions
    review_cadence,     // reviews (or progress checks) at most `every` apart from the start
    review_invitation,  // written invitation to parents at least `lead` before each review
    review_request,     // a written request for a review, unless one was held within `quiet`
    attendance,         // attendance at the host against a threshold
    termination_lock,   // no ending before `min` from the start, except for a serious breach
    serious_breach,     // what a serious breach does: ends at once, emergency meeting …
    referral_limit,     // no more than `max` managed-move referrals without panel agreement
    statute,            // a statutory prohibition in force from a date (trial managed moves)
    info,               // a message shown at chosen stages
};

struct Rule {
    std::string           id;  // "example-county/serious-breach-ends-at-once"
    RuleKind              kind = RuleKind::info;
    Severity              severity = Severity::informs;
    std::string           message;          // what a deputy head reads
    Citation              citation;         // where it comes from
    std::vector<CaseKind> applies_to;       // empty: every case kind
    std::string           when = "always";  // condition on the case: always, ehcp, cla, host_is_ap, academy_home …
    std::string           who;            // who acts: home_school, host_school, governing_board, la, panel, parents …
    std::optional<Date>   in_force_from;  // applies to placements starting on or after this date
    bool                  statutory = false;        // baseline rule that local packs may not replace
    Json                  params = Json::object();  // kind-specific, validated by parse_pack
    std::string           source_pack;              // id of the pack the rule came from
};

struct Reading {
    std::string topic;    // "review cadence"
    std::string reading;  // the interpretation the pack applies
    std::string why;      // the reason for choosing it
    Citation    citation;
};

struct Conflict {
    std::string           id;              // "example-county/trial-admission-vs-statute"
    std::string           local;           // what the local document says
    std::string           statutory_rule;  // id of the baseline rule that prevails
    std::string           explanation;     // what the planner does instead, and why
    Citation              citation;        // where the local wording is
    std::vector<CaseKind> applies_to;      // case kinds it concerns (empty: all)
};

// A form or letter written as data (docs/protocol-packs.md, "Forms"): sections of labelled fields,
// each filled from a fact of the case the engine names, or from what the school typed into a
// passport section, and rendered by the engine into the document the app shows and prints.
// A recorded choice as a form prints it: {"return", "Return to Home School"}.
using ChoiceWords = std::vector<std::pair<std::string, std::string>>;

struct FormField {
    std::string      label;              // as printed: "Date of Birth"
    std::string      value;              // a fact of the case by name (known_form_values): "pupil.dob"
    std::string      answer;             // or the school's answer under this name in the section's passport part
    std::string      text;               // or a fixed value printed as written ("As overleaf")
    std::string      when;               // printed only when this yes/no fact holds (known_form_flags, or "not " one)
    std::string      otherwise;          // printed instead when `when` does not hold ("": the field is left out)
    std::string      if_empty;           // printed when nothing is recorded, instead of listing the field as missing
    ChoiceWords      words;              // the form's wording of each choice `value` can take
    std::vector<int> at_weeks;           // repeated for each: so many weeks after the start, "{weeks}" in the label
    bool             optional = false;   // "where relevant": never listed as missing
    bool             signature = false;  // a line to sign by hand
    bool             by_hand = false;    // a line left blank to fill in by hand ("Address, if changed")
};

// Running text, printed only when `when` holds ("flag.ehcp", "not flag.ehcp"; "": always). Its facts are
// written in braces (template_text.h); a paragraph that comes out empty is left out.
struct FormParagraph {
    std::string text;
    std::string when;
};

struct FormSection {
    std::string                heading;       // "Section 1a: Child Details"
    std::string                passport;      // "1a": a part of the pupil passport (one or more sections)
    std::string                rows;          // a row per history entry of one kind (known_form_rows)
    std::string                retitle_when;  // a yes/no fact: when it holds the section is headed `retitle`
    std::string                retitle;       // "Emergency review meeting"
    std::vector<int>           at_weeks;  // repeated for each: so many weeks after the start, "{weeks}" in the heading
    std::vector<FormField>     fields;
    std::vector<FormParagraph> paragraphs;
};

struct FormTemplate {
    std::string              id;     // what `documents` and `passport` name: "worcs_passport"
    std::string              name;   // the short name a person picks it by: "Form 2: Pupil Passport"
    std::string              title;  // as printed: "Off-site Direction Pupil Passport"
    Citation                 citation;
    bool                     per_review = false;  // one form per review held: offered once a review is recorded
    std::vector<CaseKind>    applies_to;          // offered only for these kinds of case (none: every kind)
    std::vector<FormSection> sections;

    std::vector<const FormField*> questions(std::string_view part) const;  // the answers a passport part asks for
};

// A step of the protocol the engine has no entry of its own for (a signed GDPR form, a visit to the
// receiving school, the nearest schools named by Admissions): recorded as a step_recorded naming it.
// Its id is also a word the pack's gates may require and its forms may print the date of ("step.<id>").
struct Step {
    std::string              id;                         // "visit_held"
    std::string              label;                      // "Visit to the receiving school"
    std::vector<std::string> asks;                       // what its form asks beside the date: known_step_fields
    std::string              action = "record_details";  // or "hold_review": a lighter review (see review_cadence)
    bool                     once = false;  // a case has it once: recording it again corrects the one recorded
};

struct Pack {
    std::string         id;               // "example-county"; the file is assets/protocols/<id>.json
    std::string         file;             // name it was parsed from, for problems found later (resolve_pack)
    std::string         name;             // "Example County Managed Move Scheme"
    std::string         local_authority;  // "Example County Council"
    std::string         extends;          // "england-baseline" ("" only for the baseline)
    std::vector<Source> sources;          // the documents its rules cite (the baseline's too, once resolved)
    Citation            source;           // the document the pack is built from: its first source, no paragraph
    std::string calendar;        // a built-in calendar's id ("england-default"), inherited from the baseline if absent
    Json        calendar_terms;  // or the calendar itself, in the calendar file format (null when an id)
    std::vector<CaseKind>                            case_kinds;  // kinds this protocol covers
    std::vector<std::pair<std::string, std::string>> roles;       // who-code -> local name ("la" -> "SAIO")
    std::vector<std::string>                         documents;   // document ids this protocol uses
    std::vector<FormTemplate> forms;     // forms written as data (the baseline's too, once resolved)
    std::string               passport;  // the form whose passport parts the Pupil passport tab edits
    std::vector<Step>         steps;     // the protocol's own steps (the baseline's too, once resolved)
    std::vector<std::string>  replaces;  // baseline rule ids this pack re-words
    std::vector<Rule>         rules;
    std::vector<Reading>      readings;
    std::vector<Conflict>     conflicts;

    const Rule*         find_rule(std::string_view rule_id) const;
    const Source*       find_source(std::string_view source_id) const;
    const FormTemplate* find_form(std::string_view form_id) const;
    const Step*         find_step(std::string_view step_id) const;
    bool                has_passport_part(std::string_view code) const;  // a part of its passport form
    std::string         role_name(const std::string& who) const;         // local name, or a plain default
};

// A part of a protocol's pupil passport, as its Pupil passport tab and the record dialog offer it:
// the code its form's sections name ("1c") and what a person calls it ("Section 1c", or the heading
// of its first section, "The student").
struct PassportPart {
    std::string code;
    std::string label;
};
std::vector<PassportPart> passport_parts(const Pack& pack);  // in the order its form gives them
std::string               passport_part_label(const Pack* pack, const std::string& code);

// A rule kind's parameter as the validator reads it (the table in pack.cpp): what the vocabulary
// reference (vocabulary.h) prints. `values` lists the words a one-of or list-of parameter takes.
struct ParamInfo {
    std::string              name;      // "counts"
    std::string              type;      // "one of", "span", "whole number", "true or false" …
    bool                     required;  // the pack must give it
    std::vector<std::string> values;    // the words it takes (empty: any value of its type)
    Json                     fallback;  // what leaving it out means (null: its check is not made)
};
std::vector<ParamInfo>          rule_params(RuleKind k);
const std::vector<const char*>& known_stages();  // `info.stages`

// A rule's parameter as its pack gives it, or else the default its kind declares (the table in
// pack.cpp, documented in docs/protocol-packs.md); null when neither. A required parameter is always
// there once parse_pack has accepted the pack. The typed forms read null as 0, false and "".
const Json& rule_param(const Rule& r, std::string_view name);
int         param_int(const Rule& r, std::string_view name);
bool        param_flag(const Rule& r, std::string_view name);
std::string param_word(const Rule& r, std::string_view name);

const char*             severity_name(Severity s);
const char*             rule_kind_name(RuleKind k);
const char*             unit_name(Unit u);
std::optional<Severity> parse_severity(std::string_view s);
std::optional<RuleKind> parse_rule_kind(std::string_view s);
std::optional<Unit>     parse_unit(std::string_view s);

// The words a person reads for a citation: "Example County Council, Managed Move Scheme, Process, bullet 7";
// a law by its own title ("Education Act 2002, section 29A"); with what is unconfirmed, if anything.
std::string citation_text(const Pack& pack, const Citation& c);

// Strict. Returns nothing when any problem was found (every one is reported, not just the first).
std::optional<Pack> parse_pack(std::string_view json, const std::string& file, Problems& problems);

// The effective rules: the baseline's (minus those the local pack replaces) then the local ones,
// plus the local pack's readings, conflicts and names. `baseline` is the statutory baseline, or the
// resolved protocol of a neighbour the local pack adapts (its `extends`). Problems when a replaced id is
// unknown or statutory, or when the pack extends something other than the given baseline.
std::optional<Pack> resolve_pack(const Pack& local, const Pack& baseline, Problems& problems);

std::vector<std::string> embedded_pack_ids();                                          // ids of assets/protocols/*.json
std::optional<Pack>      embedded_pack(std::string_view id, Problems& problems);       // parsed, not resolved
std::optional<Pack>      load_resolved_pack(std::string_view id, Problems& problems);  // resolved with the baseline

// Rule vocabularies (also listed in docs/protocol-packs.md and checked by parse_pack).
const std::vector<const char*>& known_conditions();    // values of `when` (plan.cpp's table)
const std::vector<const char*>& known_requirements();  // values of gate `requires` (plan.cpp's table)
const std::vector<const char*>& known_actions();       // values of gate `action` (plan.cpp's table)
const std::vector<const char*>& known_form_values();   // a form field's `value` (documents.cpp's table)
const std::vector<const char*>& known_step_fields();
// What a person reads for the kind of an entry: its event's label, or a step's own label under the case's
// (resolved) pack ("Visit to the receiving school"); a step the pack no longer declares says so.
std::string entry_label(EventType type, const Json& payload, const Pack* pack);
// The fields of a step's form a person is not asked: the step itself and what the step does not ask.
std::vector<std::string> unasked_step_fields(
    const Step& step);                               // what a step may ask: the step_recorded fields but step, date
const std::vector<const char*>& known_form_flags();  // a form field's `when` (documents.cpp's table)
// A form's `when`: the yes/no fact it tests, and whether it is written "not <fact>".
struct FormCondition {
    std::string fact;
    bool        negated = false;
};
FormCondition                   read_form_condition(const std::string& when);
const std::vector<const char*>& known_form_rows();  // a form section's `rows` (documents.cpp's table)
const std::vector<const char*>&
known_form_choices();  // the `value`s that are a recorded choice a field's `words` print
const std::vector<const char*>* form_value_choices(std::string_view value);  // that choice's values, or nullptr
const std::vector<const char*>& known_anchors();                             // deadline `from` (plan.cpp's table)
const std::vector<const char*>& known_milestones();                          // deadline `to` (plan.cpp's table)

// The words of a vocabulary table, each row of which has a `word`: the validator's list, derived
// from the table that gives each word its meaning so that the two cannot differ.
template <class Table>
std::vector<const char*> words_of(const Table& table) {
    std::vector<const char*> words;
    for (const auto& row : table) words.push_back(row.word);
    return words;
}
const std::vector<const char*>& known_roles();  // values of `who`

}  // namespace cp
