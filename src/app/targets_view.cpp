// The Targets tab: the agreement's targets (and any added at reviews), their progress rated
// 0 (no progress) … 4 (met) at each review as a table and a line chart, and a small form that
// records a new rating for every target at a review date (a targets_reviewed event).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/attendance_view.h"
#include "app/charts.h"
#include "app/fonts.h"
#include "app/locator.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

struct Entry {
    std::string              case_id;
    int                      date_choice = -1;
    std::vector<int>         ratings;
    std::vector<std::string> notes;
    std::string              message;
    int                      message_sev = 3;
};

Entry& entry() { return screen_state<Entry>(); }

struct LastState {
    Json j = Json::object();
};
Json& last_state() { return screen_state<LastState>().j; }

// Dates a rating can be recorded for: every review held, then today.
std::vector<Date> date_choices(const CaseState& s) {
    std::vector<Date> out;
    for (const Review& r : s.reviews)
        if (std::find(out.begin(), out.end(), r.date) == out.end()) out.push_back(r.date);
    std::sort(out.begin(), out.end());
    if (std::find(out.begin(), out.end(), session().today()) == out.end()) out.push_back(session().today());
    return out;
}

const TargetRating* rating_of(const TargetReview& r, const std::string& target) {
    for (const TargetRating& t : r.ratings)
        if (t.target == target) return &t;
    return nullptr;
}

std::string rating_text(int r) { return std::to_string(r) + " " + target_rating_label(r); }

