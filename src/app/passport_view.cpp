// The Pupil passport tab: every section of the Worcestershire passport form (1a–1e, 2) with what
// is filled in and what is missing, taken from the engine's document; each section is edited by
// recording the engine's own events (a passport section, needs and circumstances, a history
// entry, a person, or a correction of the opening entry).
#include <imgui.h>

#include "app/dialog.h"
#include "app/form.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"

namespace cp::app {
namespace {

// The keys the passport form reads in each section (documents.cpp, worcs_passport).
const std::vector<std::pair<const char*, std::vector<const char*>>> kSectionKeys = {
    {"1a", {"moving_address", "moving_date"}},
    {"1b",
     {"care_authority", "pep", "pupil_premium_type", "parental_responsibility_issues", "english_level",
      "attendance_issues", "on_roll", "ehcna_rationale", "disability_details", "ihcp", "send_support_details", "iep",
      "psp"}},
    {"1c", {"english", "maths", "science", "ks4_options"}},
    {"1d", {"admission_date", "ehe"}},
    {"1e", {"formulation"}},
};

struct Way {
    std::string           label;
    EventType             type;
    Json                  preset;
    std::string           supersedes;
    std::set<std::string> hidden;
};

struct Editor {
    bool                     open = false;
    std::string              section;
    std::vector<Way>         ways;
    int                      chosen = 0;
    EventForm                form;
    std::vector<std::string> problems;
};

Editor& editor() { return screen_state<Editor>(); }

std::string section_code(const std::string& heading) {
    if (heading.rfind("Section ", 0) != 0) return "";
    return heading.substr(8, heading.find(':') - 8);
}

// "key: value" lines of a section as it stands, for the section's form.
std::string section_lines(const CaseState& s, const char* code) {
    std::string out;
    const auto  it = s.passport.find(code);
    for (const auto& [c, keys] : kSectionKeys) {
        if (std::string(c) != code) continue;
        for (const char* k : keys) {
            std::string v;
            if (it != s.passport.end() && it->second.contains(k) && it->second[k].is_string())
                v = it->second[k].get<std::string>();
            out += std::string(k) + ": " + v + "\n";
        }
    }
    return out;
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

std::vector<Way> ways_for(const std::string& case_id, const CaseState& s, const std::string& code) {
    std::vector<Way> w;
    if (!section_lines(s, code.c_str()).empty())
        w.push_back({"Section " + code + " details",
                     EventType::pupil_details,
                     {{"section", code}, {"fields", section_lines(s, code.c_str())}},
                     "",
                     {"section"}});
    if (code == "1a")
        if (const Event* e = opening_event(case_id))
            w.insert(w.begin(), {"Correct the pupil's details (name, UPN, date of birth …)",
                                 EventType::case_opened,
                                 e->payload,
                                 e->id,
                                 {"pack", "kind", "home_urn"}});
    if (code == "1b") {
        w.push_back(
            {"Needs and circumstances (EHCP, CLA, CP, CIN …)", EventType::flags_recorded, flags_json(s.flags), "", {}});
        w.push_back({"A history entry (intervention, exclusion, suspension, agency)",
                     EventType::history_recorded,
                     Json::object(),
                     "",
                     {}});
    }
    if (code == "1d")
        w.push_back({"A school attended or a previous direction",
                     EventType::history_recorded,
                     {{"what", "school_attended"}},
                     "",
                     {}});
    if (code == "1a" || code == "2")
        w.push_back({"A person (parent, home school lead …)",
                     EventType::party_recorded,
                     {{"role", code == "2" ? "home_lead" : "parent"}},
                     "",
                     {}});
    return w;
}

void choose(Editor& e, int i) {
    e.chosen = i;
    const Way& w = e.ways[i];
    e.form = EventForm(w.type, session().today(), w.preset, w.hidden);  // a section's fields are "name: value" lines
    e.problems.clear();
}

void open_editor(const std::string& case_id, const CaseState& s, const std::string& code) {
    Editor& e = editor();
    e = {};
    e.section = code;
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
    const bool open = ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::ProgressBar(done, ImVec2(220, 0), (std::to_string(int(done * 100 + 0.5f)) + "%").c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(session().read_only());
    if (ImGui::SmallButton(("Edit section " + sec.code).c_str())) open_editor(case_id, s, sec.code);
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
        make_document("worcs_passport", {s, *pack, session().calendar(), session().today(), &session().ws()});
    if (!doc) return out;
    for (const DocSection& sec : doc->sections) {
        const std::string code = section_code(sec.heading);
        if (!code.empty()) out.push_back({code, sec.heading, 0, 0, {}});
        if (out.empty()) continue;
        for (DocField f : sec.fields) {
            if (f.signature) continue;
            if (code.empty()) f.label = sec.heading + ": " + f.label;
            out.back().total += 1;
            out.back().filled += !f.missing;
            out.back().fields.push_back(std::move(f));
        }
    }
    return out;
}

void passport_tab(const std::string& case_id, const CaseState& s) {
    if (is_draft_name(s.pupil_name)) {
        status_text("Draft:", 1);
        ImGui::SameLine();
        words_wrapped(
            "the pupil's name is still to be entered. Use \"Edit section 1a\" and correct the pupil's details.");
    }
    words_wrapped(
        "The pupil passport as on the Worcestershire form (Form Templates, 2). Missing items are listed in each "
        "section.");
    begin_pane("##passport");
    for (const PassportSection& sec : passport_sections(s)) section_header(case_id, s, sec);
    ImGui::EndChild();
}

void passport_dialog(const std::string& case_id) {
    Editor& e = editor();
    if (!e.open) return;
    if (!begin_dialog("Edit the pupil passport", 600)) return;
    heading(("Section " + e.section).c_str());
    ImGui::SetNextItemWidth(460);
    if (begin_combo("##passportway", e.ways[e.chosen].label.c_str())) {
        for (int i = 0; i < static_cast<int>(e.ways.size()); ++i)
            if (ImGui::Selectable(e.ways[i].label.c_str(), i == e.chosen)) choose(e, i);
        ImGui::EndCombo();
    }
    e.form.draw();
    dialog_footer();
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& p : e.problems) status_message(p, 2);
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Save")) {
        e.problems.clear();
        Json payload;
        if (e.form.build(payload, e.problems)) {
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
    if (dialog_cancel(ImGui::Button("Cancel") || dialog_escape(), e.form.changed(),
                      "Discard these changes to the passport? What you typed will be lost.")) {
        e.open = false;
        ImGui::CloseCurrentPopup();
    }
    end_dialog();
}

}  // namespace cp::app
