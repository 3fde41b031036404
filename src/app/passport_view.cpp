// The Pupil passport tab: every part of the case's passport form (the pack's `passport`, a form written
// as data) with what is filled in and what is missing, taken from the engine's document; each part is
// edited by recording the engine's own events (the school's answers, needs and circumstances, a
// history entry, a person, or a correction of the opening entry).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "app/dialog.h"
#include "app/form.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"

namespace cp::app {
namespace {

// The case's passport form (the pack's `passport`).
const FormTemplate* passport_form(const CaseState& s) {
    const Pack* pack = session().packs().find(s.pack);
    return pack ? pack->find_form(pack->passport) : nullptr;
}

struct Way {
    std::string           label;
    EventType             type;
    Json                  preset;
    std::string           supersedes;
    std::set<std::string> hidden;
    bool                  answers = false;  // the part's own questions (Editor::answers), not an event form
};

// The school's answers in one passport part, a field per question as the form words it.
struct Answers {
    std::vector<std::pair<std::string, std::string>> questions;  // answer name, label
    std::map<std::string, std::string>               typed, initial;
};

struct Editor {
    bool                     open = false;
    std::string              section;
    std::vector<Way>         ways;
    int                      chosen = 0;
    EventForm                form;
    Answers                  answers;  // the part's questions, when one of the ways is answering them
    std::vector<std::string> problems;
};

Editor& editor() { return screen_state<Editor>(); }

// The questions the form prints for this pupil: "Key Stage 4 options" is not asked below year 9, unless
// it was answered before (the answer can then still be read and cleared).
Answers answers_of(const CaseState& s, const std::string& code) {
    Answers             a;
    const Pack*         pack = session().packs().find(s.pack);
    const FormTemplate* form = passport_form(s);
    if (!form) return a;
    const DocumentInput in{s, *pack, session().calendar(), session().today(), &session().ws()};
    const auto          it = s.passport.find(code);
    for (const FormField* f : form->questions(code)) {
        std::string typed;
        if (it != s.passport.end() && it->second.contains(f->answer) && it->second[f->answer].is_string())
            typed = it->second[f->answer].get<std::string>();
        if (typed.empty() && !form_condition_holds(f->when, in)) continue;
        a.questions.emplace_back(f->answer, f->label);
        a.typed[f->answer] = typed;
    }
    a.initial = a.typed;
    return a;
}

// What a person calls a passport part ("Section 1c", "The student"): the engine's words, never its code.
std::string part_name(const CaseState* s, const std::string& code) {
    return passport_part_label(s ? session().packs().find(s->pack) : nullptr, code);
}

std::string edit_label(const CaseState& s, const std::string& code) {
    const std::string name = part_name(&s, code);
    return name.rfind("Section ", 0) == 0 ? "Edit s" + name.substr(1) : "Edit: " + name;
}

bool answering(const Editor& e) { return e.ways[static_cast<std::size_t>(e.chosen)].answers; }

void draw_answers(Answers& a) {
    for (const auto& [name, label] : a.questions) {
        words(label);
        text_area(("##" + name).c_str(), &a.typed[name], {460, ImGui::GetTextLineHeight() * 2.5f});
    }
}

// Only what was changed is recorded: an answer emptied is recorded as empty, so it reads as missing again.
Json answers_payload(const std::string& code, const Answers& a) {
    Json fields = Json::object();
    for (const auto& [name, value] : a.typed) {
        const auto it = a.initial.find(name);
        if (value != (it == a.initial.end() ? std::string() : it->second)) fields[name] = value;
    }
    return {{"section", code}, {"fields", fields}};
}

const Event* opening_event(const std::string& case_id) {
    const Case* c = find_case(session().ws(), case_id);
    if (!c) return nullptr;
    for (std::size_t i : live_events(*c))
        if (c->events[i].type == EventType::case_opened) return &c->events[i];
    return nullptr;
}

Json flags_json(const Flags& f) {
    return {{"ehcp", f.ehcp},
            {"ehcna", f.ehcna},
            {"cla", f.cla},
            {"cp_plan", f.cp_plan},
            {"cin_plan", f.cin_plan},
            {"eha", f.eha},
            {"pupil_premium", f.pupil_premium},
            {"fsm", f.fsm},
            {"sen_support", f.sen_support},
            {"eal", f.eal},
            {"refugee", f.refugee},
            {"safeguarding_concerns", f.safeguarding_concerns},
            {"disability", f.disability}};
}

// What a passport part prints besides the school's answers, and so what else its editor offers to
// record: the sections of the part and those of no part after it, as the tab shows them together.
struct PartUses {
    bool                     pupil = false, flags = false;
    std::vector<std::string> history;  // kinds of history entry listed
    std::string              person;   // the role of the first person named
};

PartUses uses_of(const FormTemplate& form, const std::string& code) {
    PartUses    u;
    std::string part;
    for (const FormSection& sec : form.sections) {
        if (!sec.passport.empty()) part = sec.passport;
        if (part != code) continue;
        if (sec.rows.rfind("history.", 0) == 0) u.history.push_back(sec.rows.substr(8));
        for (const FormField& f : sec.fields) {
            u.pupil |= f.value.rfind("pupil.", 0) == 0 && f.value != "pupil.year_9_or_above";
            u.flags |= f.value.rfind("flag.", 0) == 0;
            if (u.person.empty() && f.value == "parents.names_and_contacts") u.person = "parent";
            if (u.person.empty() && f.value.rfind("person.", 0) == 0) u.person = f.value.substr(7);
        }
    }
    return u;
}

std::string history_words(const std::vector<std::string>& kinds) {
    std::string out;
    for (const std::string& k : kinds) {
        const char* label = option_label(EventType::history_recorded, "what", k);
        std::string w = label ? label : k;
        if (!w.empty()) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
        out += (out.empty() ? "" : ", ") + w;
    }
    return out;
}

std::vector<Way> ways_for(const std::string& case_id, const CaseState& s, const std::string& code) {
    std::vector<Way>    w;
    const FormTemplate* form = passport_form(s);
    if (!form) return w;
    const PartUses u = uses_of(*form, code);
    if (u.pupil)
        if (const Event* e = opening_event(case_id))
            w.push_back({"Correct the pupil's details (name, UPN, date of birth …)",
                         EventType::case_opened,
                         e->payload,
                         e->id,
                         {"pack", "kind", "home_urn"}});
    if (!answers_of(s, code).questions.empty())
        w.push_back(
            {part_name(&s, code) + ": the school's answers", EventType::pupil_details, Json::object(), "", {}, true});
    if (u.flags)
        w.push_back(
            {"Needs and circumstances (EHCP, CLA, CP, CIN …)", EventType::flags_recorded, flags_json(s.flags), "", {}});
    if (!u.history.empty())
        w.push_back({"A history entry (" + history_words(u.history) + ")",
                     EventType::history_recorded,
                     u.history.size() == 1 ? Json{{"what", u.history.front()}} : Json::object(),
                     "",
                     {}});
    if (!u.person.empty())
        w.push_back({"A person (parent, home school lead …)", EventType::party_recorded, {{"role", u.person}}, "", {}});
    return w;
}

void choose(Editor& e, int i) {
    e.chosen = i;
    const Way& w = e.ways[i];
    e.form = EventForm(w.type, session().today(), w.preset, w.hidden);
    e.problems.clear();
}

void open_editor(const std::string& case_id, const CaseState& s, const std::string& code) {
    Editor& e = editor();
    e = {};
    e.section = code;
    e.answers = answers_of(s, code);
    e.ways = ways_for(case_id, s, code);
    if (e.ways.empty()) return;
    e.open = true;
    choose(e, 0);
}

void section_table(const PassportSection& sec) {
    if (!ImGui::BeginTable(("##f" + sec.code).c_str(), 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Field", 0, 1.2f);
    ImGui::TableSetupColumn("Value", 0, 2.0f);
    for (const DocField& f : sec.fields) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words_wrapped("%s", f.label.c_str());
        jargon_tooltip(f.label);
        ImGui::TableNextColumn();
        if (f.missing)
            status_text("missing", 1);
        else
            words_wrapped("%s", f.value.c_str());
    }
    ImGui::EndTable();
}

void section_header(const std::string& case_id, const CaseState& s, const PassportSection& sec) {
    ImGui::PushID(sec.code.c_str());
    const float       done = sec.total ? float(sec.filled) / sec.total : 1.0f;
    const std::string title =
        sec.heading + "  (" + std::to_string(sec.filled) + " of " + std::to_string(sec.total) + " complete)";
    const bool  open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    const float bar = std::min(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x);
    ImGui::ProgressBar(done, ImVec2(bar, 0), (std::to_string(int(done * 100 + 0.5f)) + "%").c_str());
    const std::string edit = edit_label(s, sec.code);
    same_line_if_fits(button_width(edit.c_str()));  // under the bar on a phone
    ImGui::BeginDisabled(session().read_only());
    if (ImGui::SmallButton(edit.c_str())) open_editor(case_id, s, sec.code);
    ImGui::EndDisabled();
    if (open) section_table(sec);
    ImGui::PopID();
}

}  // namespace

std::vector<PassportSection> passport_sections(const CaseState& s) {
    std::vector<PassportSection> out;
    const Pack*                  pack = session().packs().find(s.pack);
    if (!pack) return out;
    const auto doc =
        make_document(pack->passport, {s, *pack, session().calendar(), session().today(), &session().ws()});
    if (!doc) return out;
    for (const DocSection& sec : doc->sections) {
        // A part begins at its first section; later sections of it, and sections of no part, join the one before.
        const std::string& code = sec.passport;
        if (!code.empty() && (out.empty() || out.back().code != code)) out.push_back({code, sec.heading, 0, 0, {}});
        if (out.empty()) continue;
        for (DocField f : sec.fields) {
            if (f.signature) continue;
            if (sec.heading != out.back().heading) f.label = sec.heading + ": " + f.label;
            out.back().total += 1;
            out.back().filled += !f.missing;
            out.back().fields.push_back(std::move(f));
        }
    }
    return out;
}

void passport_tab(const std::string& case_id, const CaseState& s) {
    const std::vector<PassportSection> sections = passport_sections(s);
    if (is_draft_name(s.pupil_name) && !sections.empty()) {  // the correction is made from a part's editor
        status_text("Draft:", 1);
        ImGui::SameLine();
        words_wrapped("the pupil's name is still to be entered. Use \"%s\" and correct the pupil's details.",
                      edit_label(s, sections.front().code).c_str());
    }
    if (const FormTemplate* form = passport_form(s))
        words_wrapped("The pupil passport as on the %s (%s). Missing items are listed in each section.",
                      form->title.c_str(), form->citation.text.c_str());
    begin_pane("##passport");
    for (const PassportSection& sec : sections) section_header(case_id, s, sec);
    ImGui::EndChild();
}

void passport_dialog(const std::string& case_id) {
    Editor& e = editor();
    if (!e.open) return;
    if (!begin_dialog("Edit the pupil passport", 600)) return;
    const CaseState* s = session().state_of(case_id);
    heading(part_name(s, e.section).c_str());
    item_width(460);
    if (begin_combo("##passportway", e.ways[e.chosen].label.c_str())) {
        for (int i = 0; i < static_cast<int>(e.ways.size()); ++i)
            if (ImGui::Selectable(e.ways[i].label.c_str(), i == e.chosen)) choose(e, i);
        ImGui::EndCombo();
    }
    if (answering(e))
        draw_answers(e.answers);
    else
        e.form.draw();
    dialog_footer();
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& p : e.problems) status_message(p, 2);
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Save")) {
        e.problems.clear();
        Json payload;
        if (answering(e)) payload = answers_payload(e.section, e.answers);
        if (answering(e) && payload["fields"].empty()) {  // nothing changed: nothing to record
            e.open = false;
            ImGui::CloseCurrentPopup();
        } else if (answering(e) || e.form.build(payload, e.problems)) {
            const DraftVerdict v =
                session().record(case_id, {session().author(), e.form.type(), payload, e.ways[e.chosen].supersedes});
            for (const Alert& a : v.blocking) e.problems.push_back(a.message);
            if (v.allowed) {
                e.open = false;
                ImGui::CloseCurrentPopup();
            }
        }
    }
    ImGui::SameLine();
    const bool changed = answering(e) ? e.answers.typed != e.answers.initial : e.form.changed();
    if (dialog_cancel(ImGui::Button("Cancel") || dialog_escape(), changed,
                      "Discard these changes to the passport? What you typed will be lost.")) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

}  // namespace cp::app
