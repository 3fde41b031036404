// The dashboard: every case with its stage and next deadline, a "this week" panel, and the
// new-case dialog. Large lists are clipped: only visible rows are laid out.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>

#include "app/form.h"
#include "app/locator.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

struct Hint {  // the line above the list when it is empty, and where it ended on screen
    std::string text;
    float       bottom = 0;
};

// The deadline that matters most: the earliest overdue, else the earliest not yet met.
const Deadline* next_deadline(const CasePlan& p) {
    const Deadline* best = nullptr;
    for (const Deadline& d : p.deadlines) {
        if (d.status == DeadlineStatus::met) continue;
        const bool better =
            !best || (d.status == DeadlineStatus::overdue) > (best->status == DeadlineStatus::overdue) ||
            ((d.status == DeadlineStatus::overdue) == (best->status == DeadlineStatus::overdue) && d.date < best->date);
        if (better) best = &d;
    }
    return best;
}

int severity_of(DeadlineStatus s) {
    return s == DeadlineStatus::overdue ? 2 : s == DeadlineStatus::due ? 1 : s == DeadlineStatus::met ? 0 : 3;
}

struct Filters {
    int  stage = -1;  // -1 any
    bool overdue_only = false;
};

bool matches(const CasePlan& p, const CaseState* s, const std::string& search, const Filters& f) {
    if (f.stage >= 0 && static_cast<int>(p.stage) != f.stage) return false;
    if (f.overdue_only) {
        const Deadline* d = next_deadline(p);
        if (!d || d->status != DeadlineStatus::overdue) return false;
    }
    if (search.empty()) return true;
    const std::string q = lower_case(search);
    return lower_case(p.pupil_name).find(q) != std::string::npos ||
           (s && lower_case(s->upn).find(q) != std::string::npos) || lower_case(p.case_id).find(q) != std::string::npos;
}

int alert_count(const CasePlan& p) {
    return static_cast<int>(
        std::count_if(p.alerts.begin(), p.alerts.end(), [](const Alert& a) { return a.level != AlertLevel::info; }));
}

void case_row(const CasePlan& p) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable(p.pupil_name.empty() ? p.case_id.c_str() : p.pupil_name.c_str(), false,
                          ImGuiSelectableFlags_SpanAllColumns)) {
        ui().view = View::case_view;
        ui().case_id = p.case_id;
    }
    ImGui::TableNextColumn();
    words(case_kind_label(p.kind));
    ImGui::TableNextColumn();
    const Pack* pack = session().packs().find(p.pack_id);
    words(pack ? pack->local_authority.c_str() : p.pack_id.c_str());
    ImGui::TableNextColumn();
    words(stage_label(p.stage));
    ImGui::TableNextColumn();
    if (const Deadline* d = next_deadline(p)) {
        status_text(deadline_status_name(d->status), severity_of(d->status));
        ImGui::SameLine();
        words_f("%s  %s", to_uk(d->date).c_str(), d->what.c_str());
    } else {
        words_disabled("none");
    }
    ImGui::TableNextColumn();
    const int n = alert_count(p);
    if (n)
        words_f("%d", n);
    else
        words_disabled("0");
}

struct WeekItem {
    Date           date;
    DeadlineStatus status;
    std::string    pupil, what, case_id;
};

std::vector<WeekItem> due_this_week(const std::vector<CasePlan>& plans, Date today) {
    std::vector<WeekItem> items;
    for (const CasePlan& p : plans)
        for (const Deadline& d : p.deadlines)
            if (d.status == DeadlineStatus::overdue ||
                (d.status != DeadlineStatus::met && days_between(today, d.date) <= 7))
                items.push_back({d.date, d.status, p.pupil_name, d.what, p.case_id});
    std::stable_sort(items.begin(), items.end(), [](const WeekItem& a, const WeekItem& b) { return a.date < b.date; });
    return items;
}

