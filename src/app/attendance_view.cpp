// The Attendance tab: the host school's register for the placement, one row per school week (from
// the school calendar), ten sessions Mon–Fri AM/PM, in the 2024 register codes (engine's table:
// register_codes). Keyboard entry: click a cell, type codes (the cursor moves on, skipping days
// that are not school days of the placement), arrows/Tab/Shift+Tab move, Backspace/Delete clear,
// Enter saves the selected week as an attendance_week event through the session (the engine
// checks it). Weeks imported from a host school's case package are the same events, so they show
// here too. Percentages, the pack's thresholds and the plan's alerts come from the engine's plan.
#include "app/attendance_view.h"
#include "app/locator.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>

#include "app/charts.h"
#include "app/fonts.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

constexpr int kCells = 10;
const char*   kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri"};

struct Row {
    Date                monday{};
    std::string         blank;  // '-' where there is no session for this placement, ' ' to fill
    std::string         saved;  // codes as recorded ("" when the week has no record)
    std::optional<Date> reported;
};

struct Grid {
    std::string                 case_id;
    std::map<Date, std::string> edits;               // weeks being edited, not yet saved
    int                         row = -1, cell = 0;  // the selected cell
    std::string                 message;             // result of the last save or keystroke
    int                         message_sev = 3;
};

Grid& grid() { return screen_state<Grid>(); }

struct LastState {
    Json j = Json::object();
};
Json& last_state() { return screen_state<LastState>().j; }

Date monday_of(Date d) { return add_days(d, -weekday_of(d)); }

// The placement's school weeks up to today (or its end), plus every week that has a record.
std::vector<Row> rows_of(const CaseState& s, const CasePlan& p) {
    const SchoolCalendar& cal = session().calendar();
    std::map<Date, Row>   rows;
    std::optional<Date>   end = p.planned_end;
    if (s.ended) end = s.ended->date;
    if (s.outcome && (!end || s.outcome->date < *end)) end = s.outcome->date;
    const std::optional<Date> start = s.started;
    auto                      blank_of = [&](Date monday) {
        std::string b(kCells, '-');
        for (int i = 0; i < 5; ++i) {
            const Date d = add_days(monday, i);
            const bool due = cal.is_school_day(d) && (!start || d >= *start) && (!end || d <= *end);
            if (due) b[2 * i] = b[2 * i + 1] = ' ';
        }
        return b;
    };
    if (start) {
        const Date last = end ? std::min(*end, session().today()) : session().today();
        Date       monday = monday_of(*start);
        for (int guard = 0; monday <= last && guard < 80; ++guard, monday = add_days(monday, 7)) {
            Row r{monday, blank_of(monday), "", std::nullopt};
            if (r.blank.find(' ') != std::string::npos) rows[monday] = r;
        }
    }
    for (const AttendanceWeek& w : s.attendance) {
        Row& r = rows[w.week_start];
        r.monday = w.week_start;
        if (r.blank.empty()) r.blank = blank_of(w.week_start);
        r.saved = w.sessions;
        r.reported = w.reported;
    }
    std::vector<Row> out;
    for (auto& [d, r] : rows) out.push_back(r);
    return out;
}

std::string current(const Row& r) {
    const auto it = grid().edits.find(r.monday);
    if (it != grid().edits.end()) return it->second;
    if (!r.saved.empty()) {
        std::string s = r.saved;
        s.resize(kCells, '-');
        return s;
    }
    return r.blank;
}

ImU32 cell_colour(char c) {
    const RegisterCode* rc = find_register_code(c);
    if (c == ' ') return IM_COL32(255, 255, 255, 255);
    if (!rc) return IM_COL32(255, 205, 210, 255);
    switch (rc->group) {
        case CodeGroup::present: return IM_COL32(212, 237, 218, 255);
        case CodeGroup::approved_activity: return IM_COL32(207, 226, 255, 255);
        case CodeGroup::authorised_absence: return IM_COL32(255, 236, 181, 255);
        case CodeGroup::unauthorised_absence: return IM_COL32(248, 200, 205, 255);
        case CodeGroup::not_possible: return IM_COL32(228, 228, 228, 255);
    }
    return IM_COL32(255, 255, 255, 255);
}

std::string percent_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v);
    return buf;
}

// ---- keyboard entry --------------------------------------------------------------------------

