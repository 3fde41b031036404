#include "engine/screening.h"

#include <algorithm>

#include "engine/plan.h"

namespace cp {
namespace {

bool applies_to(const Rule& r, CaseKind kind) {
    return r.applies_to.empty() || std::find(r.applies_to.begin(), r.applies_to.end(), kind) != r.applies_to.end();
}

bool yes(const std::optional<bool>& b) { return b.value_or(false); }

// The topic a gate belongs to, or nothing when screening cannot speak to it.
std::optional<ScreeningTopic> gate_topic(const Rule& r, const ScreeningAnswers& a) {
    const std::string req = param_word(r, "requires");
    if (r.when == "ehcp") return yes(a.ehcp) ? std::optional(ScreeningTopic::ehcp) : std::nullopt;
    if (r.when == "cla") return yes(a.cla) ? std::optional(ScreeningTopic::cla) : std::nullopt;
    if (r.when != "always" && !r.when.empty()) return std::nullopt;
    if (req == "parent_consent" || req == "parent_consent_written" || req == "parent_views")
        return ScreeningTopic::parents;
    if (req == "restorative_practice") return ScreeningTopic::interventions;
    return std::nullopt;
}

bool gate_met(const std::string& req, const ScreeningAnswers& a) {
    if (req == "parent_consent") return yes(a.parent_consent);
    if (req == "parent_consent_written") return yes(a.parent_consent) && yes(a.consent_in_writing);
    if (req == "parent_views") return yes(a.parent_views) || a.parent_consent.has_value();
    if (req == "restorative_practice") return yes(a.restorative_practice);
    return false;  // agreements (Virtual School, SEND team …) are obtained after screening
}

ScreeningGate from_rule(const Rule& r, const Pack& pack, ScreeningTopic topic) {
    ScreeningGate g;
    g.rule_id = r.id;
    g.topic = topic;
    g.severity = r.severity;
    g.who = pack.role_name(r.who.empty() ? "home_school" : r.who);
    g.message = r.message;
    g.citation = r.citation;
    return g;
}

}  // namespace

const char* screening_topic_name(ScreeningTopic t) {
    switch (t) {
        case ScreeningTopic::ehcp: return "ehcp";
        case ScreeningTopic::cla: return "cla";
        case ScreeningTopic::previous_referrals: return "previous_referrals";
        case ScreeningTopic::interventions: return "interventions";
        case ScreeningTopic::parents: return "parents";
        case ScreeningTopic::statute: return "statute";
    }
    return "";
}

std::vector<ScreeningGate> screen_case(const Pack& pack, CaseKind kind, const ScreeningAnswers& a, Date today) {
    std::vector<ScreeningGate> out;
    for (const Rule& r : pack.rules) {
        if (!applies_to(r, kind) || (r.in_force_from && today < *r.in_force_from)) continue;
        if (r.kind == RuleKind::gate) {
            const auto topic = gate_topic(r, a);
            if (!topic) continue;
            ScreeningGate g = from_rule(r, pack, *topic);
            g.action = param_word(r, "action");
            g.action_label = plan_action_label(g.action);
            g.requirement = param_word(r, "requires");
            g.bars = g.requirement == "never";
            g.met = gate_met(g.requirement, a);
            out.push_back(std::move(g));
        } else if (r.kind == RuleKind::referral_limit && r.when == "always") {
            ScreeningGate g = from_rule(r, pack, ScreeningTopic::previous_referrals);
            g.action = "propose_host";
            g.action_label = plan_action_label(g.action);
            g.requirement = "panel_repeat_referral";
            g.met = a.previous_referrals < param_int(r, "max");
            out.push_back(std::move(g));
        } else if (r.kind == RuleKind::statute && kind == CaseKind::managed_move) {
            ScreeningGate g = from_rule(r, pack, ScreeningTopic::statute);
            g.action = "start_placement";
            g.action_label = plan_action_label(g.action);
            g.requirement = "never";
            g.bars = true;
            g.message = r.message + " " + param_word(r, "lawful_path");
            out.push_back(std::move(g));
        }
    }
    return out;
}

bool screening_bars(const std::vector<ScreeningGate>& gates) {
    return std::any_of(gates.begin(), gates.end(), [](const ScreeningGate& g) {
        return g.bars && g.topic != ScreeningTopic::statute && g.severity == Severity::blocks;
    });
}

CaseKind recommended_kind(const Pack& pack, Date today) {
    if (pack.case_kinds.empty()) return CaseKind::off_site_direction;
    for (CaseKind k : pack.case_kinds) {
        const auto gates = screen_case(pack, k, ScreeningAnswers{}, today);
        if (std::none_of(gates.begin(), gates.end(), [](const ScreeningGate& g) { return g.bars; })) return k;
    }
    return pack.case_kinds.front();
}

}  // namespace cp
