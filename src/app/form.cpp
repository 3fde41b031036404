#include "app/form.h"
#include "app/schools_view.h"
#include "app/ui.h"
#include "app/words.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <type_traits>

namespace cp::app {
namespace {

// Split by hand rather than with std::istringstream, which alone brought the whole of iostreams and
// locales (about 100 KB of wasm) into the app.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out.push_back(line);
        start = end + 1;
    }
    return out;
}

bool is_long_text(const FieldSpec& f) {
    const std::string n = f.name;
    return n == "notes" || n == "progress" || n == "concerns" || n == "support" || n == "description" || n == "text" ||
           n.find("views") != std::string::npos || n == "reasons" || n == "objectives" || n == "reason";
}

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

int days_in_month(int y, int m) {
    for (int d = 31; d >= 28; --d)
        if (is_valid_ymd(y, m, d)) return d;
    return 0;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The month a picker opens on: the field's date, else today.
Date picker_anchor(const std::string& v, Date today) {
    const auto d = parse_uk_date(v);
    return d ? *d : today;
}

// A month grid, Monday first. True when a day was chosen (written into `v` as DD/MM/YYYY).
bool month_grid(std::string& v, Ymd& shown, Date today) {
    if (ImGui::SmallButton("<")) {
        if (--shown.month < 1) {
            shown.month = 12;
            --shown.year;
        }
    }
    ImGui::SameLine();
    words_f("%s %d", kMonths[shown.month - 1], shown.year);
    ImGui::SameLine();
    if (ImGui::SmallButton(">")) {
        if (++shown.month > 12) {
            shown.month = 1;
            ++shown.year;
        }
    }
    const auto selected = parse_uk_date(v);
    bool       chosen = false;
    if (!ImGui::BeginTable("##days", 7, ImGuiTableFlags_SizingFixedSame)) return false;
    for (const char* w : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
        ImGui::TableNextColumn();
        words_disabled("%s", w);
    }
    const Date first = date_from_ymd(shown.year, shown.month, 1);
    for (int i = 0; i < weekday_of(first); ++i) ImGui::TableNextColumn();
    for (int day = 1; day <= days_in_month(shown.year, shown.month); ++day) {
        ImGui::TableNextColumn();
        const Date d = date_from_ymd(shown.year, shown.month, day);
        const bool mark = (selected && *selected == d) || d == today;
        if (mark)
            ImGui::PushStyleColor(
                ImGuiCol_Button,
                ImGui::GetStyleColorVec4(selected && *selected == d ? ImGuiCol_ButtonActive : ImGuiCol_FrameBgHovered));
        if (ImGui::SmallButton(std::to_string(day).c_str())) {
            v = to_uk(d);
            chosen = true;
        }
        if (mark) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
    return chosen;
}

}  // namespace

std::string date_problem(const std::string& text) {
    if (text.empty() || parse_uk_date(text) || parse_iso_date(text)) return "";
    std::string parts[3];
    int         n = 0;
    for (char c : text) {
        if (c == '/') {
            if (++n > 2) break;
        } else if (n <= 2)
            parts[n] += c;
    }
    if (n != 2 || !all_digits(parts[0]) || !all_digits(parts[1]) || !all_digits(parts[2]))
        return "Write the date as DD/MM/YYYY, for example 07/09/2026.";
    if (parts[2].size() != 4) return "Write the year in full, with four digits (" + parts[2] + ").";
    const int d = std::stoi(parts[0]), m = std::stoi(parts[1]), y = std::stoi(parts[2]);
    if (m < 1 || m > 12) return "There is no month " + parts[1] + ": the month comes second, 01 to 12.";
    if (d < 1 || d > days_in_month(y, m))
        return std::string(kMonths[m - 1]) + " " + parts[2] + " has " + std::to_string(days_in_month(y, m)) +
               " days; there is no day " + parts[0] + ".";
    return "Write the date as DD/MM/YYYY.";
}

namespace {

std::string label_of(const FieldSpec& f) {
    std::string l = f.label;
    if (!l.empty()) l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    return l + (f.required ? " *" : "");
}

struct PickerMonth {  // the month the open date picker shows
    Ymd shown{};
};

const FieldSpec* field_of(EventType type, const std::string& name) {
    for (const FieldSpec& f : spec_of(type).fields)
        if (name == f.name) return &f;
    return nullptr;
}

// A recorded value as a person would have typed it into its field: a date as DD/MM/YYYY, a list one
// item per line, a section's answers as "name: value" lines.
std::string as_typed(const Json& v, bool is_date) {
    if (v.is_string()) {
        const auto d = is_date ? parse_iso_date(v.get<std::string>()) : std::nullopt;
        return d ? to_uk(*d) : v.get<std::string>();
    }
    std::string out;
    if (v.is_array() && std::all_of(v.begin(), v.end(), [](const Json& x) { return x.is_string(); })) {
        for (const Json& x : v) out += (out.empty() ? "" : "\n") + x.get<std::string>();
        return out;
    }
    if (v.is_object() && std::all_of(v.begin(), v.end(), [](const Json& x) { return x.is_string(); })) {
        for (auto it = v.begin(); it != v.end(); ++it)
            out += (out.empty() ? "" : "\n") + it.key() + ": " + it->get<std::string>();
        return out;
    }
    return v.dump();
}

// Each value of a one_of field in the words the engine gives it ("Host school identified"), never its id.
Choices choices_of(EventType type, const FieldSpec& f) {
    Choices options;
    for (const char* o : f.values) {
        const char* l = option_label(type, f.name, o);
        options.emplace_back(o, l ? l : o);
    }
    return options;
}

}  // namespace

std::string uk_date(const std::string& iso) {
    const auto d = parse_iso_date(iso);
    return d ? to_uk(*d) : iso;
}

std::string EventForm::value(const std::string& field) const {
    const auto it = values_.find(field);
    return it == values_.end() ? "" : it->second;
}

EventForm::EventForm(EventType type, Date today, const Json& preset, std::set<std::string> hidden)
    : type_(type), today_(today), hidden_(std::move(hidden)) {
    for (const FieldSpec& f : spec_of(type).fields) {
        values_[f.name] = "";
        if (f.type == FieldType::date && std::string(f.name) == "date") values_[f.name] = to_uk(today);
        if (!f.columns.empty()) rows_[f.name].resize(static_cast<std::size_t>(std::max(f.start_rows, 1)));
        if (f.type == FieldType::one_of) choices_[f.name] = choices_of(type, f);
    }
    for (auto it = preset.begin(); it != preset.end(); ++it) {
        const FieldSpec* table = field_of(type, it.key());
        if (table && !table->columns.empty() && it->is_array()) {
            std::vector<Row>& rows = rows_[it.key()];
            rows.clear();
            for (const Json& r : *it) {
                Row& row = rows.emplace_back();
                for (const FieldSpec& c : table->columns)
                    if (r.contains(c.name))
                        row[c.name] = r[c.name].is_number_integer() ? std::to_string(r[c.name].get<long long>())
                                                                    : as_typed(r[c.name], c.type == FieldType::date);
            }
            continue;
        }
        if (it->is_boolean()) {
            checks_[it.key()] = it->get<bool>();
            touched_[it.key()] = true;
        } else {
            const FieldSpec* f = field_of(type, it.key());
            values_[it.key()] = as_typed(*it, f && f->type == FieldType::date);
        }
    }
    // What the form filled in for the person (a notice from the agreement) is shown, to be checked; and
    // a step of the protocol shows what it asks, which is all it is for.
    show_details_ = type == EventType::step_recorded;
    for (const FieldSpec& f : spec_of(type).fields)
        show_details_ = show_details_ || (!f.required && !f.with_field && !hidden_.count(f.name) &&
                                          preset.contains(f.name) && !values_[f.name].empty());
    initial_values_ = values_;
    initial_checks_ = checks_;
    initial_rows_ = rows_;
}

bool EventForm::changed() const {
    const auto differs = [](const auto& now, const auto& then) {
        for (const auto& [k, v] : now) {
            const auto it = then.find(k);
            if (it == then.end() ? v != typename std::decay_t<decltype(now)>::mapped_type{} : it->second != v)
                return true;
        }
        return false;
    };
    return differs(values_, initial_values_) || differs(checks_, initial_checks_) || rows_ != initial_rows_;
}

void EventForm::set_choices(const std::string& field, Choices choices) {
    if (choices.size() == 1 && values_[field].empty()) {  // nothing to choose between: chosen, and not a change
        values_[field] = choices.front().first;
        initial_values_[field] = choices.front().first;
    }
    choices_[field] = std::move(choices);
}

void EventForm::pick_list(const FieldSpec& f, const std::string& label, std::string& v, float width,
                          const Choices& options) {
    words(label.c_str());
    item_width(width);
    std::string shown = "(choose)";  // a word not on the list (an older edition's) is chosen again
    for (const auto& [word, name] : options)
        if (word == v) shown = name;
    if (begin_combo((std::string("##") + f.name).c_str(), shown.c_str())) {
        if (!f.required && ImGui::Selectable("(none)", v.empty())) v.clear();
        for (const auto& [word, name] : options)
            if (ImGui::Selectable((name + "##" + word).c_str(), v == word)) v = word;
        ImGui::EndCombo();
    }
}

void EventForm::draw_field(const FieldSpec& f, float width) {
    if (hidden_.count(f.name)) return;
    std::string&      v = values_[f.name];
    const std::string label = label_of(f);
    const std::string id = std::string("##") + f.name;  // tests find the field as "#<name>"
    ImGui::PushID(f.name);
    switch (f.type) {
        case FieldType::boolean: {
            bool b = checks_[f.name];
            if (checkbox((label + id).c_str(), &b)) {
                checks_[f.name] = b;
                touched_[f.name] = true;
            }
            break;
        }
        case FieldType::one_of: pick_list(f, label, v, width, choices_[f.name]); break;
        case FieldType::date:
            words(label.c_str());
            item_width(160);
            input_with_hint(id.c_str(), "DD/MM/YYYY", &v);
            same_line_if_fits(button_width("Calendar"));
            date_picker(v);
            same_line_if_fits(button_width("Today"));
            if (ImGui::SmallButton("Today")) v = to_uk(today_);
            if (const std::string why = date_problem(v); !why.empty()) status_message(why, 1);
            break;
        case FieldType::text_list:
            if (!f.values.empty()) {
                ticked_list(f, label, v, width);
                break;
            }
            words((label + " (one per line)").c_str());
            text_area(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 4.5f});
            break;
        case FieldType::object:
            words((label + " (name: value, one per line)").c_str());
            text_area(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 5});
            break;
        case FieldType::object_list:
            words(label.c_str());
            draw_table(f, width);
            break;
        case FieldType::school:
            words(label.c_str());
            school_picker(id.c_str(), v, width);
            break;
        case FieldType::integer:
            words(label.c_str());
            item_width(120);
            text_input(id.c_str(), &v, ImGuiInputTextFlags_CharsDecimal);
            break;
        case FieldType::text:
            if (const auto it = choices_.find(f.name); it != choices_.end()) {
                pick_list(f, label, v, width, it->second);
                break;
            }
            words(label.c_str());
            if (is_long_text(f))
                text_area(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 3.5f});
            else {
                item_width(width);
                text_input(id.c_str(), &v);
            }
            break;
    }
    ImGui::PopID();
}

