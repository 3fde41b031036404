// One case: its plan (stage, alerts, checklist, deadlines, the actions allowed now), people and
// history. Actions open a form for exactly the event that performs them; the engine checks it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <set>

#include "app/attendance_view.h"
#include "app/dialog.h"
#include "app/documents_view.h"
#include "app/fonts.h"
#include "app/form.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"
#include "engine/documents.h"

namespace cp::app {
namespace {

// An event type (with a preset payload, e.g. an outcome) that performs an action.
struct Way {
    EventType   type;
    Json        preset;
    std::string label;
};

// Every way of performing `action`, found by asking the engine which action each event is; a step of
// the case's protocol is a way of its own, under its own name.
std::vector<Way> ways_of(const std::string& action, const Pack& pack) {
    std::vector<Way> out;
    for (const EventSpec& spec : event_specs()) {
        if (spec.type == EventType::case_opened || spec.type == EventType::retraction) continue;
        if (spec.type == EventType::step_recorded) {
            for (const Step& step : pack.steps)
                if (step.action == action) out.push_back({spec.type, {{"step", step.id}}, step.label});
            continue;
        }
        const FieldSpec* outcome = nullptr;
        for (const FieldSpec& f : spec.fields)
            if (std::string(f.name) == "outcome" && f.type == FieldType::one_of) outcome = &f;
        if (outcome) {
            for (const char* v : outcome->values)
                if (action_of({{}, spec.type, {{"outcome", v}}, ""}, pack) == action)
                    out.push_back({spec.type,
                                   {{"outcome", v}},
                                   std::string(spec.label) + ": " + option_label(spec.type, "outcome", v)});
        } else if (action_of({{}, spec.type, Json::object(), ""}, pack) == action) {
            out.push_back({spec.type, Json::object(), spec.label});
        }
    }
    // A plain note is the commonest entry: offer it first. An action other than a review is done by its
    // own entry (the transfer by the outcome, an early end by the ending): a review that decided it comes
    // after, so pressing "Transfer to the host's roll" records the transfer, not a review.
    if (action != "hold_review")
        std::stable_partition(out.begin(), out.end(), [](const Way& w) { return w.type != EventType::review_held; });
    std::stable_partition(out.begin(), out.end(), [](const Way& w) { return w.type == EventType::note; });
    return out;
}

struct ActionDialog {
    bool                     open = false;
    std::string              action, action_label;
    std::vector<Way>         ways;
    int                      chosen = 0;
    EventForm                form;
    std::vector<std::string> problems, warnings;
    bool                     confirm_needed = false;
    std::string              corrects;       // the entry this one corrects ("" for a new entry)
    std::string              corrects_what;  // "the entry of 12/10/2026 by Ms A. Patel"
};

ActionDialog& dialog() { return screen_state<ActionDialog>(); }

bool irreversible(const std::string& action) {
    return action == "end_placement" || action == "record_outcome" || action == "withdraw" ||
           action == "convert_to_managed_move" || action == "return_to_home_school";
}

// The case's resolved pack: its steps and what each does (nullptr when the case is not found).
const Pack* pack_of(const std::string& case_id) {
    const CaseState* s = session().state_of(case_id);
    return s ? session().packs().find(s->pack) : nullptr;
}

// A way's preset fields ("outcome: transferred") are what the way says: not asked for again; nor is what
// a step of the protocol does not ask.
std::set<std::string> hidden_fields(EventType type, const Json& preset, const Pack* pack) {
    std::set<std::string> out;
    for (auto it = preset.begin(); it != preset.end(); ++it) out.insert(it.key());
    if (type == EventType::step_recorded) {
        const Step* step = pack ? pack->find_step(payload_text(preset, "step")) : nullptr;
        if (step)
            for (const std::string& f : unasked_step_fields(*step)) out.insert(f);
    }
    return out;
}

// The latest entry of the case that counts and is of this type (and, for a step, names it), or nullptr.
const Event* live_entry(const std::string& case_id, EventType type, const std::string& step = "") {
    const Case* c = find_case(session().ws(), case_id);
    if (!c) return nullptr;
    const auto live = live_events(*c);
    for (auto i = live.rbegin(); i != live.rend(); ++i)
        if (c->events[*i].type == type && payload_text(c->events[*i].payload, "step") == step) return &c->events[*i];
    return nullptr;
}

// An entry a case has once (the placement agreement, a step its protocol says so of).
bool had_once(const Way& w, const Pack* pack) {
    if (w.type != EventType::step_recorded) return recorded_once(w.type);
    const Step* step = pack ? pack->find_step(payload_text(w.preset, "step")) : nullptr;
    return step && step->once;
}

// The form of an entry of the case: a field whose words are its protocol's own (the parts of its
// passport) offers those, by what a person calls them.
EventForm entry_form(EventType type, const Json& preset, std::set<std::string> hidden, const Pack* pack) {
    EventForm form(type, session().today(), preset, std::move(hidden));
    if (type == EventType::pupil_details && pack) {
        Choices parts;
        for (const PassportPart& p : passport_parts(*pack)) parts.emplace_back(p.code, p.label);
        form.set_choices("section", std::move(parts));
    }
    return form;
}

// A correction starts from what was recorded, so only what is changed changes.
void correct_entry(ActionDialog& d, const Event& e) {
    const Pack* pack = pack_of(ui().case_id);
    d.form = entry_form(e.type, e.payload,
                        e.type == EventType::step_recorded
                            ? hidden_fields(e.type, {{"step", payload_text(e.payload, "step")}}, pack)
                            : std::set<std::string>{},
                        pack);
    d.corrects = e.id;
    d.corrects_what = "the entry recorded " + uk_local_time(e.at) + " by " + e.author.name;
}

// What a new entry's form starts from: the way's own preset and, for the written notice, what the case
// already says (the host's address, the agreed length and times …), to check rather than retype.
Json starting_values(const std::string& case_id, const Way& w) {
    Json             values = w.preset;
    const CaseState* s = session().state_of(case_id);
    const Pack*      pack = s ? session().packs().find(s->pack) : nullptr;
    if (w.type == EventType::notice_sent && s && pack)
        values.update(suggested_notice({*s, *pack, session().calendar(), session().today(), &session().ws()}));
    return values;
}

// The form for the chosen way: an entry a case has once (the placement agreement) that is already
// recorded opens as a correction of it, filled in; anything else opens as a new entry.
void choose_way(ActionDialog& d, const std::string& case_id, int i) {
    d.chosen = i;
    d.problems.clear();
    d.corrects.clear();
    const Way&   w = d.ways[static_cast<std::size_t>(i)];
    const Event* recorded =
        had_once(w, pack_of(case_id)) ? live_entry(case_id, w.type, payload_text(w.preset, "step")) : nullptr;
    if (recorded)
        correct_entry(d, *recorded);
    else
        d.form = entry_form(w.type, starting_values(case_id, w), hidden_fields(w.type, w.preset, pack_of(case_id)),
                            pack_of(case_id));
}

void start_action(const ActionState& a) {
    ActionDialog& d = dialog();
    d = {};
    d.open = true;
    d.action = a.action;
    d.action_label = a.label;
    const Pack* pack = pack_of(ui().case_id);
    d.ways = pack ? ways_of(a.action, *pack) : std::vector<Way>{};
    for (const Alert& w : a.warnings) d.warnings.push_back(w.message);
    if (!d.ways.empty()) choose_way(d, ui().case_id, 0);
}

// History's Correct…: the entry's own form, filled in with what it says.
void start_correction(const Event& e) {
    ActionDialog& d = dialog();
    d = {};
    d.open = true;
    const Pack* pack = pack_of(ui().case_id);
    d.action = pack ? action_of({{}, e.type, e.payload, ""}, *pack) : "record_details";
    const std::string label = entry_label(e.type, e.payload, pack);
    d.action_label = "Correct: " + label;
    d.ways = {{e.type,
               e.type == EventType::step_recorded ? Json{{"step", payload_text(e.payload, "step")}} : Json::object(),
               label}};
    correct_entry(d, e);
}

bool correctable(const Event& e) { return e.type != EventType::retraction && e.type != EventType::case_opened; }

// The heading, the way and the form scroll (dialog.h); the messages and Record / Cancel stay below.
void action_dialog(const std::string& case_id) {
    ActionDialog& d = dialog();
    if (!d.open || !begin_dialog("Record what happened", 600)) return;
    heading(d.action_label.c_str());
    if (d.ways.size() > 1) {
        words("What happened");
        item_width(420);
        if (begin_combo("##way", d.ways[d.chosen].label.c_str())) {
            for (int i = 0; i < static_cast<int>(d.ways.size()); ++i)
                if (ImGui::Selectable(d.ways[i].label.c_str(), i == d.chosen)) choose_way(d, case_id, i);
            ImGui::EndCombo();
        }
    }
    if (!d.corrects.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        status_text(("This corrects " + d.corrects_what +
                     ". It is filled in with what was recorded: change what is "
                     "wrong and the rest is kept. The history keeps both.")
                        .c_str(),
                    3);
        ImGui::PopTextWrapPos();
    }
    for (const std::string& w : d.warnings) {
        status_text("Warning:", 1);
        ImGui::SameLine();
        words_wrapped("%s", w.c_str());
    }
    d.form.draw();
    dialog_footer();
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& p : d.problems) status_message(p, 2);
    ImGui::PopTextWrapPos();
    const bool confirm = irreversible(d.action) && d.corrects.empty();  // a correction closes nothing again
    if (ImGui::Button(confirm && !d.confirm_needed ? "Record…"
                      : d.corrects.empty()         ? "Record"
                                                   : "Record the correction")) {
        d.problems.clear();
        Json payload;
        if (!d.corrects.empty() && !d.form.changed()) {
            d.problems.push_back("Nothing has been changed yet: change what is wrong, or Cancel.");
        } else if (d.form.build(payload, d.problems)) {
            if (confirm && !d.confirm_needed) {
                d.confirm_needed = true;  // second press records
            } else {
                const DraftVerdict v =
                    session().record(case_id, {session().author(), d.form.type(), payload, d.corrects});
                if (v.allowed) {
                    d.open = false;
                    ImGui::CloseCurrentPopup();
                }
                for (const Alert& a : v.blocking)
                    d.problems.push_back(a.message + (a.citation.text.empty() ? "" : " (" + a.citation.text + ")"));
                d.confirm_needed = false;
            }
        }
    }
    ImGui::SameLine();
    if (dialog_cancel(ImGui::Button("Cancel") || dialog_escape(), d.form.changed() || d.chosen != 0,
                      "Discard this entry? What you typed will be lost.")) {
        d.open = false;
        ImGui::CloseCurrentPopup();
    }
    if (d.confirm_needed) status_message("This closes part of the case. Press Record again to confirm.", 1);
    end_dialog();
}

int         alert_severity(AlertLevel l) { return l == AlertLevel::blocking ? 2 : l == AlertLevel::warning ? 1 : 3; }
const char* alert_word(AlertLevel l) {
    return l == AlertLevel::blocking ? "Blocks" : l == AlertLevel::warning ? "Warning" : "Note";
}

void alerts_section(const CasePlan& p) {
    if (p.alerts.empty()) return;
    ImGui::PushFont(fonts().bold);
    words("Alerts");
    ImGui::PopFont();
    int i = 0;
    for (const Alert& a : p.alerts) {
        ImGui::PushID(i++);
        status_text(alert_word(a.level), alert_severity(a.level));
        ImGui::SameLine();
        words_wrapped("%s", a.message.c_str());
        citation_tooltip(a.message + (a.detail.empty() ? "" : "\n\n" + a.detail), a.citation.text);
        if (!a.citation.text.empty()) {
            ImGui::Indent();
            words_disabled_wrapped("%s", a.citation.text.c_str());
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

void deadlines_section(const CasePlan& p) {
    if (p.deadlines.empty()) return;
    ImGui::PushFont(fonts().bold);
    words("Deadlines");
    ImGui::PopFont();
    if (!ImGui::BeginTable("deadlines", 4,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Date", 0, 0.7f);
    ImGui::TableSetupColumn("Status", 0, 0.7f);
    ImGui::TableSetupColumn("What", 0, 2.5f);
    ImGui::TableSetupColumn("Who", 0, 1.2f);
    ImGui::TableHeadersRow();
    for (const Deadline& d : p.deadlines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words(to_uk(d.date).c_str());
        ImGui::TableNextColumn();
        const int   sev = d.status == DeadlineStatus::overdue ? 2
                          : d.status == DeadlineStatus::due   ? 1
                          : d.status == DeadlineStatus::met   ? 0
                                                              : 3;
        std::string word = deadline_status_name(d.status);
        if (d.status == DeadlineStatus::met && d.late) word += " (late)";
        status_text(word.c_str(), sev);
        ImGui::TableNextColumn();
        words_wrapped("%s", d.what.c_str());
        citation_tooltip(d.what, d.citation.text);
        ImGui::TableNextColumn();
        words_wrapped("%s", d.who.c_str());
    }
    ImGui::EndTable();
}

void actions_section(const CasePlan& p) {
    ImGui::PushFont(fonts().bold);
    words("Record what happened");
    ImGui::PopFont();
    ImGui::BeginDisabled(session().read_only());
    for (const ActionState& a : p.actions) {
        if (!a.allowed) continue;
        if (ImGui::Button(a.label.c_str())) start_action(a);
        jargon_tooltip(a.label);
    }
    ImGui::EndDisabled();
    bool any_blocked = false;
    for (const ActionState& a : p.actions) any_blocked |= !a.allowed;
    if (!any_blocked) return;
    if (ImGui::TreeNode("Not possible yet")) {
        for (const ActionState& a : p.actions) {
            if (a.allowed) continue;
            words_bullet("%s", a.label.c_str());
            for (const Alert& why : a.blocked_by) {
                ImGui::Indent();
                words_wrapped("%s", why.message.c_str());
                citation_tooltip(why.message, why.citation.text);
                ImGui::Unindent();
            }
        }
        ImGui::TreePop();
    }
}

void plan_tab(const CasePlan& p) {
    words_f("Stage: %s", stage_label(p.stage));
    if (p.start) {
        ImGui::SameLine();
        words_f("   Start: %s", to_uk(*p.start).c_str());
    }
    if (p.planned_end) {
        ImGui::SameLine();
        words_f("   Planned end: %s", to_uk(*p.planned_end).c_str());
    }
    if (p.attendance.possible > 0) {
        words_f("Attendance at the host school: %.1f%% (%d of %d sessions)", p.attendance.percent, p.attendance.present,
                p.attendance.possible);
        for (const AttendanceCheck& c : p.attendance.checks)
            if (!c.met) {
                ImGui::SameLine();
                status_text(("below " + std::to_string(c.threshold) + "%").c_str(), 2);
            }
    }
    ImGui::Separator();
    actions_section(p);
    ImGui::Separator();
    alerts_section(p);
    if (!p.checklist.empty()) {
        ImGui::PushFont(fonts().bold);
        words("Next steps");
        ImGui::PopFont();
        for (const ChecklistItem& c : p.checklist) {
            std::string line = c.text;
            if (!c.who.empty()) line += "  (" + c.who + ")";
            if (c.due) line += "  by " + to_uk(*c.due);
            words_bullet("%s", line.c_str());
            jargon_tooltip(line);
        }
    }
    deadlines_section(p);
}

void people_tab(const CaseState& s) {
    if (s.parties.empty()) words_disabled("No people recorded yet: use \"Record details\" and choose Person involved.");
    for (const Party& party : s.parties) {
        words_bullet("%s: %s%s", party.role.c_str(), party.name.c_str(),
                     party.parental_responsibility ? " (parental responsibility)" : "");
        if (!party.contact.empty()) {
            ImGui::SameLine();
            words_disabled("%s", party.contact.c_str());
        }
    }
}

// A listed item in words: text as it is; a table's row column by column ("Marshgate High School
// (URN 900042), previous moves in 2"), a school by its name.
std::string plain(const Json& x, const FieldSpec* f) {
    if (x.is_string()) return x.get<std::string>();
    if (!x.is_object() || !f) return x.dump();
    std::string out;
    for (const FieldSpec& c : f->columns) {
        const auto it = x.find(c.name);
        if (it == x.end()) continue;
        std::string v = it->is_string() ? it->get<std::string>() : it->dump();
        if (c.type == FieldType::school)
            v = school_words(session().ws(), v);
        else if (c.type != FieldType::text)
            v = std::string(c.label) + " " + v;
        if (!v.empty()) out += (out.empty() ? "" : ", ") + v;
    }
    return out;
}

// A passport section's answers in words: each by the question the open case's passport form asks
// ("English: Working at grade 4"), else by its name with spaces.
std::string answers_words(const Json& answers) {
    const CaseState*    s = session().state_of(ui().case_id);
    const Pack*         pack = s ? session().packs().find(s->pack) : nullptr;
    const FormTemplate* form = pack ? pack->find_form(pack->passport) : nullptr;
    std::string         out;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        std::string label = it.key();
        std::replace(label.begin(), label.end(), '_', ' ');
        if (form)
            for (const FormSection& sec : form->sections)
                for (const FormField& f : sec.fields)
                    if (f.answer == it.key()) label = f.label;
        const std::string v = it->is_string() ? it->get<std::string>() : it->dump();
        out += (out.empty() ? "" : "; ") + label + ": " + (v.empty() ? "(cleared)" : v);
    }
    return out;
}

// An entry's details in words: each field by its label, each listed value by its plain label,
// each school by its name.
std::string event_summary(const Event& e) {
    std::string s;
    for (auto it = e.payload.begin(); it != e.payload.end() && s.size() < 160; ++it) {
        if (e.type == EventType::step_recorded && it.key() == "step") continue;  // the entry's name says it
        const FieldSpec* f = nullptr;
        for (const FieldSpec& x : spec_of(e.type).fields)
            if (it.key() == x.name) f = &x;
        std::string v = it->is_string() ? it->get<std::string>() : it->is_boolean() ? (*it ? "yes" : "no") : "";
        if (it->is_array())
            for (const Json& x : *it) {
                const char* words = x.is_string() ? option_label(e.type, it.key(), x.get<std::string>()) : nullptr;
                v += (v.empty() ? "" : "; ") + (words ? std::string(words) : plain(x, f));
            }
        else if (it->is_object())
            v = answers_words(*it);
        else if (!it->is_string() && !it->is_boolean())
            v = it->dump();
        if (it->is_string() && parse_iso_date(v)) v = uk_date(v);
        if (const char* words = it->is_string() ? option_label(e.type, it.key(), v) : nullptr) v = words;
        if (e.type == EventType::pupil_details && it.key() == "section")
            v = passport_part_label(pack_of(ui().case_id), v);
        if (f && f->type == FieldType::school) v = school_words(session().ws(), v);
        std::string name = f ? std::string(f->label) : it.key();
        if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        s += (s.empty() ? "" : "; ") + name + ": " + v;
    }
    return s;
}

// How an entry reads in the history: a correction names what it corrects; an entry replaced by
// a correction, or withdrawn by an undo, says so.
std::string history_what(const Case& c, std::size_t i, bool counts) {
    const Event& e = c.events[i];
    const Pack*  pack = pack_of(c.id);
    std::string  what = entry_label(e.type, e.payload, pack);
    const auto   target =
        std::find_if(c.events.begin(), c.events.end(), [&](const Event& x) { return x.id == e.supersedes; });
    if (target != c.events.end())
        what = (e.type == EventType::retraction ? "Undo of: " : "Correction of: ") +
               entry_label(target->type, target->payload, pack);
    if (!counts && e.type != EventType::retraction) {
        const auto by =
            std::find_if(c.events.begin(), c.events.end(), [&](const Event& x) { return x.supersedes == e.id; });
        what += by != c.events.end() && by->type != EventType::retraction ? " [corrected later]" : " [withdrawn]";
    }
    return what;
}

void history_row(const Event& e, const std::string& what, const std::string& details, bool counts) {
    ImGui::TableNextRow();
    ImGui::PushID(e.id.c_str());
    ImGui::TableNextColumn();
    const std::string when = uk_local_time(e.at);  // stored in UTC, read in UK time
    words(when.c_str());
    ImGui::TableNextColumn();
    words_wrapped("%s", e.author.name.c_str());
    ImGui::TableNextColumn();
    if (!e.supersedes.empty())
        status_text(what.c_str(), 1);
    else if (!counts)
        words_disabled("%s", what.c_str());
    else
        words_wrapped("%s", what.c_str());
    ImGui::TableNextColumn();
    words_wrapped("%s", details.c_str());
    jargon_tooltip(details);
    ImGui::TableNextColumn();
    if (counts && correctable(e) && !session().read_only() && ImGui::SmallButton("Correct…")) start_correction(e);
    ImGui::PopID();
}

struct HistoryFilter {  // the History tab's filter text
    std::string text;
};

void history_tab(const Case& c) {
    std::string& filter = screen_state<HistoryFilter>().text;
    item_width(280);
    input_with_hint("##historyfilter", "Filter the history", &filter);
    const auto live = live_events(c);
    if (!ImGui::BeginTable("history", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                               ImGuiTableFlags_ScrollY,
                           ImVec2(0, ImGui::GetContentRegionAvail().y - 4)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Recorded", 0, 0.9f);
    ImGui::TableSetupColumn("By", 0, 1.0f);
    ImGui::TableSetupColumn("What", 0, 1.2f);
    ImGui::TableSetupColumn("Details", 0, 3.0f);
    ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Correct…").x + 16);
    ImGui::TableHeadersRow();
    const std::string needle = lower_case(filter);
    for (std::size_t i = c.events.size(); i-- > 0;) {
        const Event&      e = c.events[i];
        const bool        counts = std::find(live.begin(), live.end(), i) != live.end();
        const std::string what = history_what(c, i, counts);
        const std::string details = event_summary(e);
        if (!needle.empty() && lower_case(what + " " + details + " " + e.author.name).find(needle) == std::string::npos)
            continue;
        history_row(e, what, details, counts);
    }
    ImGui::EndTable();
}

}  // namespace

void case_view() {
    const std::string id = ui().case_id;
    const Case*       c = find_case(session().ws(), id);
    const CaseState*  s = session().state_of(id);
    const CasePlan*   p = nullptr;
    for (const CasePlan& x : session().plans())
        if (x.case_id == id) p = &x;
    if (!c || !s || !p) {
        ui().view = View::dashboard;
        return;
    }
    // Not Escape as well: the Escape that closed a list or a dialog would take the case away too.
    if (ImGui::Button("< All cases")) ui().view = View::dashboard;
    ImGui::SameLine();
    heading(s->pupil_name.c_str());
    const Pack* pack = session().packs().find(s->pack);
    words_wrapped("%s  ·  %s  ·  case %s%s", case_kind_label(s->kind),
                  pack ? pack->local_authority.c_str() : s->pack.c_str(), id.c_str(),
                  s->upn.empty() ? "" : ("  ·  UPN " + s->upn).c_str());
    if (session().can_undo()) {
        same_line_if_fits(button_width(("Undo: " + session().undo_label()).c_str()));
        if (ImGui::SmallButton(("Undo: " + session().undo_label()).c_str())) session().undo_last();
    }
    // On a narrow window the tabs keep their names and the row scrolls, instead of shrinking each
    // to a letter or two.
    const bool narrow = ImGui::GetContentRegionAvail().x < 40 * ImGui::GetFontSize();
    if (ImGui::BeginTabBar("casetabs", narrow ? ImGuiTabBarFlags_FittingPolicyScroll : 0)) {
        if (ImGui::BeginTabItem("Plan")) {
            begin_pane("##plan");
            plan_tab(*p);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Pupil passport")) {
            passport_tab(id, *s);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Timeline")) {
            timeline_tab(*p, *s);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Reviews and meetings")) {
            reviews_tab(*s);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Documents")) {
            documents_tab(id);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Attendance")) {
            attendance_tab(id);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Targets")) {
            targets_tab(id);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("People")) {
            people_tab(*s);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("History")) {
            history_tab(*c);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    action_dialog(id);
    passport_dialog(id);
}

Json case_view_test_state() {
    if (ui().view != View::case_view) return nullptr;
    const CaseState* s = session().state_of(ui().case_id);
    const CasePlan*  p = nullptr;
    for (const CasePlan& x : session().plans())
        if (x.case_id == ui().case_id) p = &x;
    if (!s || !p) return nullptr;
    Json marks = Json::array();
    for (const TimelineMark& m : timeline_marks(*p, *s, session().today()))
        if (m.kind != "week")
            marks.push_back({{"kind", m.kind},
                             {"date", to_iso(m.date)},
                             {"until", m.until ? Json(to_iso(*m.until)) : Json(nullptr)},
                             {"label", m.label},
                             {"status", m.status}});
    Json passport = Json::object();
    for (const PassportSection& sec : passport_sections(*s))
        passport[sec.code] = {{"filled", sec.filled}, {"total", sec.total}};
    Json reviews = Json::array();
    for (const Review& r : s->reviews)
        reviews.push_back({{"date", to_iso(r.date)}, {"outcome", r.outcome}, {"pupilVoice", r.pupil_views}});
    Json history = Json::array(), details = Json::array();
    if (const Case* c = find_case(session().ws(), ui().case_id)) {
        const auto live = live_events(*c);
        for (std::size_t i = 0, live_i = 0; i < c->events.size(); ++i) {
            const bool counts = live_i < live.size() && live[live_i] == i;
            live_i += counts;
            history.push_back(history_what(*c, i, counts));
            details.push_back(event_summary(c->events[i]));
        }
    }
    const ActionDialog& d = dialog();
    const Json          open_dialog = d.open ? Json{{"action", d.action},        {"problems", d.problems},
                                           {"values", d.form.values()}, {"type", event_type_name(d.form.type())},
                                           {"corrects", d.corrects},    {"confirmNeeded", d.confirm_needed}}
                                             : Json(nullptr);
    return {{"dialog", open_dialog},
            {"timeline", marks},
            {"passport", passport},
            {"reviews", reviews},
            {"history", history},
            {"historyDetails", details},
            {"draft", is_draft_name(s->pupil_name)},
            {"stage", stage_name(p->stage)},
            {"kind", case_kind_name(s->kind)},
            {"flags", {{"ehcp", s->flags.ehcp}, {"cla", s->flags.cla}}}};
}

}  // namespace cp::app
