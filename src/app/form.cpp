#include "app/form.h"
#include "app/ui.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <sstream>

namespace cp::app {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

bool is_long_text(const FieldSpec& f) {
    const std::string n = f.name;
    return n == "notes" || n == "progress" || n == "concerns" || n == "support" || n == "description" || n == "text" ||
           n.find("views") != std::string::npos || n == "reasons" || n == "objectives" || n == "reason";
}

std::string label_of(const FieldSpec& f) {
    std::string l = f.label;
    if (!l.empty()) l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    return l + (f.required ? " *" : "");
}

} // namespace

std::string uk_date(const std::string& iso) {
    const auto d = parse_iso_date(iso);
    return d ? to_uk(*d) : iso;
}

EventForm::EventForm(EventType type, Date today, const Json& preset) : type_(type), today_(today) {
    for (const FieldSpec& f : spec_of(type).fields) {
        values_[f.name] = "";
        if (f.type == FieldType::date && std::string(f.name) == "date") values_[f.name] = to_uk(today);
    }
    for (auto it = preset.begin(); it != preset.end(); ++it) {
        if (it->is_boolean()) { checks_[it.key()] = it->get<bool>(); touched_[it.key()] = true; }
        else if (it->is_string()) values_[it.key()] = it->get<std::string>();
        else values_[it.key()] = it->dump();
    }
}

void EventForm::draw_field(const FieldSpec& f, float width) {
    std::string& v = values_[f.name];
    const std::string label = label_of(f);
    const std::string id = std::string("##") + f.name;   // tests find the field as "#<name>"
    ImGui::PushID(f.name);
    switch (f.type) {
    case FieldType::boolean: {
        bool b = checks_[f.name];
        if (ImGui::Checkbox((label + id).c_str(), &b)) { checks_[f.name] = b; touched_[f.name] = true; }
        break;
    }
    case FieldType::one_of: {
        ImGui::TextUnformatted(label.c_str());
        ImGui::SetNextItemWidth(width);
        const std::string shown = v.empty() ? "(choose)" : v;
        if (begin_combo(id.c_str(), shown.c_str())) {
            if (!f.required && ImGui::Selectable("(none)", v.empty())) v.clear();
            for (const char* option : f.values)
                if (ImGui::Selectable(option, v == option)) v = option;
            ImGui::EndCombo();
        }
        break;
    }
    case FieldType::date:
        ImGui::TextUnformatted(label.c_str());
        ImGui::SetNextItemWidth(160);
        ImGui::InputTextWithHint(id.c_str(), "DD/MM/YYYY", &v);
        ImGui::SameLine();
        if (ImGui::SmallButton("Today")) v = to_uk(today_);
        if (!v.empty() && !parse_uk_date(v)) { ImGui::SameLine(); ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "not a date (DD/MM/YYYY)"); }
        break;
    case FieldType::text_list:
        ImGui::TextUnformatted((label + " (one per line)").c_str());
        ImGui::InputTextMultiline(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 4.5f});
        break;
    case FieldType::object:
    case FieldType::object_list:
        ImGui::TextUnformatted((label + (f.type == FieldType::object ? " (name: value, one per line)" : " (JSON list)")).c_str());
        ImGui::InputTextMultiline(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 5});
        break;
    case FieldType::integer:
        ImGui::TextUnformatted(label.c_str());
        ImGui::SetNextItemWidth(120);
        ImGui::InputText(id.c_str(), &v, ImGuiInputTextFlags_CharsDecimal);
        break;
    case FieldType::text:
        ImGui::TextUnformatted(label.c_str());
        if (is_long_text(f)) ImGui::InputTextMultiline(id.c_str(), &v, {width, ImGui::GetTextLineHeight() * 3.5f});
        else { ImGui::SetNextItemWidth(width); ImGui::InputText(id.c_str(), &v); }
        break;
    }
    ImGui::PopID();
}

// Required fields first; the optional ones fold away so a long form (an agreement has twenty
// fields) still fits the screen with its buttons.
void EventForm::draw() {
    ImGui::PushID(spec_of(type_).name);
    const float width = std::min(520.0f, ImGui::GetContentRegionAvail().x);
    bool any_optional = false;
    for (const FieldSpec& f : spec_of(type_).fields) {
        if (f.required) draw_field(f, width);
        else any_optional = true;
    }
    if (any_optional && ImGui::TreeNodeEx("More details (optional)", ImGuiTreeNodeFlags_SpanAvailWidth)) {
        for (const FieldSpec& f : spec_of(type_).fields)
            if (!f.required) draw_field(f, width);
        ImGui::TreePop();
    }
    ImGui::PopID();
}

bool EventForm::build(Json& payload, std::vector<std::string>& problems) const {
    payload = Json::object();
    for (const FieldSpec& f : spec_of(type_).fields) {
        const auto vi = values_.find(f.name);
        const std::string v = vi == values_.end() ? "" : vi->second;
        const std::string name = label_of(f);
        const auto missing = [&] { if (f.required) problems.push_back(name + ": required"); };
        switch (f.type) {
        case FieldType::boolean:
            if (f.required || (touched_.count(f.name) && touched_.at(f.name))) payload[f.name] = checks_.count(f.name) && checks_.at(f.name);
            break;
        case FieldType::date:
            if (v.empty()) { missing(); break; }
            if (auto d = parse_uk_date(v)) payload[f.name] = to_iso(*d);
            else if (auto d2 = parse_iso_date(v)) payload[f.name] = to_iso(*d2);
            else problems.push_back(name + ": \"" + v + "\" is not a date; write it as DD/MM/YYYY");
            break;
        case FieldType::integer:
            if (v.empty()) { missing(); break; }
            try { payload[f.name] = std::stoi(v); } catch (...) { problems.push_back(name + ": expected a whole number"); }
            break;
        case FieldType::text_list: {
            auto items = lines_of(v);
            if (items.empty()) { missing(); break; }
            payload[f.name] = items;
            break;
        }
        case FieldType::object: {
            if (v.empty()) { missing(); break; }
            Json o = Json::object();
            for (const std::string& line : lines_of(v)) {
                const auto colon = line.find(':');
                if (colon == std::string::npos) { problems.push_back(name + ": \"" + line + "\" needs the form name: value"); continue; }
                std::string key = line.substr(0, colon), val = line.substr(colon + 1);
                while (!val.empty() && val.front() == ' ') val.erase(0, 1);
                o[key] = val;
            }
            payload[f.name] = o;
            break;
        }
        case FieldType::object_list: {
            if (v.empty()) { missing(); break; }
            const Json j = Json::parse(v, nullptr, false);
            if (j.is_discarded() || !j.is_array()) problems.push_back(name + ": expected a JSON list of objects");
            else payload[f.name] = j;
            break;
        }
        case FieldType::one_of:
        case FieldType::text:
            if (v.empty()) missing();
            else payload[f.name] = v;
            break;
        }
    }
    if (!problems.empty()) return false;
    Problems strict;
    validate_payload(type_, payload, "", "", strict);
    for (const Problem& p : strict) problems.push_back(p.path + ": " + p.message);
    return problems.empty();
}

} // namespace cp::app
