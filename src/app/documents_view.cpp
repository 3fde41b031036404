// The Documents tab: the case's forms and letters (engine/documents.h), previewed as paper and
// printed by the browser from real HTML (platform::print_document, web/print.js). The preview
// and the printed page draw the same data the same way: headed sections, label/value tables,
// signature boxes, running text, and every blank the case cannot fill marked "Missing".
#include "app/documents_view.h"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "app/fonts.h"
#include "app/ui.h"
#include "app/words.h"
#include "engine/documents.h"
#include "platform/platform.h"

namespace cp::app {
namespace {

// Paper keeps its own colours: a form should look like a form in the dark theme too.
const ImVec4 kInk(0.06f, 0.07f, 0.09f, 1.0f);
const ImVec4 kInkSoft(0.30f, 0.32f, 0.36f, 1.0f);
const ImVec4 kAlarm(0.69f, 0.0f, 0.13f, 1.0f);  // the red of print.css's "Missing"
const ImU32  kPaper = IM_COL32(255, 255, 255, 255);
const ImU32  kRule = IM_COL32(0, 0, 0, 255);
const ImU32  kHeadingBg = IM_COL32(217, 217, 217, 255);
const ImU32  kLabelBg = IM_COL32(242, 242, 242, 255);
const ImU32  kMissingBg = IM_COL32(255, 243, 205, 255);
const ImU32  kAlarmBg = IM_COL32(176, 0, 32, 255);

// What the user picked, per case: reset when another case is opened.
struct Choice {
    std::string case_id, doc_id;
    int         review = -1;  // a per-review form's review: index into the case's reviews (-1 = the latest)
};

Choice& choice() { return screen_state<Choice>(); }

std::string review_name(const Review& r, int i) {
    const char* outcome = option_label(EventType::review_held, "outcome", r.outcome);
    return std::string(r.emergency ? "Emergency review " : "Review ") + std::to_string(i + 1) + ", " + to_uk(r.date) +
           (outcome ? std::string(" (") + outcome + ")" : "");
}

void review_picker(const CaseState& s) {
    if (s.reviews.empty()) return;
    int& pick = choice().review;
    if (pick < 0 || pick >= static_cast<int>(s.reviews.size())) pick = static_cast<int>(s.reviews.size()) - 1;
    ImGui::Spacing();
    words("Which review");
    item_width(-1);
    if (!begin_combo("##review", review_name(s.reviews[pick], pick).c_str())) return;
    for (int i = 0; i < static_cast<int>(s.reviews.size()); ++i)
        if (ImGui::Selectable(review_name(s.reviews[i], i).c_str(), i == pick)) pick = i;
    ImGui::EndCombo();
}

void document_list(const std::vector<std::string>& ids, const CaseState& s, const Pack& pack) {
    ImGui::PushFont(fonts().bold);
    words("Forms and letters");
    ImGui::PopFont();
    for (const std::string& id : ids)
        if (ImGui::Selectable((document_short_name(pack, id) + "##" + id).c_str(), choice().doc_id == id))
            choice().doc_id = id;
    const FormTemplate* form = pack.find_form(choice().doc_id);
    if (form && form->per_review) review_picker(s);
}

// "Example County Council, Managed Move Protocol, Form Templates, form 1": the
// document's own citation, or the pack's source when the document has none.
std::string citation(const Document& d, const Pack& pack) {
    return !d.source.text.empty() ? d.source.text : citation_text(pack, pack.source);
}

Json print_json(const Document& d, const Pack& pack, const std::string& case_id) {
    Json j = document_to_json(d);
    j["demo"] = session().demo();
    j["citation"] = citation(d, pack);
    j["authority"] = pack.local_authority;
    j["caseId"] = case_id;
    j["printed"] = to_uk(session().today());
    return j;
}

// A filled band the width of the paper with text on it (section headings, the DEMO strip).
void band(const char* text, ImU32 bg, const ImVec4& ink, bool outline) {
    const ImVec2 pad(ImGui::GetFontSize() * 0.4f, ImGui::GetFontSize() * 0.25f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float  width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts().bold);
    const ImVec2 size(width, ImGui::CalcTextSize(text, nullptr, false, width - 2 * pad.x).y + 2 * pad.y);
    ImDrawList*  dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), bg);
    if (outline) dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), kRule);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y + pad.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad.x);
    words_coloured(ink, "%s", text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    // No spacing below: the section's table hangs from its heading, as on the printed form.
    ImGui::SetCursorScreenPos(at);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::Dummy(size);
    ImGui::PopStyleVar();
}

// The screen's warning: how many blanks, and which. Paper copies show empty boxes instead.
void missing_summary(const Document& d) {
    const std::size_t n = d.missing.size();
    if (n == 0) {
        words_coloured(kInkSoft, "Nothing missing: every field the case can fill is filled.");
        return;
    }
    const std::string count = std::to_string(n) + (n == 1 ? " item missing" : " items missing");
    band(count.c_str(), kMissingBg, kAlarm, true);
    ImGui::Spacing();
    for (const std::string& m : d.missing) words_bullet("%s", m.c_str());
    words_coloured(kInkSoft, "Record these on the Plan tab, or fill them in by hand on the printed form.");
}

