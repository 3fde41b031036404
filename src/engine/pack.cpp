#include "engine/pack.h"

#include <algorithm>
#include <set>

#include "common/embedded.h"
#include "engine/calendar.h"
#include "engine/template_text.h"

namespace cp {
namespace {

const char* kSeverity[] = {"blocks", "warns", "informs"};
const char* kUnit[] = {"days", "school_days", "weeks", "school_weeks"};
const char* kRuleKind[] = {"gate",           "deadline",   "duration",         "review_cadence", "review_invitation",
                           "review_request", "attendance", "termination_lock", "serious_breach", "referral_limit",
                           "statute",        "info"};

template <typename E, std::size_t N>
std::optional<E> parse_word(const char* (&names)[N], std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

bool in(const std::vector<const char*>& v, const std::string& s) {
    return std::any_of(v.begin(), v.end(), [&](const char* x) { return s == x; });
}

// The parameters each rule kind takes. Types reuse the event field types plus "span". An optional
// parameter's default is declared here and nowhere else: the planner reads every parameter
// through rule_param(), which falls back to it.
// step_or: one of `values`, or a step the pack declares (checked once its steps are read: check_step_words).
enum class P { integer, boolean, text, text_list, span, one_of, list_of, step_or };
struct ParamSpec {
    const char*              name;
    P                        type;
    bool                     required;
    std::vector<const char*> values;
    Json                     fallback = nullptr;  // what an absent optional parameter means (null: nothing)
};

const std::vector<const char*> kStages = {"preparing", "agreeing",    "placement", "decision_due",
                                          "ending",    "transferred", "returned",  "closed"};

const std::vector<ParamSpec>& params_of(RuleKind k) {
    static const std::vector<ParamSpec> gate = {{"action", P::one_of, true, known_actions()},
                                                {"requires", P::step_or, true, known_requirements()}};
    static const std::vector<ParamSpec> deadline = {{"from", P::one_of, true, known_anchors()},
                                                    {"to", P::one_of, true, known_milestones()},
                                                    {"within", P::span, true, {}},
                                                    {"before", P::boolean, false, {}, false}};
    static const std::vector<ParamSpec> duration = {
        {"unit", P::one_of, true, {"weeks", "school_weeks"}},
        {"default", P::integer, false, {}},
        {"min", P::integer, false, {}, 0},
        {"max", P::integer, true, {}},
        {"justify_above", P::integer, false, {}},
        {"extension_weeks", P::integer, false, {}, 0},
        {"extension_times", P::integer, false, {}},
        {"extension_requires", P::one_of, false, {"agreement", "illness_evidence", "justification"}}};
    static const std::vector<ParamSpec> cadence = {{"every", P::span, true, {}},
                                                   {"counts", P::step_or, false, {"review"}, "review"},
                                                   {"first", P::span, false, {}},
                                                   {"use_agreed", P::boolean, false, {}, false}};
    static const std::vector<ParamSpec> invitation = {{"lead", P::span, true, {}}};
    static const std::vector<ParamSpec> request = {{"quiet", P::span, true, {}}, {"hold_within", P::span, true, {}}};
    static const std::vector<ParamSpec> attendance = {{"threshold", P::integer, true, {}},
                                                      {"compare", P::one_of, true, {"above", "at_least"}},
                                                      {"consequence", P::one_of, true, {"warn", "fails_trial"}},
                                                      {"illness_extension_saves", P::boolean, false, {}, false},
                                                      {"min_sessions", P::integer, false, {}, 0}};
    static const std::vector<ParamSpec> lock = {{"min", P::span, true, {}},
                                                {"except", P::one_of, false, {"serious_breach"}}};
    static const std::vector<ParamSpec> breach = {{"ends_at_once", P::boolean, true, {}},
                                                  {"emergency_meeting_within", P::span, false, {}},
                                                  {"emergency_review", P::boolean, false, {}, false},
                                                  {"inform", P::text_list, false, {}}};
    static const std::vector<ParamSpec> referral = {{"max", P::integer, true, {}}};
    static const std::vector<ParamSpec> statute = {{"forbids", P::one_of, true, {"trial_managed_move"}},
                                                   {"lawful_path", P::text, true, {}}};
    static const std::vector<ParamSpec> info = {{"stages", P::list_of, false, kStages}};
    switch (k) {
        case RuleKind::gate: return gate;
        case RuleKind::deadline: return deadline;
        case RuleKind::duration: return duration;
        case RuleKind::review_cadence: return cadence;
        case RuleKind::review_invitation: return invitation;
        case RuleKind::review_request: return request;
        case RuleKind::attendance: return attendance;
        case RuleKind::termination_lock: return lock;
        case RuleKind::serious_breach: return breach;
        case RuleKind::referral_limit: return referral;
        case RuleKind::statute: return statute;
        case RuleKind::info: return info;
    }
    return info;
}

// Strict reader for one JSON object: remembers the keys it was asked about, so unknown keys
// (usually typos) are reported instead of silently ignored.
struct Reader;
void read_calendar(Reader& rd, Pack& pack);

struct Reader {
    const Json&              j;
    const std::string&       file;
    std::string              path;
    Problems&                out;
    std::vector<std::string> known = {};

    const Json* get(const char* key, bool required, const char* expected) {
        known.push_back(key);
        const auto it = j.find(key);
        if (it != j.end()) return &*it;
        if (required) out.push_back({file, path + "/" + key, std::string("missing: expected ") + expected});
        return nullptr;
    }
    bool text(const char* key, std::string& into, bool required) {
        const Json* v = get(key, required, "a text");
        if (!v) return false;
        if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
            out.push_back({file, path + "/" + key, "expected a non-empty text; found " + v->dump()});
            return false;
        }
        into = v->get<std::string>();
        return true;
    }
    void texts(const char* key, std::vector<std::string>& into) {
        const Json* v = get(key, false, "a list of texts");
        if (!v) return;
        if (!v->is_array()) {
            out.push_back({file, path + "/" + key, "expected a list of texts; found " + v->dump()});
            return;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            if ((*v)[i].is_string())
                into.push_back((*v)[i].get<std::string>());
            else
                out.push_back(
                    {file, path + "/" + key + "/" + std::to_string(i), "expected a text; found " + (*v)[i].dump()});
        }
    }
    void citation(Citation& c, bool required) {
        const Json* v = get("citation", required, "a citation {source, paragraph}");
        if (!v) return;
        if (!v->is_object()) {
            out.push_back({file, path + "/citation", "expected a citation {source, paragraph}"});
            return;
        }
        Reader r{*v, file, path + "/citation", out};
        r.text("source", c.source, true);
        r.text("paragraph", c.paragraph, true);
        r.text("unconfirmed", c.unconfirmed, false);
        r.finish();
    }
    void kinds(const char* key, std::vector<CaseKind>& into) {
        std::vector<std::string> words;
        texts(key, words);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (auto k = parse_case_kind(words[i]))
                into.push_back(*k);
            else
                out.push_back({file, path + "/" + key + "/" + std::to_string(i),
                               "expected a case kind (off_site_direction, managed_move, osd_to_managed_move, "
                               "reintegration); found \"" +
                                   words[i] + "\""});
        }
    }
    void finish() {
        for (auto it = j.begin(); it != j.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                out.push_back(
                    {file, path + "/" + it.key(), "unknown field \"" + it.key() + "\"; see docs/protocol-packs.md"});
    }
};

bool is_id(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_word(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::optional<Source> read_source(const Json& j, const std::string& file, const std::string& path, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a source {id, title, publisher, date, url}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Source            s;
    Reader            rd{j, file, path, out};
    if (rd.text("id", s.id, true) && !is_id(s.id))
        out.push_back({file, path + "/id", "expected lower-case letters, digits and hyphens; found \"" + s.id + "\""});
    rd.text("title", s.title, true);
    rd.text("publisher", s.publisher, true);
    rd.text("date", s.date, true);
    if (rd.text("url", s.url, false) && s.url.rfind("https://", 0) != 0)
        out.push_back(
            {file, path + "/url", "expected a public web address starting https://; found \"" + s.url + "\""});
    rd.text("cite_as", s.cite_as, false);
    rd.finish();
    if (out.size() != before) return std::nullopt;
    return s;
}

// Every citation in a pack with its JSON path (the pack's own source has no path: it is derived).
template <typename F>
void each_citation(Pack& p, F f) {
    for (std::size_t i = 0; i < p.rules.size(); ++i)
        f(p.rules[i].citation, "/rules/" + std::to_string(i) + "/citation");
    for (std::size_t i = 0; i < p.readings.size(); ++i)
        f(p.readings[i].citation, "/readings/" + std::to_string(i) + "/citation");
    for (std::size_t i = 0; i < p.conflicts.size(); ++i)
        f(p.conflicts[i].citation, "/conflicts/" + std::to_string(i) + "/citation");
    for (std::size_t i = 0; i < p.forms.size(); ++i)
        if (!p.forms[i].citation.source.empty())  // none: the form cites the case's protocol
            f(p.forms[i].citation, "/forms/" + std::to_string(i) + "/citation");
}

std::string source_ids(const std::vector<Source>& sources) {
    std::string out;
    for (const Source& s : sources) out += (out.empty() ? "" : ", ") + s.id;
    return out;
}

void check_span(const Json& v, const std::string& file, const std::string& path, Problems& out) {
    const bool ok = v.is_object() && v.size() == 2 && v.contains("n") && v["n"].is_number_integer() &&
                    v["n"].get<int>() >= 0 && v.contains("unit") && v["unit"].is_string() &&
                    parse_unit(v["unit"].get<std::string>());
    if (!ok)
        out.push_back(
            {file, path,
             "expected a span {\"n\": whole number >= 0, \"unit\": days, school_days, weeks or school_weeks}; found " +
                 v.dump()});
}

void check_params(RuleKind kind, const Json& params, const std::string& file, const std::string& path, Problems& out) {
    if (!params.is_object()) {
        out.push_back(
            {file, path, std::string("expected an object of parameters for a ") + rule_kind_name(kind) + " rule"});
        return;
    }
    const auto& specs = params_of(kind);
    for (const ParamSpec& s : specs) {
        const std::string where = path + "/" + s.name;
        const auto        it = params.find(s.name);
        if (it == params.end()) {
            if (s.required)
                out.push_back({file, where,
                               std::string("missing: a ") + rule_kind_name(kind) + " rule needs \"" + s.name + "\""});
            continue;
        }
        const Json& v = *it;
        switch (s.type) {
            case P::integer:
                if (!v.is_number_integer() || v.get<int64_t>() < 0)
                    out.push_back({file, where, "expected a whole number >= 0; found " + v.dump()});
                break;
            case P::boolean:
                if (!v.is_boolean()) out.push_back({file, where, "expected true or false; found " + v.dump()});
                break;
            case P::text:
                if (!v.is_string()) out.push_back({file, where, "expected a text; found " + v.dump()});
                break;
            case P::text_list:
                if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const Json& x) { return x.is_string(); }))
                    out.push_back({file, where, "expected a list of texts; found " + v.dump()});
                break;
            case P::span: check_span(v, file, where, out); break;
            case P::one_of:
                if (!v.is_string() || !in(s.values, v.get<std::string>()))
                    out.push_back({file, where, "expected one of " + comma_list(s.values) + "; found " + v.dump()});
                break;
            case P::step_or:
                if (!v.is_string()) out.push_back({file, where, "expected a word; found " + v.dump()});
                break;
            case P::list_of:
                if (!v.is_array()) {
                    out.push_back({file, where, "expected a list of: " + comma_list(s.values)});
                    break;
                }
                for (std::size_t i = 0; i < v.size(); ++i)
                    if (!v[i].is_string() || !in(s.values, v[i].get<std::string>()))
                        out.push_back({file, where + "/" + std::to_string(i),
                                       "expected one of " + comma_list(s.values) + "; found " + v[i].dump()});
                break;
        }
    }
    for (auto it = params.begin(); it != params.end(); ++it)
        if (std::none_of(specs.begin(), specs.end(), [&](const ParamSpec& s) { return it.key() == s.name; }))
            out.push_back({file, path + "/" + it.key(),
                           "unknown parameter \"" + it.key() + "\" for a " + rule_kind_name(kind) + " rule"});
}

// Cross-field checks that a schema alone cannot express.
void check_rule_logic(const Rule& r, const std::string& file, const std::string& path, Problems& out) {
    const Json& p = r.params;
    if (r.kind == RuleKind::duration && p.contains("max") && p["max"].is_number_integer()) {
        const int max = p["max"].get<int>();
        if (p.contains("min") && p["min"].is_number_integer() && p["min"].get<int>() > max)
            out.push_back({file, path + "/params/min",
                           "the minimum length is longer than the maximum (" + std::to_string(max) + ")"});
        if (p.contains("default") && p["default"].is_number_integer() && p["default"].get<int>() > max)
            out.push_back({file, path + "/params/default",
                           "the default length is longer than the maximum (" + std::to_string(max) + ")"});
        if (max == 0) out.push_back({file, path + "/params/max", "expected a maximum length of at least 1"});
    }
    if (r.kind == RuleKind::attendance && p.contains("threshold") && p["threshold"].is_number_integer() &&
        p["threshold"].get<int>() > 100)
        out.push_back(
            {file, path + "/params/threshold", "expected a percentage from 0 to 100; found " + p["threshold"].dump()});
    if (r.kind == RuleKind::review_cadence && p.contains("every") && p["every"].is_object() &&
        p["every"].value("n", 0) == 0)
        out.push_back({file, path + "/params/every", "a review cadence of 0 would make every review overdue at once"});
}

std::optional<Rule> read_rule(const Json& j, const std::string& file, const std::string& path, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a rule object {id, kind, severity, message, citation, params}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Rule              r;
    Reader            rd{j, file, path, out};
    rd.text("id", r.id, true);
    std::string word;
    if (rd.text("kind", word, true)) {
        if (auto k = parse_rule_kind(word))
            r.kind = *k;
        else {
            std::vector<const char*> all(std::begin(kRuleKind), std::end(kRuleKind));
            out.push_back({file, path + "/kind", "expected one of " + comma_list(all) + "; found \"" + word + "\""});
        }
    }
    if (rd.text("severity", word, true)) {
        if (auto s = parse_severity(word))
            r.severity = *s;
        else
            out.push_back({file, path + "/severity", "expected one of blocks, warns, informs; found \"" + word + "\""});
    }
    rd.text("message", r.message, true);
    rd.citation(r.citation, true);
    rd.kinds("applies_to", r.applies_to);
    if (rd.text("when", r.when, false) && !in(known_conditions(), r.when))
        out.push_back(
            {file, path + "/when", "expected one of " + comma_list(known_conditions()) + "; found \"" + r.when + "\""});
    if (rd.text("who", r.who, false) && !in(known_roles(), r.who))
        out.push_back(
            {file, path + "/who", "expected one of " + comma_list(known_roles()) + "; found \"" + r.who + "\""});
    if (rd.text("in_force_from", word, false)) {
        r.in_force_from = parse_iso_date(word);
        if (!r.in_force_from)
            out.push_back({file, path + "/in_force_from", "expected a date YYYY-MM-DD; found \"" + word + "\""});
    }
    if (const Json* s = rd.get("statutory", false, "true or false")) {
        if (s->is_boolean())
            r.statutory = s->get<bool>();
        else
            out.push_back({file, path + "/statutory", "expected true or false; found " + s->dump()});
    }
    if (const Json* p = rd.get("params", false, "an object")) r.params = *p;
    rd.finish();
    if (out.size() == before) check_params(r.kind, r.params, file, path + "/params", out);
    if (out.size() == before) check_rule_logic(r, file, path, out);
    if (out.size() != before) return std::nullopt;
    return r;
}

template <typename T, typename F>
void read_list(Reader& rd, const char* key, std::vector<T>& into, F read_one, bool required = false) {
    const Json* v = rd.get(key, required, "a list");
    if (!v) return;
    if (!v->is_array()) {
        rd.out.push_back({rd.file, rd.path + "/" + key, "expected a list; found " + std::string(v->type_name())});
        return;
    }
    for (std::size_t i = 0; i < v->size(); ++i)
        if (auto x = read_one((*v)[i], rd.path + "/" + key + "/" + std::to_string(i))) into.push_back(std::move(*x));
}

// ---- forms -------------------------------------------------------------------------------------

bool read_flag(Reader& rd, const char* key, bool& into) {
    const Json* v = rd.get(key, false, "true or false");
    if (!v) return false;
    if (!v->is_boolean()) {
        rd.out.push_back({rd.file, rd.path + "/" + key, "expected true or false; found " + v->dump()});
        return false;
    }
    into = v->get<bool>();
    return true;
}

void check_word(Reader& rd, const char* key, const std::string& word, const std::vector<const char*>& words) {
    if (!word.empty() && !in(words, word))
        rd.out.push_back(
            {rd.file, rd.path + "/" + key, "expected one of " + comma_list(words) + "; found \"" + word + "\""});
}

// A field says where its value comes from in exactly one way: a fact, an answer, or a line to sign.
// `at_weeks`: a section or field repeated for each of these weeks after the start ([4, 8, 12, 16]).
void read_weeks(Reader& rd, std::vector<int>& into) {
    const Json* v = rd.get("at_weeks", false, "a list of whole numbers of weeks");
    if (!v) return;
    const bool ok = v->is_array() && !v->empty() && std::all_of(v->begin(), v->end(), [](const Json& w) {
                        return w.is_number_integer() && w.get<int64_t>() > 0 && w.get<int64_t>() <= 104;
                    });
    if (!ok) {
        rd.out.push_back({rd.file, rd.path + "/at_weeks",
                          "expected a list of whole numbers of weeks after the start, 1 to 104; found " + v->dump()});
        return;
    }
    for (const Json& w : *v) into.push_back(w.get<int>());
}

// `words`: how this form prints each choice a recorded value can take ({"return": "Return to Home School"}).
void read_field_words(Reader& rd, FormField& f) {
    const Json* v = rd.get("words", false, "an object of words");
    if (!v) return;
    const std::vector<const char*>* choices = form_value_choices(f.value);
    if (!choices || !v->is_object()) {
        rd.out.push_back({rd.file, rd.path + "/words",
                          choices ? "expected an object {recorded choice: printed words}"
                                  : "words print a recorded choice: give the field a \"value\" that is one (" +
                                        comma_list(known_form_choices()) + ")"});
        return;
    }
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (!in(*choices, it.key()))
            rd.out.push_back({rd.file, rd.path + "/words/" + it.key(),
                              "expected one of " + comma_list(*choices) + "; found \"" + it.key() + "\""});
        else if (!it->is_string() || it->get_ref<const std::string&>().empty())
            rd.out.push_back({rd.file, rd.path + "/words/" + it.key(), "expected a non-empty text"});
        else
            f.words.emplace_back(it.key(), it->get<std::string>());
    }
}

