#include "engine/vocabulary.h"

#include <vector>

#include "engine/pack.h"
#include "engine/plan.h"

namespace cp {
namespace {

std::string code(const std::string& w) { return "`" + w + "`"; }

std::string codes(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + code(w);
    return out;
}

std::vector<std::string> strings(const std::vector<const char*>& v) { return {v.begin(), v.end()}; }

// What leaving a parameter out means, in the reference's words.
std::string left_out(const ParamInfo& p) {
    if (p.required) return "refused: it is required";
    if (p.fallback.is_null()) return "its check is not made";
    if (p.fallback.is_boolean()) return p.fallback.get<bool>() ? "true" : "false";
    if (p.fallback.is_string()) return code(p.fallback.get<std::string>());
    return p.fallback.dump();
}

std::string type_words(const ParamInfo& p) {
    const std::string words = p.values.size() > 6 ? "the words listed below" : codes(p.values);
    if (p.type == "one of, or a step") return "one of " + words + ", or a step of the pack";
    if (p.type == "one of") return "one of " + words;
    if (p.type == "one of" || p.type == "list of") return p.type + " " + codes(p.values);
    return p.type;
}

void kinds(std::string& out) {
    out += "#### Rule kinds and their parameters\n\n| kind | parameter | takes | when left out |\n|---|---|---|---|\n";
    for (int k = 0; k <= static_cast<int>(RuleKind::info); ++k) {
        const auto kind = static_cast<RuleKind>(k);
        for (const ParamInfo& p : rule_params(kind))
            out += "| " + code(rule_kind_name(kind)) + " | " + code(p.name) + " | " + type_words(p) + " | " +
                   left_out(p) + " |\n";
    }
    out += "\n";
}

void labelled(std::string& out, const char* heading, const char* what, const std::vector<const char*>& words,
              std::string (*label)(const std::string&)) {
    out += std::string("#### ") + heading + "\n\n| word | " + what + " |\n|---|---|\n";
    for (const char* w : words) out += "| " + code(w) + " | " + label(w) + " |\n";
    out += "\n";
}

void listed(std::string& out, const char* heading, const std::vector<const char*>& words) {
    out += std::string("#### ") + heading + "\n\n" + codes(strings(words)) + ".\n\n";
}

}  // namespace

std::string vocabulary_reference() {
    std::string out;
    kinds(out);
    labelled(out, "Actions (a gate's `action`)", "what a person reads", known_actions(), plan_action_label);
    out +=
        "#### Requirements (a gate's `requires`)\n\nBesides these, the id of one of the pack's own steps, met once "
        "the step is recorded.\n\n| requirement | satisfied by |\n|---|---|\n";
    for (const auto& [word, by] : requirement_table()) out += "| " + code(word) + " | " + by + " |\n";
    out += "\n";
    listed(out, "Conditions (a rule's `when`)", known_conditions());
    listed(out, "Anchors (a deadline's `from`)", known_anchors());
    labelled(out, "Milestones (a deadline's `to`)", "what the deadline is called", known_milestones(),
             plan_milestone_label);
    listed(out, "Stages (an info rule's `stages`)", known_stages());
    listed(out, "Roles (a rule's `who`, the pack's `roles`)", known_roles());
    listed(out,
           "Facts a form field prints (`value`, besides `person.<role>` and `step.<id>`; in braces in a form's text)",
           known_form_values());
    listed(out, "Yes/no facts (a field's or a paragraph's `when`, a section's `retitle_when`)", known_form_flags());
    listed(out, "Rows (a section's `rows`)", known_form_rows());
    listed(out, "Recorded choices a field's `words` print", known_form_choices());
    listed(out, "What a step asks (a step's `asks`)", known_step_fields());
    return out;
}

}  // namespace cp