void move(const std::vector<Row>& rows, int step, bool skip_no_session) {
    Grid& g = grid();
    int   row = g.row, cell = g.cell;
    for (int guard = 0; guard < kCells * static_cast<int>(rows.size()) + 1; ++guard) {
        cell += step;
        if (cell >= kCells) {
            if (row + 1 >= static_cast<int>(rows.size())) return;
            ++row;
            cell = 0;
        }
        if (cell < 0) {
            if (row == 0) return;
            --row;
            cell = kCells - 1;
        }
        if (!skip_no_session || rows[row].blank[cell] != '-') {
            g.row = row;
            g.cell = cell;
            return;
        }
    }
}

void set_cell(const Row& r, int cell, char code) {
    std::string codes = current(r);
    codes[cell] = code;
    grid().edits[r.monday] = codes;
    if (!r.saved.empty() && codes == r.saved) grid().edits.erase(r.monday);
}

void save_week(const std::string& case_id, const Row& r) {
    Grid&             g = grid();
    const std::string codes = current(r);
    // The engine's check, the same one every other way of recording a week meets.
    if (const std::string problem = attendance_week_problem(to_iso(r.monday), codes); !problem.empty()) {
        g.message = "Not recorded: " + problem + ".";
        g.message_sev = 2;
        return;
    }
    if (!r.saved.empty() && codes == r.saved) {
        g.message = "The week of " + to_uk(r.monday) + " is already recorded as shown.";
        g.message_sev = 3;
        return;
    }
    const Json payload = {
        {"week_start", to_iso(r.monday)}, {"sessions", codes}, {"reported", to_iso(session().today())}};
    const DraftVerdict v = session().record(case_id, {session().author(), EventType::attendance_week, payload, ""});
    if (!v.allowed) {
        g.message = "Not recorded: ";
        for (const Alert& a : v.blocking) g.message += a.message + " ";
        g.message_sev = 2;
        return;
    }
    g.edits.erase(r.monday);
    g.message = "Recorded the week of " + to_uk(r.monday) + ".";
    g.message_sev = 0;
}

void keyboard(const std::string& case_id, const std::vector<Row>& rows) {
    Grid& g = grid();
    if (g.row < 0 || g.row >= static_cast<int>(rows.size()) || session().read_only()) return;
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar w = io.InputQueueCharacters[i];
        char          c = w < 128 ? static_cast<char>(std::toupper(static_cast<int>(w))) : '?';
        if (c == '.' || c == ' ') c = g.cell % 2 == 0 ? '/' : '\\';  // quick "present" for the session
        if (!find_register_code(c)) {
            g.message = std::string("\"") + c + "\" is not a register code: hover a cell or open the code list below.";
            g.message_sev = 2;
            continue;
        }
        set_cell(rows[g.row], g.cell, c);
        g.message.clear();
        move(rows, 1, true);
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) move(rows, 1, false);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) move(rows, -1, false);
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow) && g.row + 1 < static_cast<int>(rows.size())) ++g.row;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) && g.row > 0) --g.row;
    if (ImGui::IsKeyPressed(ImGuiKey_Tab)) move(rows, io.KeyShift ? -1 : 1, true);
    if (ImGui::IsKeyPressed(ImGuiKey_Delete))
        set_cell(rows[g.row], g.cell, rows[g.row].blank[g.cell] == '-' ? '-' : ' ');
    if (ImGui::IsKeyPressed(ImGuiKey_Backspace)) {
        set_cell(rows[g.row], g.cell, rows[g.row].blank[g.cell] == '-' ? '-' : ' ');
        move(rows, -1, true);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) {
        // The weeks typed and not yet saved: after a week's tenth code the cursor has already moved
        // on to the next week, which is not the one the person means to save.
        bool saved = false;
        for (const Row& r : rows)
            if (g.edits.count(r.monday)) {
                save_week(case_id, r);
                saved = true;
            }
        if (!saved) save_week(case_id, rows[g.row]);
    }
}

// ---- drawing ---------------------------------------------------------------------------------

void cell_tooltip(const Row& r, int cell, char code) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    ImGui::BeginTooltip();
    words_f("%s %s, %s", kDays[cell / 2], to_uk(add_days(r.monday, cell / 2)).c_str(),
            cell % 2 ? "afternoon (PM)" : "morning (AM)");
    const RegisterCode* rc = find_register_code(code);
    if (code == ' ')
        words_disabled("Not entered yet: type a code.");
    else if (rc) {
        words_f("%c  %s", code, rc->meaning);
        words_disabled("%s", code_group_label(rc->group));
    } else
        words_f("%c  is not a 2024 register code", code);
    if (r.blank[cell] != '-') words_disabled("Home school register: D (dual registered), implied.");
    ImGui::EndTooltip();
}