void progress_table(const CaseState& s, const std::vector<std::string>& targets) {
    const int cols = 1 + static_cast<int>(s.target_reviews.size());
    if (!ImGui::BeginTable("targets", cols,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Target", 0, 2.5f);
    for (const TargetReview& r : s.target_reviews) ImGui::TableSetupColumn(to_uk(r.date).c_str(), 0, 1.0f);
    ImGui::TableHeadersRow();
    for (const std::string& t : targets) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words_wrapped("%s", t.c_str());
        for (const TargetReview& r : s.target_reviews) {
            ImGui::TableNextColumn();
            const TargetRating* x = rating_of(r, t);
            if (!x) {
                words_disabled("–");
                continue;
            }
            words(rating_text(x->rating).c_str());
            if (!x->note.empty()) {
                ImGui::SameLine();
                words_disabled("(note)");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", x->note.c_str());
            }
        }
    }
    ImGui::EndTable();
}

ChartSpec chart_of(const CaseState& s, const std::vector<std::string>& targets) {
    ChartSpec c;
    c.title = "Progress on targets (0 no progress … 4 met)";
    c.file_name = "targets-" + s.case_id + ".png";
    c.y_min = 0;
    c.y_max = kMaxTargetRating;
    for (const TargetReview& r : s.target_reviews) c.categories.push_back(to_uk(r.date));
    const ImU32 colours[] = {IM_COL32(70, 130, 200, 255), IM_COL32(200, 90, 40, 255), IM_COL32(40, 150, 70, 255),
                             IM_COL32(150, 60, 170, 255), IM_COL32(30, 30, 30, 255),  IM_COL32(200, 160, 0, 255)};
    for (std::size_t i = 0; i < targets.size(); ++i) {
        ChartSeries line{targets[i].size() > 40 ? targets[i].substr(0, 38) + "…" : targets[i], {}, colours[i % 6]};
        for (const TargetReview& r : s.target_reviews) {
            const TargetRating* x = rating_of(r, targets[i]);
            line.values.push_back(x ? x->rating : std::numeric_limits<double>::quiet_NaN());
        }
        c.lines.push_back(line);
    }
    return c;
}

void record_form(const std::string& case_id, const CaseState& s, const std::vector<std::string>& targets) {
    Entry&                  e = entry();
    const std::vector<Date> dates = date_choices(s);
    if (e.date_choice < 0 || e.date_choice >= static_cast<int>(dates.size()))
        e.date_choice = static_cast<int>(dates.size()) - 1;
    e.ratings.resize(targets.size(), 0);
    e.notes.resize(targets.size());
    ImGui::PushFont(fonts().bold);
    words("Record progress at a review");
    ImGui::PopFont();
    words("Review date");
    ImGui::SameLine();
    item_width(ImGui::GetFontSize() * 9);
    if (begin_combo("##ratingdate", to_uk(dates[e.date_choice]).c_str())) {
        for (int i = 0; i < static_cast<int>(dates.size()); ++i)
            if (ImGui::Selectable(to_uk(dates[i]).c_str(), i == e.date_choice)) e.date_choice = i;
        ImGui::EndCombo();
    }
    for (std::size_t i = 0; i < targets.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        item_width(ImGui::GetFontSize() * 9);
        const std::string id = "##rating-" + std::to_string(i);
        locator_caption_next(("Rating: " + targets[i]).c_str());  // the target is written after it
        if (begin_combo(id.c_str(), rating_text(e.ratings[i]).c_str())) {
            for (int r = 0; r <= kMaxTargetRating; ++r)
                if (ImGui::Selectable(rating_text(r).c_str(), r == e.ratings[i])) e.ratings[i] = r;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        item_width(ImGui::GetFontSize() * 14);
        locator_caption_next(("Note on: " + targets[i]).c_str());
        input_with_hint(("##note-" + std::to_string(i)).c_str(), "note (optional)", &e.notes[i]);
        ImGui::SameLine();
        words_wrapped("%s", targets[i].c_str());
        ImGui::PopID();
    }
    ImGui::BeginDisabled(session().read_only());
    if (ImGui::Button("Save progress")) {
        Json ratings = Json::array();
        for (std::size_t i = 0; i < targets.size(); ++i) {
            Json r = {{"target", targets[i]}, {"rating", e.ratings[i]}};
            if (!e.notes[i].empty()) r["note"] = e.notes[i];
            ratings.push_back(r);
        }
        const Date         d = dates[e.date_choice];
        const DraftVerdict v = session().record(
            case_id,
            {session().author(), EventType::targets_reviewed, {{"date", to_iso(d)}, {"ratings", ratings}}, ""});
        if (v.allowed) {
            e.message = "Recorded progress at the review of " + to_uk(d) + ".";
            e.message_sev = 0;
            e.notes.assign(targets.size(), "");
        } else {
            e.message = "Not recorded: ";
            for (const Alert& a : v.blocking) e.message += a.message + " ";
            e.message_sev = 2;
        }
    }
    ImGui::EndDisabled();
    if (!e.message.empty()) {
        ImGui::SameLine();
        status_message(e.message, e.message_sev);
    }
}

}  // namespace

void targets_tab(const std::string& case_id) {
    const CaseState* s = session().state_of(case_id);
    if (!s) return;
    if (entry().case_id != case_id) entry() = {case_id, -1, {}, {}, "", 3};
    const std::vector<std::string> targets = s->targets();
    begin_pane("##targets");
    if (s->agreement && !s->agreement->success_criteria.empty()) {
        ImGui::PushFont(fonts().bold);
        words("Success criteria in the agreement");
        ImGui::PopFont();
        for (const std::string& c : s->agreement->success_criteria) words_bullet("%s", c.c_str());
        ImGui::Spacing();
    }
    ImGui::PushFont(fonts().bold);
    words("Targets and progress at each review");
    ImGui::PopFont();
    Json reviews = Json::array();
    if (targets.empty()) {
        words_disabled("No targets yet: they come from the signed agreement, or are added at a review.");
    } else {
        if (s->target_reviews.empty())
            words_disabled("No progress recorded yet.");
        else
            progress_table(*s, targets);
        ImGui::Spacing();
        record_form(case_id, *s, targets);
        if (!s->target_reviews.empty()) {
            ImGui::Spacing();
            chart("targets-chart", chart_of(*s, targets), ImVec2(0, ImGui::GetFontSize() * 15));
        }
    }
    ImGui::EndChild();
    for (const TargetReview& r : s->target_reviews) {
        Json m = Json::object();
        for (const TargetRating& t : r.ratings) m[t.target] = t.rating;
        reviews.push_back({{"date", to_uk(r.date)}, {"ratings", m}});
    }
    last_state() = {{"caseId", case_id}, {"targets", targets}, {"reviews", reviews}, {"message", entry().message}};
}

Json targets_test_state() { return last_state(); }

}  // namespace cp::app