// The facts a form's text names in braces are facts a form can print, and its marks are closed
// (template_text.h): the renderer reads the text with the same function. `at` is the text's path.
void check_text(Problems& out, const std::string& file, const std::string& at, const std::string& text) {
    std::string error;
    fill_text(
        text,
        [&](const std::string& name) {
            if (name != "weeks" && !in(known_form_values(), name))
                out.push_back({file, at,
                               "expected a fact of the case between braces: weeks, or one of " +
                                   comma_list(known_form_values()) + "; found \"{" + name + "}\""});
            return std::string("known");
        },
        &error);
    if (!error.empty()) out.push_back({file, at, error + " in \"" + text + "\""});
}
void check_text(Reader& rd, const char* key, const std::string& text) {
    check_text(rd.out, rd.file, rd.path + "/" + key, text);
}

// A paragraph is a text, or {text, when}: printed only when the yes/no fact holds.
std::optional<FormParagraph> read_paragraph(const Json& j, const std::string& file, const std::string& path,
                                            Problems& out) {
    if (j.is_string() && !j.get_ref<const std::string&>().empty()) {
        const std::size_t before = out.size();
        check_text(out, file, path, j.get<std::string>());
        if (out.size() != before) return std::nullopt;
        return FormParagraph{j.get<std::string>(), ""};
    }
    if (!j.is_object()) {
        out.push_back({file, path, "expected a paragraph: a text, or {text, when}; found " + j.dump()});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    FormParagraph     p;
    Reader            rd{j, file, path, out};
    rd.text("text", p.text, true);
    rd.text("when", p.when, false);
    rd.finish();
    check_text(rd, "text", p.text);
    check_word(rd, "when", read_form_condition(p.when).fact, known_form_flags());
    if (out.size() != before) return std::nullopt;
    return p;
}

std::optional<FormField> read_form_field(const Json& j, const std::string& file, const std::string& path,
                                         const FormSection& section, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a field {label, value or answer or signature}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    FormField         f;
    Reader            rd{j, file, path, out};
    rd.text("label", f.label, true);
    rd.text("value", f.value, false);
    rd.text("answer", f.answer, false);
    read_flag(rd, "signature", f.signature);
    read_flag(rd, "by_hand", f.by_hand);
    rd.text("text", f.text, false);
    read_weeks(rd, f.at_weeks);
    read_flag(rd, "optional", f.optional);
    rd.text("when", f.when, false);
    rd.text("otherwise", f.otherwise, false);
    rd.text("if_empty", f.if_empty, false);
    read_field_words(rd, f);
    rd.finish();
    check_text(rd, "label", f.label);
    check_text(rd, "text", f.text);
    if (f.value.rfind("step.", 0) != 0)  // a step's date: the pack's steps are checked in check_step_words
        check_word(rd, "value", f.value, known_form_values());
    check_word(rd, "when", read_form_condition(f.when).fact, known_form_flags());
    if (int(!f.value.empty()) + int(!f.answer.empty()) + int(!f.text.empty()) + int(f.signature) + int(f.by_hand) != 1)
        out.push_back({file, path, "expected exactly one of value, answer, text, signature or by_hand"});
    if (f.value.rfind("week.", 0) == 0 && f.at_weeks.empty() && section.at_weeks.empty())
        out.push_back(
            {file, path + "/value",
             "\"" + f.value + "\" is a fact of a week after the start: give the field or its section \"at_weeks\""});
    if (!f.answer.empty() && section.passport.empty())
        out.push_back(
            {file, path + "/answer", "an answer belongs to a passport part: give the section a \"passport\""});
    if (!f.otherwise.empty() && f.when.empty())
        out.push_back({file, path + "/otherwise", "\"otherwise\" says what to print when \"when\" does not hold"});
    if (out.size() != before) return std::nullopt;
    return f;
}

std::optional<FormSection> read_form_section(const Json& j, const std::string& file, const std::string& path,
                                             Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a section {heading, fields}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    FormSection       sec;
    Reader            rd{j, file, path, out};
    rd.text("heading", sec.heading, true);
    // A passport part is named by the pack itself ("1c", "student_passport"): a word, kept in records.
    if (rd.text("passport", sec.passport, false) && !is_word(sec.passport))
        out.push_back({file, path + "/passport",
                       "expected lower-case letters, digits and underscores; found \"" + sec.passport + "\""});
    rd.text("rows", sec.rows, false);
    check_word(rd, "rows", sec.rows, known_form_rows());
    if (rd.text("retitle_when", sec.retitle_when, false))
        check_word(rd, "retitle_when", sec.retitle_when, known_form_flags());
    rd.text("retitle", sec.retitle, false);
    read_weeks(rd, sec.at_weeks);
    if (sec.retitle.empty() != sec.retitle_when.empty())
        out.push_back({file, path, "\"retitle\" and \"retitle_when\" go together: the heading, and when it is used"});
    read_list(rd, "paragraphs", sec.paragraphs,
              [&](const Json& p, const std::string& at) { return read_paragraph(p, file, at, out); });
    read_list(rd, "fields", sec.fields,
              [&](const Json& f, const std::string& p) { return read_form_field(f, file, p, sec, out); });
    rd.finish();
    check_text(rd, "heading", sec.heading);
    check_text(rd, "retitle", sec.retitle);
    if (out.size() != before) return std::nullopt;
    return sec;
}

std::optional<FormTemplate> read_form(const Json& j, const std::string& file, const std::string& path, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a form {id, name, title, citation, sections}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    FormTemplate      form;
    Reader            rd{j, file, path, out};
    if (rd.text("id", form.id, true) &&
        form.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
        out.push_back({file, path + "/id", "expected lower-case letters, digits, hyphens and underscores"});
    rd.text("name", form.name, true);
    rd.text("title", form.title, true);
    rd.citation(form.citation, false);
    read_flag(rd, "per_review", form.per_review);
    rd.kinds("applies_to", form.applies_to);
    read_list(
        rd, "sections", form.sections,
        [&](const Json& sj, const std::string& p) { return read_form_section(sj, file, p, out); }, true);
    rd.finish();
    if (out.size() != before) return std::nullopt;
    return form;
}

// `documents` name a form of the pack (or, once resolved, of its baseline).
void check_documents(const Pack& pack, const std::string& file, Problems& out) {
    std::vector<const char*> known;
    for (const FormTemplate& f : pack.forms) known.push_back(f.id.c_str());
    for (std::size_t i = 0; i < pack.documents.size(); ++i)
        if (!in(known, pack.documents[i]))
            out.push_back({file, "/documents/" + std::to_string(i),
                           "expected one of " + comma_list(known) + "; found \"" + pack.documents[i] + "\""});
    if (!pack.passport.empty() && !pack.find_form(pack.passport))
        out.push_back({file, "/passport", "expected the id of one of the forms; found \"" + pack.passport + "\""});
}

std::optional<Step> read_step(const Json& j, const std::string& file, const std::string& path, Problems& out) {
    if (!j.is_object()) {
        out.push_back({file, path, "expected a step {id, label, asks, action}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Step              step;
    Reader            rd{j, file, path, out};
    if (rd.text("id", step.id, true) && !is_word(step.id))
        out.push_back(
            {file, path + "/id", "expected lower-case letters, digits and underscores; found \"" + step.id + "\""});
    rd.text("label", step.label, true);
    rd.texts("asks", step.asks);
    for (std::size_t i = 0; i < step.asks.size(); ++i)
        if (!in(known_step_fields(), step.asks[i]))
            out.push_back({file, path + "/asks/" + std::to_string(i),
                           "expected one of " + comma_list(known_step_fields()) + "; found \"" + step.asks[i] + "\""});
    rd.text("action", step.action, false);
    check_word(rd, "action", step.action, {"record_details", "hold_review"});
    read_flag(rd, "once", step.once);
    rd.finish();
    if (out.size() != before) return std::nullopt;
    return step;
}

// A step's id names it wherever the pack uses it, so it must not also be a word of the vocabulary.
void check_steps(const Pack& pack, const std::string& file, Problems& out) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < pack.steps.size(); ++i) {
        const std::string& id = pack.steps[i].id;
        const std::string  where = "/steps/" + std::to_string(i) + "/id";
        if (!seen.insert(id).second) out.push_back({file, where, "step id \"" + id + "\" appears twice"});
        if (in(known_requirements(), id) || id == "review")
            out.push_back(
                {file, where, "\"" + id + "\" is already a word of the vocabulary; give the step its own id"});
    }
}

// `requires` and `counts` may name a step, and a form field may print a step's date ("step.<id>").
void check_step_words(const Pack& pack, const std::string& file, Problems& out) {
    std::string declared;
    for (const Step& st : pack.steps) declared += (declared.empty() ? "" : ", ") + st.id;
    const std::string steps = declared.empty() ? "no steps are declared" : "its steps are " + declared;
    for (std::size_t i = 0; i < pack.rules.size(); ++i)
        for (const ParamSpec& spec : params_of(pack.rules[i].kind)) {
            const auto it = pack.rules[i].params.find(spec.name);
            if (spec.type != P::step_or || it == pack.rules[i].params.end() || !it->is_string()) continue;
            const std::string word = it->get<std::string>();
            if (!in(spec.values, word) && !pack.find_step(word))
                out.push_back({file, "/rules/" + std::to_string(i) + "/params/" + spec.name,
                               "expected one of " + comma_list(spec.values) + ", or a step of this protocol (" + steps +
                                   "); found \"" + word + "\""});
        }
    for (std::size_t f = 0; f < pack.forms.size(); ++f)
        for (std::size_t s = 0; s < pack.forms[f].sections.size(); ++s)
            for (std::size_t k = 0; k < pack.forms[f].sections[s].fields.size(); ++k) {
                const std::string& v = pack.forms[f].sections[s].fields[k].value;
                if (v.rfind("step.", 0) == 0 && !pack.find_step(v.substr(5)))
                    out.push_back({file,
                                   "/forms/" + std::to_string(f) + "/sections/" + std::to_string(s) + "/fields/" +
                                       std::to_string(k) + "/value",
                                   "\"" + v + "\" prints the date of a step, but " + steps + "; found \"" + v + "\""});
            }
}

}  // namespace

const std::vector<const char*>& known_step_fields() {
    static const std::vector<const char*> v = [] {
        std::vector<const char*> out;
        for (const FieldSpec& f : spec_of(EventType::step_recorded).fields)
            if (std::string_view(f.name) != "step" && std::string_view(f.name) != "date") out.push_back(f.name);
        return out;
    }();
    return v;
}

std::string entry_label(EventType type, const Json& payload, const Pack* pack) {
    if (type != EventType::step_recorded) return spec_of(type).label;
    const Step* step = pack ? pack->find_step(payload_text(payload, "step")) : nullptr;
    return step ? step->label : "A step the protocol no longer lists";
}

std::vector<std::string> unasked_step_fields(const Step& step) {
    std::vector<std::string> out = {"step"};
    for (const char* f : known_step_fields())
        if (std::find(step.asks.begin(), step.asks.end(), f) == step.asks.end()) out.emplace_back(f);
    return out;
}

std::vector<ParamInfo> rule_params(RuleKind k) {
    std::vector<ParamInfo> out;
    for (const ParamSpec& s : params_of(k)) {
        static const char* types[] = {"whole number", "true or false", "text",    "list of texts",
                                      "span",         "one of",        "list of", "one of, or a step"};
        out.push_back({s.name, types[static_cast<int>(s.type)], s.required,
                       std::vector<std::string>(s.values.begin(), s.values.end()), s.fallback});
    }
    return out;
}

const std::vector<const char*>& known_stages() { return kStages; }

const std::vector<const char*>& known_roles() {
    static const std::vector<const char*> v = {
        "home_school", "host_school", "both_schools", "governing_board", "la",
        "panel",       "parents",     "admissions",   "virtual_school",  "send_team"};
    return v;
}

const char*             severity_name(Severity s) { return kSeverity[static_cast<int>(s)]; }
const char*             rule_kind_name(RuleKind k) { return kRuleKind[static_cast<int>(k)]; }
const char*             unit_name(Unit u) { return kUnit[static_cast<int>(u)]; }
std::optional<Severity> parse_severity(std::string_view s) { return parse_word<Severity>(kSeverity, s); }
std::optional<RuleKind> parse_rule_kind(std::string_view s) { return parse_word<RuleKind>(kRuleKind, s); }
std::optional<Unit>     parse_unit(std::string_view s) { return parse_word<Unit>(kUnit, s); }

const Rule* Pack::find_rule(std::string_view rule_id) const {
    for (const Rule& r : rules)
        if (r.id == rule_id) return &r;
    return nullptr;
}

const Step* Pack::find_step(std::string_view step_id) const {
    for (const Step& st : steps)
        if (st.id == step_id) return &st;
    return nullptr;
}

bool Pack::has_passport_part(std::string_view code) const {
    const FormTemplate* form = find_form(passport);
    if (!form) return false;
    return std::any_of(form->sections.begin(), form->sections.end(),
                       [&](const FormSection& sec) { return sec.passport == code; });
}

std::vector<PassportPart> passport_parts(const Pack& pack) {
    std::vector<PassportPart> out;
    const FormTemplate*       form = pack.find_form(pack.passport);
    if (!form) return out;
    for (const FormSection& sec : form->sections) {
        if (sec.passport.empty()) continue;
        if (std::any_of(out.begin(), out.end(), [&](const PassportPart& p) { return p.code == sec.passport; }))
            continue;
        // A form that numbers its parts ("Section 1c: Academic Information") is read by number.
        const std::string number = "Section " + sec.passport;
        out.push_back({sec.passport, sec.heading.rfind(number, 0) == 0 ? number : sec.heading});
    }
    return out;
}

std::string passport_part_label(const Pack* pack, const std::string& code) {
    if (pack)
        for (const PassportPart& p : passport_parts(*pack))
            if (p.code == code) return p.label;
    return "A part of the passport the protocol no longer lists";
}

const FormTemplate* Pack::find_form(std::string_view form_id) const {
    for (const FormTemplate& f : forms)
        if (f.id == form_id) return &f;
    return nullptr;
}

std::vector<const FormField*> FormTemplate::questions(std::string_view part) const {
    std::vector<const FormField*> out;
    for (const FormSection& s : sections)
        if (s.passport == part)
            for (const FormField& f : s.fields)
                if (!f.answer.empty()) out.push_back(&f);
    return out;
}

const Source* Pack::find_source(std::string_view source_id) const {
    for (const Source& s : sources)
        if (s.id == source_id) return &s;
    return nullptr;
}

std::string citation_text(const Pack& pack, const Citation& c) {
    const Source* s = pack.find_source(c.source);
    std::string   out = !s ? c.source : !s->cite_as.empty() ? s->cite_as : s->publisher + ", " + s->title;
    if (!c.paragraph.empty()) out += ", " + c.paragraph;
    if (!c.unconfirmed.empty()) out += " (not confirmed: " + c.unconfirmed + ")";
    return out;
}

std::string Pack::role_name(const std::string& who) const {
    for (const auto& [code, local_name] : roles)
        if (code == who) return local_name;
    if (who == "home_school") return "Home school";
    if (who == "host_school") return "Host school";
    if (who == "both_schools") return "Both schools";
    if (who == "governing_board") return "Governing board (or its delegate)";
    if (who == "la") return "Local authority";
    if (who == "panel") return "Fair access panel";
    if (who == "parents") return "Parents/carers";
    if (who == "admissions") return "LA admissions";
    if (who == "virtual_school") return "Virtual School";
    if (who == "send_team") return "LA SEND team";
    return who;
}

namespace {
// "calendar": a built-in calendar's id, or the local authority's term dates written into the pack
// in the calendar file format (docs/calendar.md), checked as strictly as a calendar file.
void read_calendar(Reader& rd, Pack& pack) {
    const Json* v = rd.get("calendar", false, "a calendar");
    if (!v) return;
    const std::string path = rd.path + "/calendar";
    if (v->is_string()) {
        pack.calendar = v->get<std::string>();
        if (!is_shipped_calendar(pack.calendar)) {
            std::string ids;
            for (const std::string& id : shipped_calendar_ids()) ids += (ids.empty() ? "" : ", ") + id;
            rd.out.push_back(
                {rd.file, path, "expected a built-in calendar (" + ids + ") or term dates; found " + v->dump()});
        }
        return;
    }
    if (!v->is_object()) {
        rd.out.push_back({rd.file, path, "expected a built-in calendar's name or term dates; found " + v->dump()});
        return;
    }
    Problems found;
    if (parse_calendar_value(*v, rd.file, found)) pack.calendar_terms = *v;
    for (Problem& p : found) rd.out.push_back({rd.file, path + p.path, p.message});
}
}  // namespace

const Json& rule_param(const Rule& r, std::string_view name) {
    static const Json none = nullptr;
    const auto        it = r.params.find(name);  // nlohmann's std::less<> finds by a view: no copy
    if (it != r.params.end()) return *it;
    for (const ParamSpec& s : params_of(r.kind))
        if (name == s.name) return s.fallback;
    return none;
}

int param_int(const Rule& r, std::string_view name) {
    const Json& v = rule_param(r, name);
    return v.is_number_integer() ? v.get<int>() : 0;
}

bool param_flag(const Rule& r, std::string_view name) {
    const Json& v = rule_param(r, name);
    return v.is_boolean() && v.get<bool>();
}

std::string param_word(const Rule& r, std::string_view name) {
    const Json& v = rule_param(r, name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::optional<Pack> parse_pack(std::string_view text, const std::string& file, Problems& out) {
    std::string error;
    auto parsed = parse_json_text(text, error);  // also refuses 1e400 and deep nesting (docs/fuzzing.md, findings)
    if (!parsed) {
        out.push_back({file, "", "not valid JSON: " + error});
        return std::nullopt;
    }
    const Json root = std::move(*parsed);
    if (!root.is_object()) {
        out.push_back({file, "", "expected a protocol pack object"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    Pack              pack;
    pack.file = file;
    Reader      rd{root, file, "", out};
    std::string word;
    if (rd.text("format", word, true) && word != "caseplan-pack")
        out.push_back({file, "/format", "expected \"caseplan-pack\"; found \"" + word + "\""});
    if (const Json* v = rd.get("version", true, "the pack format version, a whole number")) {
        if (!v->is_number_integer() || v->get<int64_t>() != 1)
            out.push_back({file, "/version",
                           "pack format version " + v->dump() + " is not supported: this build reads version 1"});
    }
    if (rd.text("id", pack.id, true) && !is_id(pack.id))
        out.push_back({file, "/id", "expected lower-case letters, digits and hyphens; found \"" + pack.id + "\""});
    rd.text("name", pack.name, true);
    rd.text("local_authority", pack.local_authority, true);
    rd.text("extends", pack.extends, false);
    read_calendar(rd, pack);
    read_list(
        rd, "sources", pack.sources,
        [&](const Json& j, const std::string& path) { return read_source(j, file, path, out); }, true);
    if (root.contains("sources") && root["sources"].is_array() && root["sources"].empty())
        out.push_back({file, "/sources", "expected at least one source {id, title, publisher, date, url}"});
    rd.kinds("case_kinds", pack.case_kinds);
    if (const Json* roles = rd.get("roles", false, "an object")) {
        if (!roles->is_object())
            out.push_back({file, "/roles", "expected an object mapping a role to its local name"});
        else
            for (auto it = roles->begin(); it != roles->end(); ++it) {
                if (!in(known_roles(), it.key()))
                    out.push_back({file, "/roles/" + it.key(), "expected a role key: " + comma_list(known_roles())});
                else if (!it->is_string())
                    out.push_back({file, "/roles/" + it.key(), "expected a text; found " + it->dump()});
                else
                    pack.roles.emplace_back(it.key(), it->get<std::string>());
            }
    }
    rd.texts("documents", pack.documents);
    read_list(rd, "forms", pack.forms,
              [&](const Json& j, const std::string& path) { return read_form(j, file, path, out); });
    rd.text("passport", pack.passport, false);
    read_list(rd, "steps", pack.steps,
              [&](const Json& j, const std::string& path) { return read_step(j, file, path, out); });
    rd.texts("replaces", pack.replaces);
    read_list(
        rd, "rules", pack.rules, [&](const Json& j, const std::string& path) { return read_rule(j, file, path, out); },
        true);
    read_list(rd, "readings", pack.readings, [&](const Json& j, const std::string& path) -> std::optional<Reading> {
        if (!j.is_object()) {
            out.push_back({file, path, "expected {topic, reading, why, citation}"});
            return std::nullopt;
        }
        Reading r;
        Reader  x{j, file, path, out};
        x.text("topic", r.topic, true);
        x.text("reading", r.reading, true);
        x.text("why", r.why, true);
        x.citation(r.citation, true);
        x.finish();
        return r;
    });
    read_list(rd, "conflicts", pack.conflicts, [&](const Json& j, const std::string& path) -> std::optional<Conflict> {
        if (!j.is_object()) {
            out.push_back({file, path, "expected {id, local, statutory_rule, explanation, citation}"});
            return std::nullopt;
        }
        Conflict c;
        Reader   x{j, file, path, out};
        x.text("id", c.id, true);
        x.text("local", c.local, true);
        x.text("statutory_rule", c.statutory_rule, true);
        x.text("explanation", c.explanation, true);
        x.citation(c.citation, true);
        x.kinds("applies_to", c.applies_to);
        x.finish();
        return c;
    });
    rd.finish();

    std::set<std::string> ids;
    for (std::size_t i = 0; i < pack.rules.size(); ++i) {
        pack.rules[i].source_pack = pack.id;
        if (!ids.insert(pack.rules[i].id).second)
            out.push_back(
                {file, "/rules/" + std::to_string(i) + "/id", "rule id \"" + pack.rules[i].id + "\" appears twice"});
    }
    for (std::size_t i = 0; i < pack.conflicts.size(); ++i)
        if (!ids.insert(pack.conflicts[i].id).second)
            out.push_back({file, "/conflicts/" + std::to_string(i) + "/id",
                           "id \"" + pack.conflicts[i].id + "\" is already used"});
    std::set<std::string> form_ids;
    for (std::size_t i = 0; i < pack.forms.size(); ++i)
        if (!form_ids.insert(pack.forms[i].id).second)
            out.push_back(
                {file, "/forms/" + std::to_string(i) + "/id", "form id \"" + pack.forms[i].id + "\" appears twice"});
    if (pack.id == kBaselinePackId)
        check_documents(pack, file, out);  // a local pack's, once resolved: it may name the baseline's forms
    check_steps(pack, file, out);
    if (pack.extends.empty() || pack.extends == kBaselinePackId)  // else once resolved: it may name its neighbour's
        check_step_words(pack, file, out);
    std::set<std::string> source_ids_seen;
    for (std::size_t i = 0; i < pack.sources.size(); ++i)
        if (!source_ids_seen.insert(pack.sources[i].id).second)
            out.push_back({file, "/sources/" + std::to_string(i) + "/id",
                           "source id \"" + pack.sources[i].id + "\" appears twice"});
    // A local pack may also cite the baseline's sources: resolve_pack checks those.
    if (pack.extends.empty())
        each_citation(pack, [&](const Citation& c, const std::string& path) {
            if (!c.source.empty() && !pack.find_source(c.source))
                out.push_back(
                    {file, path + "/source",
                     "no source \"" + c.source + "\" in this pack's sources (" + source_ids(pack.sources) + ")"});
        });
    if (out.size() != before) return std::nullopt;
    pack.source = {pack.sources.front().id, "", "", ""};
    pack.source.text = citation_text(pack, pack.source);
    each_citation(pack, [&](Citation& c, const std::string&) {
        if (pack.find_source(c.source)) c.text = citation_text(pack, c);
    });
    return pack;
}

std::optional<Pack> resolve_pack(const Pack& local, const Pack& baseline, Problems& out) {
    // Problems found here point into the local pack's own file, whatever it is called.
    const std::string file = local.file.empty() ? local.id + ".json" : local.file;
    if (local.id == baseline.id) return local;
    // `baseline` is the statutory baseline, or a local pack already resolved (a neighbour's protocol
    // adapted): either way every statutory rule is in it, so none can be replaced.
    const bool        on_baseline = baseline.extends.empty();
    const std::string base = on_baseline ? "baseline" : "\"" + baseline.id + "\"";
    const std::size_t before = out.size();
    if (local.extends != baseline.id)
        out.push_back({file, "/extends",
                       "expected \"" + baseline.id + "\" (every pack builds on the statutory baseline); found \"" +
                           local.extends + "\""});
    for (std::size_t i = 0; i < local.replaces.size(); ++i) {
        const Rule*       r = baseline.find_rule(local.replaces[i]);
        const std::string path = "/replaces/" + std::to_string(i);
        if (!r)
            out.push_back({file, path, "no " + base + " rule \"" + local.replaces[i] + "\" to replace"});
        else if (r->statutory)
            out.push_back(
                {file, path, "\"" + r->id + "\" is statutory and cannot be replaced; record a conflict instead"});
    }
    for (std::size_t i = 0; i < local.conflicts.size(); ++i)
        if (!baseline.find_rule(local.conflicts[i].statutory_rule))
            out.push_back(
                {file, "/conflicts/" + std::to_string(i) + "/statutory_rule",
                 "expected the id of a " + base + " rule; found \"" + local.conflicts[i].statutory_rule + "\""});
    for (std::size_t i = 0; i < local.rules.size(); ++i)
        if (baseline.find_rule(local.rules[i].id))
            out.push_back({file, "/rules/" + std::to_string(i) + "/id",
                           "\"" + local.rules[i].id + "\" is a " + base +
                               " rule id; give the local rule its own id and list the " +
                               (on_baseline ? "baseline" : "other") + " one in replaces"});
    for (std::size_t i = 0; i < local.sources.size(); ++i)
        if (baseline.find_source(local.sources[i].id))
            out.push_back(
                {file, "/sources/" + std::to_string(i) + "/id",
                 "\"" + local.sources[i].id + "\" is a " + base + " source id; give the local source its own id"});
    for (std::size_t i = 0; i < local.forms.size(); ++i)
        if (baseline.find_form(local.forms[i].id))
            out.push_back({file, "/forms/" + std::to_string(i) + "/id",
                           "\"" + local.forms[i].id + "\" is a " + base + " form id; give the local form its own id"});
    for (std::size_t i = 0; i < local.steps.size(); ++i)
        if (baseline.find_step(local.steps[i].id))
            out.push_back({file, "/steps/" + std::to_string(i) + "/id",
                           "\"" + local.steps[i].id + "\" is a " + base + " step id; give the local step its own id"});
    Pack merged = local;
    merged.sources.insert(merged.sources.end(), baseline.sources.begin(), baseline.sources.end());
    merged.forms.insert(merged.forms.end(), baseline.forms.begin(), baseline.forms.end());
    merged.steps.insert(merged.steps.end(), baseline.steps.begin(), baseline.steps.end());
    if (merged.passport.empty()) merged.passport = baseline.passport;
    if (merged.case_kinds.empty()) merged.case_kinds = baseline.case_kinds;
    check_documents(merged, file, out);
    check_step_words(merged, file, out);  // a gate may require a step of the protocol it adapts
    each_citation(merged, [&](const Citation& c, const std::string& path) {
        if (!merged.find_source(c.source))
            out.push_back({file, path + "/source",
                           "no source \"" + c.source + "\" in this pack's sources (" + source_ids(local.sources) +
                               ") or the " + base + "'s (" + source_ids(baseline.sources) + ")"});
    });
    if (out.size() != before) return std::nullopt;

    merged.rules.clear();
    for (const Rule& r : baseline.rules)
        if (std::find(local.replaces.begin(), local.replaces.end(), r.id) == local.replaces.end())
            merged.rules.push_back(r);
    merged.rules.insert(merged.rules.end(), local.rules.begin(), local.rules.end());
    if (merged.calendar.empty() && merged.calendar_terms.is_null()) {
        merged.calendar = baseline.calendar;
        merged.calendar_terms = baseline.calendar_terms;
    }
    merged.readings = baseline.readings;
    merged.readings.insert(merged.readings.end(), local.readings.begin(), local.readings.end());
    merged.conflicts = baseline.conflicts;
    merged.conflicts.insert(merged.conflicts.end(), local.conflicts.begin(), local.conflicts.end());
    for (const auto& role : baseline.roles)
        if (std::none_of(merged.roles.begin(), merged.roles.end(),
                         [&](const auto& x) { return x.first == role.first; }))
            merged.roles.push_back(role);
    for (const std::string& d : baseline.documents)
        if (std::find(merged.documents.begin(), merged.documents.end(), d) == merged.documents.end())
            merged.documents.push_back(d);
    each_citation(merged, [&](Citation& c, const std::string&) { c.text = citation_text(merged, c); });
    return merged;
}

std::vector<std::string> embedded_pack_ids() {
    std::vector<std::string> ids;
    const std::string        prefix = "assets/protocols/";
    for (const EmbeddedFile* f = cp_engine_assets_all(); f && f->path; ++f) {
        const std::string path = f->path;
        if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + 5 && path.substr(path.size() - 5) == ".json")
            ids.push_back(path.substr(prefix.size(), path.size() - prefix.size() - 5));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<Pack> embedded_pack(std::string_view id, Problems& out) {
    const std::string   path = "assets/protocols/" + std::string(id) + ".json";
    const EmbeddedFile* f = cp_engine_assets_find(path.c_str());
    if (!f) {
        out.push_back({std::string(id) + ".json", "", "no protocol pack \"" + std::string(id) + "\" is built in"});
        return std::nullopt;
    }
    return parse_pack(f->text(), std::string(id) + ".json", out);
}

std::optional<Pack> load_resolved_pack(std::string_view id, Problems& out) {
    auto local = embedded_pack(id, out);
    if (!local) return std::nullopt;
    if (local->extends.empty()) return local;
    auto base = embedded_pack(local->extends, out);
    if (!base) return std::nullopt;
    return resolve_pack(*local, *base, out);
}

}  // namespace cp