void register_grid(const std::string& case_id, const std::vector<Row>& rows) {
    Grid&       g = grid();
    const float fs = ImGui::GetFontSize();
    const float week_w = fs * 7.5f, cw = fs * 2.0f, ch = ImGui::GetFrameHeight(), pct_w = fs * 4.5f;
    const float height = std::min(ch * (rows.size() + 2.6f) + 8, fs * 22);
    ImGui::BeginChild("##register", ImVec2(0, height), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_HorizontalScrollbar);
    const bool focused = ImGui::IsWindowFocused();
    // Arrived at by the keyboard (or a click between the cells): the first week still to record is
    // ready to type into.
    if (focused && (g.row < 0 || g.row >= static_cast<int>(rows.size())) && !rows.empty()) {
        const auto open = std::find_if(rows.begin(), rows.end(), [](const Row& r) {
            return r.saved.empty() && r.blank.find_first_not_of('-') != std::string::npos;  // a school week
        });
        g.row = static_cast<int>((open == rows.end() ? rows.end() - 1 : open) - rows.begin());
        g.cell = 0;
    }
    if (focused) keyboard(case_id, rows);
    ImDrawList*  dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Header: days over their two sessions.
    for (int d = 0; d < 5; ++d) {
        const float  x = origin.x + week_w + d * 2 * cw;
        const ImVec2 ts = ImGui::CalcTextSize(kDays[d]);
        dl->AddText(ImVec2(x + cw - ts.x * 0.5f, origin.y), ImGui::GetColorU32(ImGuiCol_Text), kDays[d]);
        for (int s = 0; s < 2; ++s) {
            const char*  w = s ? "PM" : "AM";
            const ImVec2 ws = ImGui::CalcTextSize(w);
            dl->AddText(ImVec2(x + s * cw + (cw - ws.x) * 0.5f, origin.y + ch * 0.8f),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), w);
        }
    }
    dl->AddText(ImVec2(origin.x, origin.y + ch * 0.8f), ImGui::GetColorU32(ImGuiCol_TextDisabled), "Week beginning");
    dl->AddText(ImVec2(origin.x + week_w + kCells * cw + 8, origin.y + ch * 0.8f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), "Week");
    dl->AddText(ImVec2(origin.x + week_w + kCells * cw + 8 + pct_w, origin.y + ch * 0.8f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), "Record");
    ImGui::Dummy(ImVec2(week_w + kCells * cw + pct_w + fs * 12, ch * 1.9f));

    for (int ri = 0; ri < static_cast<int>(rows.size()); ++ri) {
        const Row&        r = rows[ri];
        const std::string codes = current(r);
        const bool        edited = g.edits.count(r.monday) > 0;
        const ImVec2      at = ImGui::GetCursorScreenPos();
        dl->AddText(ImVec2(at.x, at.y + (ch - fs) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), to_uk(r.monday).c_str());
        for (int c = 0; c < kCells; ++c) {
            const ImVec2 a(at.x + week_w + c * cw, at.y), b(a.x + cw - 2, a.y + ch - 2);
            ImGui::SetCursorScreenPos(a);
            const std::string id = "##att-" + to_iso(r.monday) + "-" + std::to_string(c);
            if (ImGui::InvisibleButton(id.c_str(), ImVec2(cw - 2, ch - 2))) {
                g.row = ri;
                g.cell = c;
            }
            const char code = codes[c];
            dl->AddRectFilled(a, b, cell_colour(code), 2);
            const bool sel = g.row == ri && g.cell == c;
            dl->AddRect(a, b,
                        sel ? (focused ? IM_COL32(20, 80, 200, 255) : IM_COL32(120, 140, 180, 255))
                            : IM_COL32(190, 190, 190, 255),
                        2, 0, sel ? 2.5f : 1.0f);
            const char   text[2] = {code == ' ' ? '\0' : code, '\0'};
            const ImVec2 ts = ImGui::CalcTextSize(text);
            dl->AddText(ImVec2(a.x + (cw - 2 - ts.x) * 0.5f, a.y + (ch - 2 - ts.y) * 0.5f),
                        code == '-' ? IM_COL32(130, 130, 130, 255) : IM_COL32(20, 20, 25, 255), text);
            cell_tooltip(r, c, code);
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x + week_w + kCells * cw + 8, at.y + (ch - fs) * 0.5f));
        const SessionCount n = count_sessions(codes);
        if (n.possible > 0 && codes.find(' ') == std::string::npos)
            words(percent_text(n.percent()).c_str());
        else
            words_disabled("–");
        ImGui::SetCursorScreenPos(ImVec2(at.x + week_w + kCells * cw + 8 + pct_w, at.y));
        ImGui::PushID(ri);
        if (edited) {
            ImGui::BeginDisabled(session().read_only());
            if (ImGui::SmallButton("Save week")) save_week(case_id, r);
            ImGui::EndDisabled();
            ImGui::SameLine();
            status_text("unsaved", 1);
        } else if (!r.saved.empty()) {
            words_disabled("%s", r.reported ? ("reported " + to_uk(*r.reported)).c_str() : "recorded");
        } else {
            words_disabled("not recorded");
        }
        ImGui::PopID();
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ch));
    }
    if (rows.empty()) words_disabled("No school weeks yet: the register opens on the placement's first day.");
    ImGui::Dummy(ImVec2(1, 2));
    ImGui::EndChild();
    locator_name_last_item("Attendance register");  // one stop for the keyboard, which types into it
}