void week_item(const WeekItem& it, int i, bool wrap) {
    ImGui::PushID(i);
    status_text(deadline_status_name(it.status), severity_of(it.status));
    ImGui::SameLine();
    words_f("%s", to_uk(it.date).c_str());
    // At 320 px the pupil's button goes under the date rather than past the list's edge.
    if (wrap)
        same_line_if_fits(button_width(it.pupil.c_str()));
    else
        ImGui::SameLine();
    if (ImGui::SmallButton(it.pupil.c_str())) {
        ui().view = View::case_view;
        ui().case_id = it.case_id;
    }
    if (wrap) {
        ImGui::Indent();
        words_wrapped("%s", it.what.c_str());
        ImGui::Unindent();
    } else {
        ImGui::SameLine();
        words(it.what.c_str());
    }
    ImGui::PopID();
}

void this_week(const std::vector<WeekItem>& items) {
    if (!ImGui::CollapsingHeader(("This week: " + std::to_string(items.size()) + " due or overdue").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    if (items.empty()) {
        words_disabled("Nothing due in the next seven days.");
        return;
    }
    // Up to six deadlines in view, and never so many that the case list below has no room for a
    // few rows (on a short window: a laptop zoomed to 200%).
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float room = ImGui::GetContentRegionAvail().y - 5 * row;
    const float shown =
        std::max(2.0f, std::min(static_cast<float>(std::min(items.size(), std::size_t(6))), room / row));
    begin_pane("##week", ImVec2(0, shown * row + 8));
    // On a narrow window (a phone, a large zoom) what is due goes under the pupil's name, wrapped, and
    // every item is drawn; otherwise one line each, and only the lines in view (with thousands of
    // cases, hundreds of items can be due).
    const bool narrow = ImGui::GetContentRegionAvail().x < 40 * ImGui::GetFontSize();
    if (narrow) {
        for (std::size_t i = 0; i < items.size(); ++i) week_item(items[i], static_cast<int>(i), true);
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(items.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) week_item(items[i], i, false);
    }
    ImGui::EndChild();
}

// What the table shows, kept between frames: filtering and sorting 10,000 cases every frame
// would cost more than drawing the visible rows. Rebuilt when the plans, the search, the
// filters or the sort order change.
struct RowCache {
    std::uint64_t         version = ~0ull;
    std::string           search;
    Filters               filters;
    int                   sort_column = -1;
    int                   sort_direction = 0;
    std::vector<int>      rows;
    std::vector<WeekItem> week;
};

bool same(const Filters& a, const Filters& b) { return a.stage == b.stage && a.overdue_only == b.overdue_only; }

void filter_rows(RowCache& cache, const std::vector<CasePlan>& plans, const std::string& search, const Filters& f) {
    cache.rows.clear();
    for (int i = 0; i < static_cast<int>(plans.size()); ++i)
        if (matches(plans[i], session().state_of(plans[i].case_id), search, f)) cache.rows.push_back(i);
}

void sort_rows(std::vector<int>& rows, const std::vector<CasePlan>& plans, int column, int direction) {
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const CasePlan &x = plans[a], &y = plans[b];
        int             c = 0;
        switch (column) {
            case 0: c = x.pupil_name.compare(y.pupil_name); break;
            case 1: c = static_cast<int>(x.kind) - static_cast<int>(y.kind); break;
            case 2: c = x.pack_id.compare(y.pack_id); break;
            case 3: c = static_cast<int>(x.stage) - static_cast<int>(y.stage); break;
            case 4: {
                const Deadline *dx = next_deadline(x), *dy = next_deadline(y);
                c = (dx ? dx->date.days : 1 << 30) - (dy ? dy->date.days : 1 << 30);
                break;
            }
            default: c = alert_count(x) - alert_count(y);
        }
        return direction == ImGuiSortDirection_Ascending ? c < 0 : c > 0;
    });
}

}  // namespace