void value_cell(const DocField& f) {
    if (!f.missing) {
        words_wrapped("%s", f.value.c_str());
        return;
    }
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kMissingBg);
    ImGui::PushFont(fonts().bold);
    words_coloured(kAlarm, "Missing");
    ImGui::PopFont();
}

void fields_table(const DocSection& s, int index) {
    ImGui::PushID(index);
    if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Label", 0, 0.4f);
        ImGui::TableSetupColumn("Value", 0, 0.6f);
        for (const DocField& f : s.fields) {
            if (f.signature) continue;
            ImGui::TableNextRow(0, ImGui::GetTextLineHeightWithSpacing() * 1.3f);
            ImGui::TableNextColumn();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, kLabelBg);
            words_wrapped("%s", f.label.c_str());
            ImGui::TableNextColumn();
            value_cell(f);
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

// Boxes two to a row, each with its label and a line to sign on, as on the LA's forms.
void signature_boxes(const DocSection& s, int index) {
    ImGui::PushID(index);
    if (ImGui::BeginTable("##signatures", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
        for (const DocField& f : s.fields) {
            if (!f.signature) continue;
            ImGui::TableNextColumn();
            ImGui::PushFont(fonts().bold);
            words(f.label.c_str());
            ImGui::PopFont();
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 1.6f));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y), kRule);
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.4f));
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

void paper_section(const DocSection& s, int index) {
    band(s.heading.c_str(), kHeadingBg, kInk, true);
    for (const std::string& p : s.paragraphs) {
        ImGui::Spacing();
        words_wrapped("%s", p.c_str());
    }
    if (std::any_of(s.fields.begin(), s.fields.end(), [](const DocField& f) { return !f.signature; }))
        fields_table(s, index);
    if (std::any_of(s.fields.begin(), s.fields.end(), [](const DocField& f) { return f.signature; }))
        signature_boxes(s, index);
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.8f));
}

void paper_header(const Document& d, const Pack& pack) {
    if (session().demo()) {
        band("DEMO — training workspace: fictional pupil, not a real record", kAlarmBg, ImVec4(1, 1, 1, 1), false);
        ImGui::Spacing();
    }
    words_coloured(kInkSoft, "%s", pack.local_authority.c_str());
    ImGui::PushFont(fonts().large);
    words_wrapped("%s", d.title.c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, kInkSoft);
    words_wrapped("Source: %s", citation(d, pack).c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    ImGui::Spacing();
}

// The preview: a white sheet about as wide as A4 would be at this text size.
void paper(const Document& d, const Pack& pack) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 50);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(kPaper));
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    ImGui::PushStyleColor(ImGuiCol_Separator, ImGui::ColorConvertU32ToFloat4(kRule));
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, ImGui::ColorConvertU32ToFloat4(kRule));
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, ImGui::ColorConvertU32ToFloat4(kRule));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 1.6f, ImGui::GetFontSize() * 1.2f));
    begin_pane("##paper", ImVec2(width, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    paper_header(d, pack);
    missing_summary(d);
    ImGui::Spacing();
    for (std::size_t i = 0; i < d.sections.size(); ++i) paper_section(d.sections[i], static_cast<int>(i));
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
}

void toolbar(const Document& d, const Pack& pack, const CaseState& s) {
    if (ImGui::Button("Print…"))
        platform::print_document(d.title + " - " + (s.pupil_name.empty() ? s.case_id : s.pupil_name),
                                 print_json(d, pack, s.case_id).dump());
    ImGui::SameLine();
    words_disabled_wrapped(
        "Opens the browser's print dialog; choose \"Save as PDF\" there to keep a copy on this device.");
}

}  // namespace

void documents_tab(const std::string& case_id) {
    const CaseState* s = session().state_of(case_id);
    const Pack*      pack = s ? session().packs().find(s->pack) : nullptr;
    if (!s || !pack) {
        words_disabled("This case's protocol is not loaded, so its forms cannot be drawn.");
        return;
    }
    const std::vector<std::string> ids = document_ids_for(*pack, *s);
    if (ids.empty()) {
        words_disabled("The %s protocol has no forms or letters for this case yet.", pack->local_authority.c_str());
        return;
    }
    Choice& c = choice();
    if (c.case_id != case_id) c = {case_id, ids.front(), -1};
    if (std::find(ids.begin(), ids.end(), c.doc_id) == ids.end()) c.doc_id = ids.front();

    // Side by side where the sheet keeps a readable width; on a phone or at a large zoom the list
    // goes above the sheet, as tall as its entries.
    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 40;
    if (narrow)
        begin_pane("##doclist", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    else
        begin_pane("##doclist", ImVec2(ImGui::GetFontSize() * 15, 0));
    document_list(ids, *s, *pack);
    ImGui::EndChild();
    if (!narrow) ImGui::SameLine();
    begin_pane("##docview");
    const std::optional<Document> d =
        make_document(c.doc_id, {*s, *pack, session().calendar(), session().today(), &session().ws(), c.review});
    if (d) {
        toolbar(*d, *pack, *s);
        paper(*d, *pack);
    }
    ImGui::EndChild();
}

}  // namespace cp::app
