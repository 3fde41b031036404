// screening.h: the questions asked before a case is opened (EHCP, child looked after, previous
// referrals, interventions tried, the parents' view and consent) and the pack's gates they raise.
//
//   ScreeningAnswers a; a.ehcp = true;
//   for (const ScreeningGate& g : screen_case(pack, CaseKind::managed_move, a, today)) …
//
// Pure: the gates come from the resolved pack's rules (gate, referral_limit, statute), never from
// the caller. A gate is listed when the answers make it apply; `met` says whether the answers
// already satisfy it, `bars` that the protocol never allows its action for such a pupil.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/pack.h"

namespace cp {

struct ScreeningAnswers {
    std::optional<bool> ehcp;                    // has an Education, Health and Care Plan
    std::optional<bool> cla;                     // child looked after
    int                 previous_referrals = 0;  // earlier managed-move referrals of this pupil
    std::optional<bool> interventions_tried;     // evidence of interventions tried at the home school
    std::optional<bool> restorative_practice;    // restorative practice among them
    std::optional<bool> parent_views;            // the parents' views are known
    std::optional<bool> parent_consent;          // the parents agree
    std::optional<bool> consent_in_writing;      // … in writing
};

enum class ScreeningTopic { ehcp, cla, previous_referrals, interventions, parents, statute };
const char* screening_topic_name(ScreeningTopic t);  // "ehcp", "cla", "previous_referrals" …

struct ScreeningGate {
    std::string    rule_id;
    ScreeningTopic topic = ScreeningTopic::parents;
    Severity       severity = Severity::blocks;
    std::string    action;        // the action it holds back ("propose_host")
    std::string    action_label;  // in plain English
    std::string    requirement;   // the requirement ("virtual_school", "never" …)
    bool           met = false;   // the answers already satisfy it
    bool           bars = false;  // the protocol never allows the action (requires "never")
    std::string    who;           // local name of who must act
    std::string    message;
    Citation       citation;
};

std::vector<ScreeningGate> screen_case(const Pack& resolved, CaseKind kind, const ScreeningAnswers& a, Date today);

// True when a gate bars the case outright (e.g. a protocol that excludes pupils with an EHCP); the
// statute that bars a trial managed move bars only the trial, so it does not count here.
bool screening_bars(const std::vector<ScreeningGate>& gates);

// The kind a new case under this pack starts as: the first of the pack's kinds that screening
// does not mark "Not allowed" before any answer is given (a statute in force today may bar a
// kind the protocol's document still lists first); the first kind when every one is barred.
CaseKind recommended_kind(const Pack& resolved, Date today);

}  // namespace cp
