// The Reviews and meetings tab: every review (date, outcome, attendees, progress against each
// target, pupil voice, parents' views, concerns, support, next date) and every meeting with its
// minutes, from the case state; then the reviews scheduled and the invitations sent.
#include <imgui.h>

#include <algorithm>

#include "app/theme.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"

namespace cp::app {
namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void line(const char* label, const std::string& value) {
    if (value.empty()) return;
    words_disabled("%s", label);
    ImGui::SameLine(170);
    jargon_text(value);
}

// The targets in force at a review: the agreement's, plus those added by earlier reviews.
std::vector<std::string> targets_at(const CaseState& s, std::size_t review) {
    std::vector<std::string> t;
    if (s.agreement) {
        t = s.agreement->targets;
        t.insert(t.end(), s.agreement->success_criteria.begin(), s.agreement->success_criteria.end());
    }
    for (std::size_t i = 0; i <= review && i < s.reviews.size(); ++i)
        for (const std::string& x : s.reviews[i].targets)
            if (std::find(t.begin(), t.end(), x) == t.end()) t.push_back(x);
    return t;
}

void targets_table(const CaseState& s, std::size_t i) {
    const auto targets = targets_at(s, i);
    if (targets.empty()) return;
    if (!ImGui::BeginTable("##targets", 2,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Target", 0, 1.0f);
    ImGui::TableSetupColumn("Progress recorded at this review", 0, 1.6f);
    ImGui::TableHeadersRow();
    for (const std::string& t : targets) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words_wrapped("%s", t.c_str());
        ImGui::TableNextColumn();
        const std::string& p = s.reviews[i].progress;
        if (p.empty())
            words_disabled("not recorded");
        else
            words_wrapped("%s", p.c_str());
    }
    ImGui::EndTable();
}

void review_block(const CaseState& s, std::size_t i) {
    const Review& r = s.reviews[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string title =
        std::string(r.emergency ? "Emergency review " : "Review ") + to_uk(r.date) + "  ·  outcome: " + r.outcome;
    if (ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        line("Attendees", joined(r.attendees));
        line("Progress", r.progress);
        targets_table(s, i);
        line("Pupil voice", r.pupil_views);
        line("Parents' views", r.parent_views);
        line("Concerns", r.concerns);
        line("Support needed", r.support);
        if (r.next_review) line("Next review", to_uk(*r.next_review));
        if (r.continue_until) line("Continues until", to_uk(*r.continue_until));
        if (r.extend_weeks) line("Extended by", std::to_string(r.extend_weeks) + " weeks");
    }
    ImGui::PopID();
}

void meetings(const CaseState& s) {
    if (s.meetings.empty()) return;
    heading("Meetings");
    int i = 0;
    for (const Meeting& m : s.meetings) {
        ImGui::PushID(i++);
        const std::string title = "Meeting (" + m.kind + ") " + to_uk(m.date);
        if (ImGui::CollapsingHeader(title.c_str())) {
            line("Attendees", joined(m.attendees));
            if (m.pupil_engaged) line("Pupil engaged", *m.pupil_engaged ? "yes" : "no");
            line("Minutes", m.notes);
        }
        ImGui::PopID();
    }
}

void scheduled(const CaseState& s) {
    std::vector<Date> ahead;
    for (Date d : s.scheduled_reviews)
        if (std::none_of(s.reviews.begin(), s.reviews.end(), [&](const Review& r) { return r.date == d; }))
            ahead.push_back(d);
    if (ahead.empty()) return;
    heading("Reviews scheduled");
    for (Date d : ahead) {
        const bool invited = std::any_of(s.invitations.begin(), s.invitations.end(),
                                         [&](const Invitation& x) { return x.review_date == d; });
        words_bullet("%s", to_uk_long(d).c_str());
        ImGui::SameLine();
        status_text(invited ? "parents invited" : "invitation not yet sent", invited ? 0 : 1);
    }
}

}  // namespace

void reviews_tab(const CaseState& s) {
    begin_pane("##reviews");
    if (s.reviews.empty() && s.meetings.empty() && s.scheduled_reviews.empty())
        words_disabled("No reviews or meetings yet. Record them from the Plan tab.");
    scheduled(s);
    if (!s.reviews.empty()) heading("Reviews held");
    for (std::size_t i = s.reviews.size(); i-- > 0;) review_block(s, i);
    meetings(s);
    ImGui::EndChild();
}

}  // namespace cp::app
