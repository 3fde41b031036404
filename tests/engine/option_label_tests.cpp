// Every value a person picks from a list in a form has plain words (issue 13): no snake_case id
// such as "host_identified" or "alternative_provision" reaches the screen.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "engine/events.h"

using namespace cp;

TEST_CASE("every-listed-value-of-every-event-has-a-plain-label") {
    const std::regex snake("^[a-z]+(_[a-z]+)+$");
    for (const EventSpec& spec : event_specs())
        for (const FieldSpec& f : spec.fields) {
            if (f.type != FieldType::one_of && f.type != FieldType::text_list) continue;  // a list's usual items too
            for (const char* v : f.values) {
                const char* label = option_label(spec.type, f.name, v);
                INFO(spec.name << "." << f.name << " = " << v);
                REQUIRE(label);
                CHECK_FALSE(std::regex_match(std::string(label), snake));
                CHECK(std::string(label) != v);
            }
        }
}

TEST_CASE("a-value-read-differently-in-two-fields") {
    CHECK(std::string(option_label(EventType::placement_ended, "reason", "attendance")) == "Poor attendance");
    CHECK(std::string(option_label(EventType::case_opened, "kind", "reintegration")) ==
          "reintegration from alternative provision");
    CHECK(std::string(option_label(EventType::meeting_held, "kind", "reintegration")) == "Reintegration meeting");
    CHECK(std::string(option_label(EventType::panel_presented, "outcome", "host_identified")) ==
          "Host school identified");
    CHECK(option_label(EventType::panel_presented, "outcome", "no_such_value") == nullptr);
}
