// The panel report screen: pick a term of the school calendar, the academic year, or any dates
// (DD/MM/YYYY); the engine's panel_report gives one row per term and school; the screen shows
// them as a table with totals, a grouped bar chart per school, "Save CSV" (the engine's own CSV,
// byte for byte what `caseplan report` prints) and "Print…" (web/print.js, with the chart as PNG).
#include "app/report_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <map>

#include "app/attendance_view.h"
#include "app/charts.h"
#include "app/fonts.h"
#include "app/ui.h"
#include "app/words.h"
#include "engine/report.h"
#include "platform/platform.h"

namespace cp::app {
namespace {

struct ReportUi {
    bool        open = false;
    int         period = -1;         // index into periods(); -1: choose a default
    std::string from_text, to_text;  // custom range, DD/MM/YYYY
    std::string error;
    Json        state = Json::object();  // for tests
};

ReportUi& rui() { return screen_state<ReportUi>(); }

struct Period {
    std::string label;
    Date        from{}, to{};
    bool        custom = false;
};

std::vector<Period> periods() {
    std::vector<Period>   out;
    const SchoolCalendar& cal = session().calendar();
    for (const Term& t : cal.terms)
        out.push_back({t.name + " (" + to_uk(t.first_day) + " – " + to_uk(t.last_day) + ")", t.first_day, t.last_day});
    // Academic years (1 September – 31 August) that the calendar's terms touch.
    std::vector<int> years;
    for (const Term& t : cal.terms) {
        const Ymd v = ymd_of(t.first_day);
        const int y = v.month >= 9 ? v.year : v.year - 1;
        if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
    }
    for (int y : years)
        out.push_back({"Academic year " + std::to_string(y) + "/" + std::to_string((y + 1) % 100),
                       date_from_ymd(y, 9, 1), date_from_ymd(y + 1, 8, 31)});
    out.push_back({"Other dates…", {}, {}, true});
    return out;
}

int default_period(const std::vector<Period>& ps) {
    const Date today = session().today();
    int        best = -1;
    for (int i = 0; i < static_cast<int>(ps.size()); ++i) {
        if (ps[i].custom || ps[i].label.rfind("Academic year", 0) == 0) continue;
        if (ps[i].from <= today && today <= ps[i].to) return i;
        if (ps[i].from <= today) best = i;  // the latest term begun before today
    }
    return best >= 0 ? best : static_cast<int>(ps.size()) - 1;
}

std::string short_school(const ReportRow& r) {
    std::string n = r.school.empty() ? (r.urn.empty() ? "(no school)" : "URN " + r.urn) : r.school;
    const auto  f = n.find(" (fictional)");
    if (f != std::string::npos) n.erase(f);
    return n;
}

std::string base64(const std::string& in) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string        out;
    out.reserve((in.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < in.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? k[v & 63] : '=';
    }
    return out;
}

// The engine's columns (report_columns), so the screen, the printout and the CSV agree.
constexpr int kCounts = 11;

// Every column's heading as the table shows it.
std::vector<std::string> headings() {
    std::vector<std::string> out = {"Term", "School", "URN"};
    for (const ReportColumn& c : report_columns()) out.push_back(c.heading);
    return out;
}

std::array<int, kCounts> counts_of(const ReportRow& r) {
    std::array<int, kCounts> n{};
    for (std::size_t i = 0; i < n.size() && i < report_columns().size(); ++i) n[i] = r.*report_columns()[i].count;
    return n;
}

// One bar group per school, summed over the terms in the range.
ChartSpec chart_of(const PanelReport& rep, const std::string& period) {
    ChartSpec c;
    c.title = "Panel report, " + period;
    c.file_name = "panel-report-" + to_iso(rep.from) + "-" + to_iso(rep.to) + ".png";
    std::map<std::string, std::array<int, kCounts>> by_school;
    std::vector<std::string>                        order;
    for (const ReportRow& r : rep.rows) {
        const std::string name = short_school(r);
        if (!by_school.count(name)) {
            order.push_back(name);
            by_school[name] = {};
        }
        const auto n = counts_of(r);
        for (int i = 0; i < kCounts; ++i) by_school[name][i] += n[i];
    }
    const ImU32 colours[] = {IM_COL32(70, 130, 200, 255), IM_COL32(120, 90, 180, 255), IM_COL32(40, 160, 160, 255),
                             IM_COL32(40, 150, 70, 255),  IM_COL32(200, 60, 60, 255),  IM_COL32(230, 140, 20, 255)};
    int         top = 0;
    for (int i = 0; i < 6; ++i) {
        ChartSeries s{report_columns()[static_cast<std::size_t>(i)].heading, {}, colours[i]};
        for (const std::string& name : order) {
            s.values.push_back(by_school[name][i]);
            top = std::max(top, by_school[name][i]);
        }
        c.bars.push_back(s);
    }
    c.categories = order;
    c.y_min = 0;
    c.y_max = std::max(4, (top + 3) / 4 * 4);
    return c;
}

Json print_json(const PanelReport& rep, const std::string& period, const ChartSpec& chart) {
    Json rows = Json::array();
    for (const ReportRow& r : rep.rows) {
        Json cells = {r.term, short_school(r), r.urn};
        for (int v : counts_of(r)) cells.push_back(std::to_string(v));
        rows.push_back(cells);
    }
    Json tcells = {"Total (each pupil once)", "", ""};
    for (int v : counts_of(rep.total)) tcells.push_back(std::to_string(v));
    rows.push_back({{"cells", tcells}, {"total", true}});
    const Json        columns = headings();
    const std::string png = chart_png(chart, kPngWidth, kPngHeight);
    const Pack*       pack = session().packs().find(session().ws().own.la);
    return {{"id", "panel_report"},
            {"title", "Panel report: " + period},
            {"demo", session().demo()},
            {"authority", pack ? pack->local_authority : ""},
            {"citation", "Counts per school and term from the case planner; the total counts each pupil once"},
            {"printed", to_uk(session().today())},
            {"missing", Json::array()},
            {"sections",
             {{{"heading", "Per school and term, " + to_uk(rep.from) + " to " + to_uk(rep.to)},
               {"fields", Json::array()},
               {"paragraphs", Json::array()},
               {"table", {{"columns", columns}, {"rows", rows}}}},
              {{"heading", "Chart"},
               {"fields", Json::array()},
               {"paragraphs", Json::array()},
               {"image", {{"src", "data:image/png;base64," + base64(png)}, {"alt", chart.title}}}}}}};
}

// Wider than a laptop screen with every column: it scrolls sideways, with Term and School kept in view.
void table(const PanelReport& rep) {
    const ImGuiTableFlags f =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const float height =
        (static_cast<float>(rep.rows.size()) + 2.5f) * ImGui::GetFrameHeight() + ImGui::GetStyle().ScrollbarSize;
    if (!ImGui::BeginTable("panelreport", 3 + kCounts, f, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(2, 1);
    for (const std::string& h : headings()) ImGui::TableSetupColumn(h.c_str());
    ImGui::TableHeadersRow();
    for (const ReportRow& r : rep.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words(r.term.c_str());
        ImGui::TableNextColumn();
        words(short_school(r).c_str());
        ImGui::TableNextColumn();
        words(r.urn.c_str());
        for (int v : counts_of(r)) {
            ImGui::TableNextColumn();
            words_f("%d", v);
        }
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(fonts().bold);
    words("Total");
    ImGui::TableNextColumn();
    words("each pupil once");
    ImGui::TableNextColumn();
    for (int v : counts_of(rep.total)) {
        ImGui::TableNextColumn();
        words_f("%d", v);
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

}  // namespace

void reports_menu() {
    if (!ImGui::BeginMenu("Reports")) return;
    if (ImGui::MenuItem("Panel report…", nullptr, false, session().phase() == Phase::open)) rui().open = true;
    ImGui::EndMenu();
}

void panel_report_window() {
    ReportUi& u = rui();
    if (!u.open || session().phase() != Phase::open) {
        u.state = Json::object();
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.92f, vp->WorkSize.y * 0.9f), ImGuiCond_Appearing);
    if (!ImGui::Begin("Panel report", &u.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }

    const std::vector<Period> ps = periods();
    if (u.period < 0 || u.period >= static_cast<int>(ps.size())) u.period = default_period(ps);
    words("Period");
    ImGui::SameLine();
    item_width(ImGui::GetFontSize() * 22);
    if (begin_combo("##period", ps[u.period].label.c_str())) {
        for (int i = 0; i < static_cast<int>(ps.size()); ++i)
            if (ImGui::Selectable(ps[i].label.c_str(), i == u.period)) {
                u.period = i;
                if (ps[i].custom && u.from_text.empty()) {
                    u.from_text = to_uk(ps[default_period(ps)].from);
                    u.to_text = to_uk(ps[default_period(ps)].to);
                }
            }
        ImGui::EndCombo();
    }
    Date        from = ps[u.period].from, to = ps[u.period].to;
    std::string period = ps[u.period].label;
    u.error.clear();
    if (ps[u.period].custom) {
        ImGui::SameLine();
        words("from");
        ImGui::SameLine();
        item_width(ImGui::GetFontSize() * 7);
        input_with_hint("##from", "DD/MM/YYYY", &u.from_text);
        ImGui::SameLine();
        words("to");
        ImGui::SameLine();
        item_width(ImGui::GetFontSize() * 7);
        input_with_hint("##to", "DD/MM/YYYY", &u.to_text);
        const auto f = parse_uk_date(u.from_text), t = parse_uk_date(u.to_text);
        if (!f || !t)
            u.error = "Enter both dates as DD/MM/YYYY.";
        else if (*t < *f)
            u.error = "The end date is before the start date.";
        else {
            from = *f;
            to = *t;
            period = to_uk(from) + " to " + to_uk(to);
        }
    }
    if (!u.error.empty()) {
        status_message(u.error, 2);
        u.state = {{"error", u.error}};
        ImGui::End();
        return;
    }

    std::vector<CaseState> states;
    for (const Case& c : session().ws().cases) {
        const CaseState* s = session().state_of(c.id);
        states.push_back(s ? *s : CaseState{});
    }
    const PanelReport rep = panel_report(session().ws(), states, session().calendar(), from, to);
    const std::string csv = report_to_csv(rep);
    const ChartSpec   spec = chart_of(rep, period);

    ImGui::PushTextWrapPos(0.0f);
    words_disabled(
        "%s to %s · %zu rows. Each school's row counts the pupils it proposed, started or received, "
        "and outcomes for both schools; the total counts each pupil once.",
        to_uk(from).c_str(), to_uk(to).c_str(), rep.rows.size());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Save CSV"))
        platform::download_file("panel-report-" + to_iso(from) + "-" + to_iso(to) + ".csv", csv, "text/csv");
    ImGui::SameLine();
    if (ImGui::Button("Print…"))
        platform::print_document("Panel report - " + period, print_json(rep, period, spec).dump());
    ImGui::Separator();
    if (rep.rows.empty())
        words_disabled("No cases were proposed, started or ended in this period.");
    else {
        table(rep);
        ImGui::Spacing();
        chart("panel-chart", spec,
              ImVec2(0, std::max(ImGui::GetFontSize() * 16,
                                 ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - 4)));
    }
    u.state = {{"period", period},
               {"from", to_iso(from)},
               {"to", to_iso(to)},
               {"rows", rep.rows.size()},
               {"csv", csv},
               {"columns", headings()},
               {"chart", {{"categories", spec.categories}, {"yMax", spec.y_max}}}};
    ImGui::End();
}

Json views_test_state() {
    const LastPng& png = last_png();
    return {{"attendance", attendance_test_state()},
            {"targets", targets_test_state()},
            {"report", rui().state},
            {"png", {{"file", png.file}, {"width", png.width}, {"height", png.height}, {"bytes", png.bytes}}}};
}

}  // namespace cp::app