ChartSpec chart_of(const std::vector<Row>& rows, const CasePlan& p, const CaseState& s) {
    ChartSpec c;
    c.title = "Attendance at the host school by week";
    c.y_suffix = "%";
    c.file_name = "attendance-" + s.case_id + ".png";
    ChartSeries  week{"Week", {}, IM_COL32(70, 130, 200, 255)};
    ChartSeries  to_date{"To date", {}, IM_COL32(20, 20, 25, 255)};
    SessionCount sum;
    for (const Row& r : rows) {
        if (r.saved.empty()) continue;
        if (s.started && add_days(r.monday, 6) < *s.started) continue;
        const SessionCount n = count_sessions(r.saved);
        if (n.possible == 0) continue;
        sum.possible += n.possible;
        sum.present += n.present;
        c.categories.push_back(to_uk(r.monday).substr(0, 5));
        week.values.push_back(n.percent());
        to_date.values.push_back(sum.percent());
    }
    c.bars.push_back(week);
    c.lines.push_back(to_date);
    const Pack* pack = session().packs().find(s.pack);
    for (const AttendanceCheck& chk : p.attendance.checks) {
        const bool        pa = chk.rule_id.rfind("england/", 0) == 0;
        const std::string who = pa ? "Persistent absence" : (pack ? pack->local_authority : s.pack);
        c.thresholds.push_back({static_cast<double>(chk.threshold),
                                who + ": " + chk.compare + " " + std::to_string(chk.threshold) + "%",
                                pa ? IM_COL32(176, 0, 32, 255) : IM_COL32(200, 120, 0, 255)});
    }
    double lowest = 100;
    for (double v : week.values) lowest = std::min(lowest, v);
    for (const auto& t : c.thresholds) lowest = std::min(lowest, t.value);
    c.y_min = lowest >= 60 ? 50 : 0;
    return c;
}

void code_list() {
    if (!ImGui::TreeNode("Register codes (2024 regulations)")) return;
    if (ImGui::BeginTable("codes", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Code", 0, 0.3f);
        ImGui::TableSetupColumn("Meaning", 0, 3.0f);
        ImGui::TableSetupColumn("Counts as", 0, 1.6f);
        ImGui::TableHeadersRow();
        for (const RegisterCode& rc : register_codes()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            words_f("%c", rc.code);
            ImGui::TableNextColumn();
            words_wrapped("%s", rc.meaning);
            ImGui::TableNextColumn();
            words(code_group_label(rc.group));
        }
        ImGui::EndTable();
    }
    ImGui::TreePop();
}

}  // namespace