// A list whose usual items are ticked by their plain names; anything else is written in below. The
// value stays the list's lines (the usual items by their ids), as the payload keeps them.
void EventForm::ticked_list(const FieldSpec& f, const std::string& label, std::string& v, float width) {
    const std::vector<std::string> lines = lines_of(v);
    const auto                     usual = [&](const std::string& x) {
        return std::any_of(f.values.begin(), f.values.end(), [&](const char* o) { return x == o; });
    };
    std::vector<std::string> ticked, other;
    for (const std::string& x : lines) (usual(x) ? ticked : other).push_back(x);
    words(label.c_str());
    bool changed = false;
    for (const char* o : f.values) {
        bool        on = std::find(ticked.begin(), ticked.end(), o) != ticked.end();
        const char* words = option_label(type_, f.name, o);
        if (checkbox((std::string(words ? words : o) + "##" + o).c_str(), &on)) {
            changed = true;
            if (on)
                ticked.push_back(o);
            else
                ticked.erase(std::find(ticked.begin(), ticked.end(), o));
        }
    }
    std::string rest;
    for (const std::string& x : other) rest += (rest.empty() ? "" : "\n") + x;
    words("Anything else (one per line)");
    changed |=
        text_area((std::string("##") + f.name + "_other").c_str(), &rest, {width, ImGui::GetTextLineHeight() * 2.5f});
    if (!changed) return;
    v.clear();
    for (const char* o : f.values)  // the usual items in their own order, then the rest as written
        if (std::find(ticked.begin(), ticked.end(), o) != ticked.end()) v += (v.empty() ? "" : "\n") + std::string(o);
    for (const std::string& x : lines_of(rest)) v += (v.empty() ? "" : "\n") + x;
}

