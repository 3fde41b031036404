// The new-case wizard: protocol and kind; then the screening questions (EHCP, child looked after,
// previous referrals, interventions tried, the parents' view and consent) with the gates the
// engine finds in the pack for those answers, each with its citation; then the pupil's details.
// "Save draft" at any step opens the case with what is known, so nothing typed is lost.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <set>

#include "app/dialog.h"
#include "app/form.h"
#include "app/ui.h"
#include "app/words.h"
#include "engine/screening.h"

namespace cp::app {
namespace {

constexpr const char* kDraftName = "Draft: pupil's name to follow";
constexpr const char* kTitle = "New case";
constexpr const char* kDiscard = "Discard this new case? What you typed will be lost.";

struct Wizard {
    int                      step = 0;  // 0 protocol and kind, 1 screening, 2 pupil
    std::string              pack;
    CaseKind                 kind = CaseKind::off_site_direction;
    bool                     ehcp = false, cla = false, interventions = false, restorative = false;
    bool                     views = false, consent = false, written = false;
    int                      previous = 0;
    bool                     chose = false;  // a protocol or kind was picked
    std::string              intervention_text, view_text;
    EventForm                pupil;
    std::vector<std::string> problems;
};

Wizard& wiz() { return screen_state<Wizard>(); }

std::vector<const Pack*> local_packs() {
    std::vector<const Pack*> out;
    for (const auto& [id, p] : session().packs().packs)
        if (id != kBaselinePackId) out.push_back(&p);
    return out;
}

std::vector<CaseKind> kinds_of(const Pack* p) {
    if (p && !p->case_kinds.empty()) return p->case_kinds;
    return {CaseKind::off_site_direction, CaseKind::managed_move, CaseKind::osd_to_managed_move,
            CaseKind::reintegration};
}

ScreeningAnswers answers(const Wizard& w) {
    ScreeningAnswers a;
    a.ehcp = w.ehcp;
    a.cla = w.cla;
    a.previous_referrals = w.previous;
    a.interventions_tried = w.interventions;
    a.restorative_practice = w.restorative;
    a.parent_views = w.views;
    if (w.consent) a.parent_consent = true;
    a.consent_in_writing = w.written;
    return a;
}

std::vector<ScreeningGate> gates(const Wizard& w) {
    const Pack* p = session().packs().find(w.pack);
    return p ? screen_case(*p, w.kind, answers(w), session().today()) : std::vector<ScreeningGate>{};
}

// The kind the pack's own rules recommend (the first that screening does not bar today).
CaseKind default_kind(const Pack* p) { return p ? recommended_kind(*p, session().today()) : kinds_of(p).front(); }

void reset(Wizard& w) {
    w = Wizard{};
    w.pack = session().ws().own.la;
    if (!session().packs().find(w.pack) && !local_packs().empty()) w.pack = local_packs().front()->id;
    w.kind = default_kind(session().packs().find(w.pack));
}

// Anything typed, ticked or chosen: closing then asks before throwing it away.
bool touched(const Wizard& w) {
    return w.chose || w.ehcp || w.cla || w.interventions || w.restorative || w.views || w.consent || w.written ||
           w.previous != 0 || !w.intervention_text.empty() || !w.view_text.empty() || w.pupil.changed();
}

void step_protocol(Wizard& w) {
    words_wrapped("The protocol and the kind of case decide which rules apply.");
    words("Protocol (local authority)");
    const Pack* current = session().packs().find(w.pack);
    item_width(420);
    if (begin_combo("##protocol", current ? current->local_authority.c_str() : "(choose)")) {
        for (const Pack* p : local_packs())
            if (ImGui::Selectable(p->local_authority.c_str(), p->id == w.pack)) {
                w.pack = p->id;
                w.kind = default_kind(p);
                w.chose = true;
            }
        ImGui::EndCombo();
    }
    if (current) words_disabled("%s", current->name.c_str());
    words("Kind of case");
    item_width(420);
    if (begin_combo("##kind", case_kind_label(w.kind))) {
        for (CaseKind k : kinds_of(current))
            if (ImGui::Selectable(case_kind_label(k), k == w.kind)) {
                w.kind = k;
                w.chose = true;
            }
        ImGui::EndCombo();
    }
    jargon_tooltip(case_kind_label(w.kind));
}

const char* gate_word(const ScreeningGate& g, int& sev) {
    if (g.bars) {
        sev = 2;
        return g.topic == ScreeningTopic::statute ? "Not allowed" : "Not under this protocol";
    }
    if (g.met) {
        sev = 0;
        return "Met";
    }
    sev = g.severity == Severity::blocks ? 2 : 1;
    return g.severity == Severity::blocks ? "Needed" : "Advised";
}

void gate_lines(const std::vector<ScreeningGate>& all, ScreeningTopic topic) {
    ImGui::Indent();
    for (const ScreeningGate& g : all) {
        if (g.topic != topic) continue;
        int sev = 0;
        status_text(gate_word(g, sev), sev);
        ImGui::SameLine();
        words_wrapped("%s", g.message.c_str());
        citation_tooltip(g.message, g.citation.text);
        words_disabled_wrapped("Before: %s  ·  %s", g.action_label.c_str(), g.citation.text.c_str());
    }
    ImGui::Unindent();
}

void step_screening(Wizard& w) {
    const auto all = gates(w);
    words_wrapped("Answer these first: they decide whether this protocol can be used and whose agreement is needed.");
    gate_lines(all, ScreeningTopic::statute);
    checkbox("The pupil has an EHCP", &w.ehcp);
    jargon_tooltip("EHCP");
    gate_lines(all, ScreeningTopic::ehcp);
    checkbox("The pupil is a child looked after (CLA)", &w.cla);
    jargon_tooltip("CLA");
    gate_lines(all, ScreeningTopic::cla);
    words("Earlier managed-move referrals of this pupil");
    item_width(120);
    if (ImGui::InputInt("##previous_referrals", &w.previous) && w.previous < 0) w.previous = 0;
    gate_lines(all, ScreeningTopic::previous_referrals);
    checkbox("Interventions have been tried and the evidence is held", &w.interventions);
    if (w.interventions) {
        item_width(420);
        input_with_hint("##interventions", "Which interventions (e.g. PSP, mentoring)", &w.intervention_text);
        checkbox("Restorative practice was among them", &w.restorative);
    }
    gate_lines(all, ScreeningTopic::interventions);
    checkbox("The parents' views are known", &w.views);
    if (w.views) {
        item_width(420);
        input_with_hint("##parent_view", "The parents' views, in their words", &w.view_text);
    }
    checkbox("The parents agree to the move", &w.consent);
    if (w.consent) checkbox("Their agreement is in writing", &w.written);
    gate_lines(all, ScreeningTopic::parents);
    if (screening_bars(all)) {
        status_message("This protocol does not allow this case as answered.", 2);
        words_wrapped("You can still save a draft to keep the record, and follow the route the protocol names.");
    }
}

void step_pupil(Wizard& w) {
    words_wrapped(
        "The pupil's details. Fields marked * are required; the rest can be added later in the Pupil passport.");
    w.pupil.draw();
}

void record(const std::string& id, EventType t, Json payload) {
    session().record(id, {session().author(), t, std::move(payload), ""});
}

// The screening answers become the case's first entries, so the plan applies the same gates.
void record_screening(const std::string& id, const Wizard& w) {
    const std::string today = to_iso(session().today());
    if (w.ehcp || w.cla)
        record(id, EventType::flags_recorded, {{"ehcp", w.ehcp}, {"cla", w.cla}});  // unset flags read as "no"
    for (int i = 0; i < w.previous; ++i)
        record(id, EventType::history_recorded,
               {{"what", "previous_managed_move"}, {"detail", "Earlier managed-move referral (screening)"}});
    if (w.interventions)
        record(id, EventType::history_recorded,
               {{"what", "intervention"},
                {"detail", w.intervention_text.empty() ? "Interventions tried (evidence held)" : w.intervention_text}});
    if (w.restorative)
        record(id, EventType::history_recorded,
               {{"what", "restorative_practice"}, {"detail", "Restorative practice (screening)"}});
    if (w.views && !w.view_text.empty())
        record(id, EventType::views_recorded,
               {{"who", "parent"}, {"date", today}, {"text", w.view_text}, {"in_writing", w.written}});
    if (w.consent)
        record(id, EventType::consent_recorded,
               {{"who", "parent"}, {"given", true}, {"date", today}, {"in_writing", w.written}});
}

bool save(Wizard& w, bool draft) {
    w.problems.clear();
    if (w.views && w.view_text.empty()) {
        w.problems.push_back("The parents' views: write them down, or untick the box.");
        return false;
    }
    if (draft && w.pupil.value("pupil_name").empty()) w.pupil.set_value("pupil_name", kDraftName);
    // The protocol and kind as chosen now: Back to the first step may have changed them.
    w.pupil.set_value("pack", w.pack);
    w.pupil.set_value("kind", case_kind_name(w.kind));
    Json payload;
    if (!w.pupil.build(payload, w.problems)) return false;
    Problems    engine_problems;
    std::string id;
    if (!session().open_case({session().author(), EventType::case_opened, payload, ""}, id, engine_problems)) {
        for (const Problem& p : engine_problems) w.problems.push_back(p.message);
        return false;
    }
    record_screening(id, w);
    ui().view = View::case_view;
    ui().case_id = id;
    return true;
}

void make_pupil_form(Wizard& w) {
    // A school's cases are its own pupils; a local authority officer says which school is the home one.
    const bool            school = session().ws().own.role != "la_officer";
    Json                  preset = {{"pack", w.pack}, {"kind", case_kind_name(w.kind)}};
    std::set<std::string> hidden = {"pack", "kind"};
    if (school) {
        preset["home_urn"] = session().ws().own.urn;
        hidden.insert("home_urn");
    }
    const std::string name = w.pupil.value("pupil_name");
    w.pupil = EventForm(EventType::case_opened, session().today(), preset, hidden);
    if (!name.empty()) w.pupil.set_value("pupil_name", name);
}

// Back / Next / Save draft / Create case / Cancel. True when the dialog should close.
bool buttons(Wizard& w) {
    bool done = false;
    bool first = true;
    // In one row where they fit, on more rows on a phone or at a large zoom.
    const auto button = [&first](const char* label) {
        if (!first) same_line_if_fits(button_width(label));
        first = false;
        return ImGui::Button(label);
    };
    if (w.step > 0 && button("Back")) --w.step;
    if (w.step < 2 && button("Next")) {
        if (++w.step == 2 && w.pupil.type() != EventType::case_opened) make_pupil_form(w);
    }
    if (w.step == 2 && button("Create case")) done = save(w, false);
    if (button("Save draft")) {
        if (w.pupil.type() != EventType::case_opened) make_pupil_form(w);
        done = save(w, true);
    }
    // Escape closes only what is innermost (a list, a calendar), and typed work is never lost unasked.
    return dialog_cancel(button("Cancel") || dialog_escape(), touched(w), kDiscard) || done;
}

void body(Wizard& w) {
    const char* steps[] = {"1. Protocol and kind", "2. Screening", "3. Pupil"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        if (i == w.step)
            status_text(steps[i], 3);
        else
            words_disabled("%s", steps[i]);
    }
    ImGui::Separator();
    if (w.step == 0)
        step_protocol(w);
    else if (w.step == 1)
        step_screening(w);
    else
        step_pupil(w);
}

}  // namespace

void new_case_dialog() {
    Wizard& w = wiz();
    if (!ui().show_new_case) return;
    if (!ImGui::IsPopupOpen(kTitle)) reset(w);
    if (!begin_dialog(kTitle, 640)) return;
    body(w);
    dialog_footer();
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& p : w.problems) status_message(p, 2);
    ImGui::PopTextWrapPos();
    if (buttons(w)) {
        ui().show_new_case = false;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

bool is_draft_name(const std::string& pupil_name) { return pupil_name == kDraftName; }

Json wizard_test_state() {
    const Wizard& w = wiz();
    Json          gs = Json::array();
    if (ui().show_new_case)
        for (const ScreeningGate& g : gates(w))
            gs.push_back({{"rule", g.rule_id},
                          {"topic", screening_topic_name(g.topic)},
                          {"met", g.met},
                          {"bars", g.bars},
                          {"severity", severity_name(g.severity)},
                          {"paragraph", g.citation.paragraph}});
    return {{"open", ui().show_new_case}, {"step", w.step}, {"pack", w.pack}, {"kind", case_kind_name(w.kind)},
            {"pupil", w.pupil.values()},  {"gates", gs}};
}

}  // namespace cp::app
