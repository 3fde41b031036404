// form.h: a form for one event type, built from the engine's payload schema (events.h), so every
// field the engine knows is asked for with its plain-English label. Dates are typed and shown as
// DD/MM/YYYY; they are stored as YYYY-MM-DD.
//
//   EventForm f(EventType::review_held, today);
//   if (f.draw()) { Json payload; if (f.build(payload, problems)) record(...); }
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/events.h"

namespace cp::app {

using Choices = std::vector<std::pair<std::string, std::string>>;

class EventForm {
public:
    EventForm() = default;
    // `hidden` fields are not drawn; their preset values are still built into the payload.
    EventForm(EventType type, Date today, const Json& preset = Json::object(), std::set<std::string> hidden = {});

    EventType   type() const { return type_; }
    void        draw();  // the fields, with required ones marked
    bool        build(Json& payload, std::vector<std::string>& problems) const;  // strict, with messages
    bool        empty() const { return values_.empty(); }
    bool        changed() const;                        // anything typed, picked or ticked since it was made
    std::string value(const std::string& field) const;  // as typed ("" when absent)
    void        set_value(const std::string& field, const std::string& v) { values_[field] = v; }
    // A text field whose words are the case's protocol's own (the parts of its passport): picked from
    // a list of {word, what a person calls it}, never typed. A list of one is already picked.
    void                                      set_choices(const std::string& field, Choices choices);
    const std::map<std::string, std::string>& values() const { return values_; }  // for the test state

private:
    using Row = std::map<std::string, std::string>;  // a table row's cells as typed, by column

    void draw_field(const FieldSpec& f, float width);
    void draw_table(const FieldSpec& f, float width);
    void ticked_list(const FieldSpec& f, const std::string& label, std::string& v, float width);
    Json build_rows(const FieldSpec& f, std::vector<std::string>& problems) const;
    void date_picker(std::string& v);
    void pick_list(const FieldSpec& f, const std::string& label, std::string& v, float width, const Choices& options);

    EventType                               type_ = EventType::note;
    Date                                    today_{};
    std::map<std::string, std::string>      values_;  // text of every field as typed
    std::map<std::string, bool>             checks_;  // booleans (and whether touched)
    std::map<std::string, bool>             touched_;
    std::map<std::string, std::vector<Row>> rows_;  // tables (object_list fields with columns)
    std::set<std::string>                   hidden_;
    std::map<std::string, Choices>     choices_;  // fields picked from a list: the engine's or the protocol's words
    bool                               show_details_ = false;  // the form filled optional fields in
    std::map<std::string, std::string> initial_values_;        // as made, for changed()
    std::map<std::string, bool>        initial_checks_;
    std::map<std::string, std::vector<Row>> initial_rows_;
};

// Why `text` is not a UK date, specifically ("February 2027 has 28 days; there is no day 30."); "" when it is one.
std::string date_problem(const std::string& text);

// "YYYY-MM-DD" -> "DD/MM/YYYY" for display; anything else unchanged.
std::string uk_date(const std::string& iso);

}  // namespace cp::app