// A button that opens a small month calendar under the field.
void EventForm::date_picker(std::string& v) {
    Ymd& shown = screen_state<PickerMonth>().shown;  // the month the open calendar shows
    if (ImGui::SmallButton("Calendar")) {
        shown = ymd_of(picker_anchor(v, today_));
        ImGui::OpenPopup("##datepicker");
    }
    if (!ImGui::BeginPopup("##datepicker")) return;
    if (month_grid(v, shown, today_) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// A table of rows, one input per column; cells are found as "#<column>_<row>" (rows from 1).
void EventForm::draw_table(const FieldSpec& f, float width) {
    std::vector<Row>& rows = rows_[f.name];
    const float       wide = std::max(width, ImGui::GetFontSize() * 30);
    const int         n = static_cast<int>(f.columns.size());
    if (ImGui::BeginTable("##rows", n + 1, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH,
                          {wide, 0})) {
        // A number is as wide as its heading; a school's name gets most of the rest.
        for (const FieldSpec& c : f.columns) {
            const std::string heading = label_of(c);
            if (c.type == FieldType::integer)
                ImGui::TableSetupColumn(heading.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                        ImGui::CalcTextSize(heading.c_str()).x + ImGui::GetFontSize());
            else
                ImGui::TableSetupColumn(heading.c_str(), ImGuiTableColumnFlags_WidthStretch,
                                        c.type == FieldType::school ? 3.0f : 1.5f);
        }
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        std::size_t remove = rows.size();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string n1 = "_" + std::to_string(i + 1);
            for (const FieldSpec& c : f.columns) {
                ImGui::TableNextColumn();
                std::string&      cell = rows[i][c.name];
                const std::string cid = std::string("##") + c.name + n1;
                const float       w = ImGui::GetContentRegionAvail().x;
                if (c.type == FieldType::school)
                    school_picker(cid.c_str(), cell, w);
                else {
                    item_width(w);
                    text_input(cid.c_str(), &cell, c.type == FieldType::integer ? ImGuiInputTextFlags_CharsDecimal : 0);
                }
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(("Remove##row" + n1).c_str())) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (remove < rows.size()) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(remove));
    }
    if (ImGui::SmallButton("Add a row")) rows.emplace_back();
}

// Required fields first; the optional ones fold away so a long form (an agreement has twenty
// fields) still fits the screen with its buttons.
void EventForm::draw() {
    ImGui::PushID(spec_of(type_).name);
    const float width = std::min(520.0f, ImGui::GetContentRegionAvail().x);
    bool        any_optional = false;
    const auto& fields = spec_of(type_).fields;
    for (const FieldSpec& f : fields) {
        if (f.required) {
            draw_field(f, width);
            // What goes with the choice just made is asked for there, not folded away below.
            for (const FieldSpec& g : fields)
                if (g.with_field && f.name == std::string(g.with_field) && value(f.name) == g.with_value)
                    draw_field(g, width);
        } else if (!f.with_field) {
            any_optional = any_optional || !hidden_.count(f.name);
        }
    }
    if (show_details_) {
        ImGui::SetNextItemOpen(true);
        show_details_ = false;
    }
    // The notice's contents are optional to record but all needed before the first day (reg 3).
    const char* details = type_ == EventType::notice_sent ? "What the notice says (all needed before the first day)"
                                                          : "More details (optional)";
    if (any_optional && ImGui::TreeNodeEx(details, ImGuiTreeNodeFlags_SpanAvailWidth)) {
        for (const FieldSpec& f : fields)
            if (!f.required && !f.with_field) draw_field(f, width);
        ImGui::TreePop();
    }
    ImGui::PopID();
}

// A table's rows as the payload holds them: blank rows left out, numbers as numbers; a row that
// misses a required cell is named by its number.
Json EventForm::build_rows(const FieldSpec& f, std::vector<std::string>& problems) const {
    Json       out = Json::array();
    const auto it = rows_.find(f.name);
    if (it == rows_.end()) return out;
    for (std::size_t i = 0; i < it->second.size(); ++i) {
        const Row& row = it->second[i];
        if (std::all_of(row.begin(), row.end(), [](const auto& cell) { return cell.second.empty(); })) continue;
        Json              o = Json::object();
        const std::string where = label_of(f) + ", row " + std::to_string(i + 1) + ": ";
        for (const FieldSpec& c : f.columns) {
            const auto        cell = row.find(c.name);
            const std::string v = cell == row.end() ? "" : cell->second;
            if (v.empty()) {
                if (c.required) problems.push_back(where + c.label + " is needed");
            } else if (c.type == FieldType::integer) {
                if (all_digits(v) && v.size() < 9)
                    o[c.name] = std::stoi(v);
                else
                    problems.push_back(where + c.label + " is a whole number");
            } else
                o[c.name] = v;
        }
        out.push_back(std::move(o));
    }
    return out;
}

bool EventForm::build(Json& payload, std::vector<std::string>& problems) const {
    payload = Json::object();
    for (const FieldSpec& f : spec_of(type_).fields) {
        if (f.with_field && value(f.with_field) != f.with_value) continue;  // not shown for the choice made
        const auto        vi = values_.find(f.name);
        const std::string v = vi == values_.end() ? "" : vi->second;
        const std::string name = label_of(f);
        const auto        missing = [&] {
            if (f.required) problems.push_back(name + ": required");
        };
        switch (f.type) {
            case FieldType::boolean:
                if (f.required || (touched_.count(f.name) && touched_.at(f.name)))
                    payload[f.name] = checks_.count(f.name) && checks_.at(f.name);
                break;
            case FieldType::date:
                if (v.empty()) {
                    missing();
                    break;
                }
                if (auto d = parse_uk_date(v))
                    payload[f.name] = to_iso(*d);
                else if (auto d2 = parse_iso_date(v))
                    payload[f.name] = to_iso(*d2);
                else
                    problems.push_back(name + ": " + date_problem(v));
                break;
            case FieldType::integer:
                if (v.empty()) {
                    missing();
                    break;
                }
                try {
                    payload[f.name] = std::stoi(v);
                } catch (...) { problems.push_back(name + ": expected a whole number"); }
                break;
            case FieldType::text_list: {
                auto items = lines_of(v);
                if (items.empty()) {
                    missing();
                    break;
                }
                payload[f.name] = items;
                break;
            }
            case FieldType::object: {
                if (v.empty()) {
                    missing();
                    break;
                }
                Json o = Json::object();
                for (const std::string& line : lines_of(v)) {
                    const auto colon = line.find(':');
                    if (colon == std::string::npos) {
                        problems.push_back(name + ": \"" + line + "\" needs the form name: value");
                        continue;
                    }
                    std::string key = line.substr(0, colon), val = line.substr(colon + 1);
                    while (!val.empty() && val.front() == ' ') val.erase(0, 1);
                    if (!val.empty()) o[key] = val;  // a name left blank says nothing
                }
                payload[f.name] = o;
                break;
            }
            case FieldType::object_list: {
                Json rows = build_rows(f, problems);
                if (rows.empty())
                    missing();
                else
                    payload[f.name] = std::move(rows);
                break;
            }
            case FieldType::one_of:
            case FieldType::school:
            case FieldType::text:
                if (v.empty())
                    missing();
                else
                    payload[f.name] = v;
                break;
        }
    }
    if (!problems.empty()) return false;
    Problems strict;
    validate_payload(type_, payload, "", "", strict);
    // Named by the field's label as a person reads it ("Register codes: …"), never by its key.
    for (const Problem& p : strict) {
        const std::string key = p.path.substr(p.path.empty() ? 0 : 1, p.path.find('/', 1) - 1);
        std::string       label;
        for (const FieldSpec& f : spec_of(type_).fields)
            if (key == f.name) label = label_of(f);
        problems.push_back(label.empty() ? p.message : label + ": " + p.message);
    }
    return problems.empty();
}

}  // namespace cp::app
