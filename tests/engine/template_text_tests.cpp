// The marks of a form's text (template_text.h, docs/protocol-packs.md "Facts in a form's text").
#include <doctest/doctest.h>

#include <map>

#include "engine/template_text.h"

using namespace cp;

namespace {
std::string filled(const char* text, std::string* error = nullptr) {
    const std::map<std::string, std::string> facts = {{"pupil.name", "Sam"}, {"notice.session_times", "08:40-15:10"}};
    return fill_text(
        text,
        [&](const std::string& name) {
            const auto it = facts.find(name);
            return it == facts.end() ? std::string() : it->second;
        },
        error);
}
}  // namespace

TEST_CASE("template-text/a-fact-is-written-in-or-its-own-words-when-the-case-lacks-it") {
    CHECK(filled("Dear {pupil.name},") == "Dear Sam,");
    CHECK(filled("Dear {parent.name},") == "Dear ,");
    CHECK(filled("Dear {parent.name|Parent or Carer},") == "Dear Parent or Carer,");
    CHECK(filled("{pupil.name|the pupil} and {school.host|[name of provision]}") == "Sam and [name of provision]");
    CHECK(filled("No marks at all.") == "No marks at all.");
}

TEST_CASE("template-text/a-stretch-is-printed-only-when-its-facts-are-held") {
    CHECK(filled("attend[[ between {notice.session_times}]][[ from {agreement.start_long}]].") ==
          "attend between 08:40-15:10.");
    // A fact with words of its own never holds a stretch back.
    CHECK(filled("[[{school.host|[provision]} at {notice.session_times}]]") == "[provision] at 08:40-15:10");
    CHECK(filled("[[{school.host} at {notice.session_times}]]").empty());
    CHECK(filled("[[fixed words]]") == "fixed words");
}

TEST_CASE("template-text/an-open-mark-is-named") {
    const auto error_of = [](const char* text) {
        std::string e;
        filled(text, &e);
        return e;
    };
    CHECK(error_of("fine {pupil.name} [[and {pupil.name}]]").empty());
    CHECK(error_of("Dear {pupil.name") == "a \"{\" without its \"}\"");
    CHECK(error_of("Dear pupil.name}") == "a \"}\" without its \"{\"");
    CHECK(error_of("[[ open") == "a \"[[\" without its \"]]\"");
    CHECK(error_of("close ]]") == "a \"]]\" without its \"[[\"");
    CHECK(error_of("[[ a [[ b ]] ]]") == "a \"[[\" inside another \"[[ ]]\"");
    CHECK(error_of("Dear {}") == "an empty \"{}\": name a fact of the case between the braces");
}