void dashboard() {
    Filters&            f = screen_state<Filters>();
    RowCache&           cache = screen_state<RowCache>();
    const auto&         plans = session().plans();
    const std::uint64_t version = session().plans_version();
    const bool          plans_changed = cache.version != version;
    if (plans_changed) cache.week = due_this_week(plans, session().today());
    heading("Cases");
    if (ui().focus_search) {
        ImGui::SetKeyboardFocusHere();
        ui().focus_search = false;
    }
    // The filters wrap onto more lines when the window is narrow (a phone, or zoomed to 200% and more).
    item_width(300);
    input_with_hint("##search", "Search: pupil name or UPN (Ctrl+F)", &ui().search);
    same_line_if_fits(170);
    item_width(170);
    const char* stage_shown = f.stage < 0 ? "Any stage" : stage_label(static_cast<Stage>(f.stage));
    locator_caption_next("Stage shown");
    if (begin_combo("##stage", stage_shown)) {
        if (ImGui::Selectable("Any stage", f.stage < 0)) f.stage = -1;
        for (int s = 0; s <= static_cast<int>(Stage::closed); ++s)
            if (ImGui::Selectable(stage_label(static_cast<Stage>(s)), f.stage == s)) f.stage = s;
        ImGui::EndCombo();
    }
    same_line_if_fits(checkbox_width("Overdue only"));
    checkbox("Overdue only", &f.overdue_only);
    same_line_if_fits(button_width("New case"));
    ImGui::BeginDisabled(session().read_only());
    if (ImGui::Button("New case")) ui().show_new_case = true;
    ImGui::EndDisabled();
    this_week(cache.week);

    bool refilter = plans_changed || cache.search != ui().search || !same(cache.filters, f);
    if (refilter) {
        filter_rows(cache, plans, ui().search, f);
        cache.version = version;
        cache.search = ui().search;
        cache.filters = f;
    }
    // Above the table, which takes the rest of the page: below it the hint would fall off the screen.
    Hint& hint = screen_state<Hint>();
    hint.text = plans.empty() ? "No cases yet. Choose New case to start one, or File > Import to open a case package."
                : cache.rows.empty() ? "No case matches the search and filters."
                                     : "";
    if (!hint.text.empty()) {
        words(hint.text.c_str());
        hint.bottom = ImGui::GetItemRectMax().y;
    }
    // On a narrow window (a phone, a large zoom) the kind and the protocol are left out, so the
    // pupil, the stage and the next deadline can be read, and columns are not resized: their
    // grips would cover much of a row a finger or a click aims at.
    const bool            narrow = ImGui::GetContentRegionAvail().x < 40 * ImGui::GetFontSize();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                               (narrow ? 0 : ImGuiTableFlags_Resizable) | ImGuiTableFlags_Sortable |
                               ImGuiTableFlags_SizingStretchProp;
    const ImGuiTableColumnFlags wide_only = narrow ? ImGuiTableColumnFlags_Disabled : 0;
    // The rest of the page, and at least a few rows: on a short window the page scrolls instead.
    const float table_height = std::max(ImGui::GetContentRegionAvail().y - 4, 5 * ImGui::GetFrameHeightWithSpacing());
    if (ImGui::BeginTable("cases", 6, tf, ImVec2(0, table_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Pupil", ImGuiTableColumnFlags_DefaultSort, 1.4f);
        ImGui::TableSetupColumn("Kind", wide_only, 1.2f);
        ImGui::TableSetupColumn("Protocol", wide_only, 1.0f);
        ImGui::TableSetupColumn("Stage", 0, 0.8f);
        ImGui::TableSetupColumn("Next deadline", 0, 2.2f);
        ImGui::TableSetupColumn("Alerts", 0, 0.4f);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
            if (refilter || specs->SpecsDirty || spec.ColumnIndex != cache.sort_column ||
                spec.SortDirection != cache.sort_direction) {
                sort_rows(cache.rows, plans, spec.ColumnIndex, spec.SortDirection);
                cache.sort_column = spec.ColumnIndex;
                cache.sort_direction = spec.SortDirection;
                specs->SpecsDirty = false;
            }
        }
        const std::vector<int>& rows = cache.rows;
        ImGuiListClipper        clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                ImGui::PushID(rows[r]);
                case_row(plans[rows[r]]);
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
}

Json dashboard_test_state() {
    const Hint& hint = screen_state<Hint>();
    return {{"hint", hint.text}, {"hintBottom", hint.bottom}};
}

}  // namespace cp::app