void attendance_tab(const std::string& case_id) {
    const CaseState* s = session().state_of(case_id);
    const CasePlan*  p = nullptr;
    for (const CasePlan& x : session().plans())
        if (x.case_id == case_id) p = &x;
    if (!s || !p) return;
    Grid& g = grid();
    if (g.case_id != case_id) g = {case_id, {}, -1, 0, "", 3};
    const std::vector<Row> rows = rows_of(*s, *p);
    if (g.row >= static_cast<int>(rows.size())) g.row = -1;

    begin_pane("##attendance");
    const AttendanceSummary& a = p->attendance;
    std::string              summary = "Attendance to date: no possible sessions recorded yet";
    if (a.possible > 0) {
        summary = "Attendance to date: " + percent_text(a.percent) + " (" + std::to_string(a.present) + " of " +
                  std::to_string(a.possible) + " possible sessions, " + std::to_string(a.weeks) +
                  (a.weeks == 1 ? " week)" : " weeks)");
    }
    ImGui::PushFont(fonts().bold);
    words_wrapped("%s", summary.c_str());
    ImGui::PopFont();
    Json checks = Json::array();
    for (const AttendanceCheck& c : p->attendance.checks) {
        const bool        pa = c.rule_id.rfind("england/", 0) == 0;
        const std::string text = std::string(pa ? "Persistent absence threshold" : "Protocol threshold") +
                                 ": attendance " + c.compare + " " + std::to_string(c.threshold) + "%";
        // On the summary's line while they fit, on lines of their own in a narrow window.
        const std::string shown = "  |  " + text;
        same_line_if_fits(ImGui::CalcTextSize(shown.c_str()).x);
        words_disabled("%s", shown.c_str());
        const char* verdict = c.met ? "met" : (c.saved_by_illness_extension ? "below (illness extension)" : "below");
        same_line_if_fits(ImGui::CalcTextSize(verdict).x);
        status_text(verdict, c.met ? 0 : 2);
        checks.push_back({{"rule", c.rule_id}, {"threshold", c.threshold}, {"compare", c.compare}, {"met", c.met}});
    }
    Json alerts = Json::array();
    for (const Alert& al : p->alerts) {
        const bool ours = std::any_of(p->attendance.checks.begin(), p->attendance.checks.end(),
                                      [&](const AttendanceCheck& c) { return c.rule_id == al.rule_id; });
        if (!ours) continue;
        status_text(al.level == AlertLevel::blocking  ? "Blocks"
                    : al.level == AlertLevel::warning ? "Warning"
                                                      : "Note",
                    al.level == AlertLevel::blocking  ? 2
                    : al.level == AlertLevel::warning ? 1
                                                      : 3);
        ImGui::SameLine();
        words_wrapped("%s", al.message.c_str());
        citation_tooltip(al.message, al.citation.text);
        alerts.push_back({{"level", alert_level_name(al.level)}, {"rule", al.rule_id}, {"message", al.message}});
    }
    for (const Deadline& d : p->deadlines)
        if (d.what.rfind("Attendance for the week of", 0) == 0 && d.status != DeadlineStatus::met) {
            status_text(d.status == DeadlineStatus::overdue ? "Overdue" : "Due",
                        d.status == DeadlineStatus::overdue ? 2 : 1);
            ImGui::SameLine();
            words_wrapped("%s, by %s (%s)", d.what.c_str(), to_uk(d.date).c_str(), d.who.c_str());
        }
    words_disabled_wrapped(
        "Click a cell and type codes; arrows and Tab move, Enter saves the week. The home school marks D for these "
        "sessions.");

    register_grid(case_id, rows);
    if (!g.message.empty()) status_message(g.message, g.message_sev);
    if (g.row >= 0 && g.row < static_cast<int>(rows.size()) && !session().read_only()) {
        if (ImGui::Button(("Save the week of " + to_uk(rows[g.row].monday)).c_str())) save_week(case_id, rows[g.row]);
        ImGui::SameLine();
    }
    if (!g.edits.empty())
        status_text(
            (std::to_string(g.edits.size()) + (g.edits.size() == 1 ? " week" : " weeks") + " not saved").c_str(), 1);
    else
        ImGui::NewLine();
    code_list();
    ImGui::Spacing();
    const ChartSpec spec = chart_of(rows, *p, *s);
    chart("attendance-chart", spec, ImVec2(0, ImGui::GetFontSize() * 16));
    ImGui::EndChild();

    Json weeks = Json::array();
    for (const Row& r : rows) {
        const std::string  codes = current(r);
        const SessionCount n = count_sessions(codes);
        weeks.push_back({{"week", to_uk(r.monday)},
                         {"sessions", codes},
                         {"recorded", !r.saved.empty()},
                         {"edited", g.edits.count(r.monday) > 0},
                         {"percent", std::round(n.percent() * 10) / 10},
                         {"possible", n.possible}});
    }
    Json thresholds = Json::array();
    for (const auto& t : spec.thresholds) thresholds.push_back({{"value", t.value}, {"label", t.label}});
    last_state() = {{"caseId", case_id},
                    {"summary", summary},
                    {"percent", std::round(a.percent * 10) / 10},
                    {"present", a.present},
                    {"possible", a.possible},
                    {"weeks", weeks},
                    {"checks", checks},
                    {"alerts", alerts},
                    {"message", g.message},
                    {"selected", g.row >= 0 && g.row < static_cast<int>(rows.size())
                                     ? Json{{"week", to_uk(rows[g.row].monday)}, {"cell", g.cell}}
                                     : Json()},
                    {"chart", {{"categories", spec.categories}, {"thresholds", thresholds}}}};
}

Json attendance_test_state() { return last_state(); }

}  // namespace cp::app
