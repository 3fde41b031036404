// The fast workspace reader against the reference (nlohmann) reader: whatever the fast one
// accepts must come out exactly as the reference reads it, and whatever it gives up on must
// still load (or fail) as before, through the reference reader.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/demo.h"
#include "engine/workspace.h"
#include "engine/workspace_read.h"
#include "test_util.h"

using namespace cp;

namespace {

struct Reading {
    bool           ok = false;
    Json           root;
    StreamedEvents streamed;
    Problems       event_problems, problems;
};

Reading fast(std::string_view text) {
    Reading r;
    r.ok = read_workspace_fast(text, r.root, r.streamed);
    return r;
}

Reading reference(std::string_view text) {
    Reading r;
    r.ok = read_workspace_reference(text, "ws.json", r.root, r.streamed, r.event_problems, r.problems);
    return r;
}

// Equal values of equal types: nlohmann's == would call an unsigned 5 and a signed 5 equal.
bool same(const Json& a, const Json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
            if (x.key() != y.key() || !same(x.value(), y.value())) return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

bool same_events(const StreamedEvents& a, const StreamedEvents& b) {
    if (a.seen != b.seen || a.by_case.size() != b.by_case.size()) return false;
    for (std::size_t c = 0; c < a.by_case.size(); ++c) {
        if (a.by_case[c].size() != b.by_case[c].size()) return false;
        for (std::size_t i = 0; i < a.by_case[c].size(); ++i)
            if (!same(event_to_json(a.by_case[c][i]), event_to_json(b.by_case[c][i]))) return false;
    }
    return true;
}

// The property every test below relies on. Returns whether the fast reader accepted the text.
bool fast_agrees_with_reference(std::string_view text) {
    const Reading f = fast(text);
    if (!f.ok) return false;
    const Reading r = reference(text);
    CHECK(r.ok);
    CHECK(r.event_problems.empty());
    CHECK(same(f.root, r.root));
    CHECK(same_events(f.streamed, r.streamed));
    return true;
}

std::string one_case_workspace(Json note_text) {
    cptest::LogBuilder b("C-1");
    b.add(EventType::case_opened, {{"date", "2026-09-07"},
                                   {"kind", "managed_move"},
                                   {"pack", "norfolk"},
                                   {"pupil_name", "A Pupil"},
                                   {"year_group", 9}});
    b.add(EventType::note, {{"text", std::move(note_text)}});
    b.add(EventType::pupil_details,
          {{"section", "2"},
           {"fields", {{"count", -3}, {"big", 18446744073709551615ULL}, {"list", {1, "two", nullptr, true}}}}});
    Workspace ws;
    ws.own = {"Own School", "123456", "norfolk", "home_school"};
    ws.cases.push_back(b.c);
    return workspace_to_json(ws);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("workspace-read/fast-reader-reads-the-demo-exactly-as-the-reference") {
    const std::string text = workspace_to_json(make_demo_workspace());
    CHECK(fast_agrees_with_reference(text));
    CHECK(fast_agrees_with_reference(workspace_to_json(make_demo_workspace(), false)));
}

TEST_CASE("workspace-read/escapes-unicode-and-integers-read-alike") {
    const std::string text =
        one_case_workspace("line 1\nline 2 \"quoted\" back\\slash\ttab \x01 caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa6");
    CHECK(fast_agrees_with_reference(text));
    // Escapes nlohmann never writes but any JSON writer may: \/ \b \f \r and \u with surrogates.
    const std::string escaped = replaced(text, "line 1", "\\/\\b\\f\\r \\u00e9\\u20AC \\ud83d\\ude00 \\u0000");
    CHECK(fast_agrees_with_reference(escaped));
    CHECK(fast_agrees_with_reference(replaced(text, "-3", "-9223372036854775808")));
    CHECK(fast_agrees_with_reference(replaced(text, "-3", "-0")));
}

TEST_CASE("workspace-read/fast-reader-gives-up-and-the-reference-decides") {
    const std::string text = one_case_workspace("a note");
    struct Variant {
        const char* what;
        std::string text;
        bool        loads;
    };
    const std::vector<Variant> variants = {
        {"byte-order mark", "\xef\xbb\xbf" + text, true},
        {"decimal number", replaced(text, "-3", "-3.5"), false},
        {"integer beyond 64 bits", replaced(text, "18446744073709551615", "18446744073709551616"), false},
        {"exponent", replaced(text, "-3", "3e2"), false},
        {"repeated key in a payload", replaced(text, "\"count\": -3", "\"count\": -3, \"count\": 4"), true},
        {"repeated key at the top", replaced(text, "\"version\": 2", "\"version\": 2, \"version\": 2"), true},
        {"extra author field",
         replaced(text, "\"role\": \"Deputy Headteacher\"", "\"role\": \"Deputy Headteacher\", \"x\": 1"), false},
        {"invalid UTF-8", replaced(text, "a note", "a \xc3\x28 note"), false},
        {"overlong UTF-8", replaced(text, "a note", "a \xc0\xaf note"), false},
        {"lone surrogate", replaced(text, "a note", "a \\udc00 note"), false},
        {"raw control character", replaced(text, "a note", "a \x01 note"), false},
        {"trailing text", text + " x", false},
        {"trailing comma", replaced(text, "\"year_group\": 9", "\"year_group\": 9,"), false},
        {"unknown event type", replaced(text, "\"type\": \"note\"", "\"type\": \"memo\""), false},
        {"deep nesting",
         replaced(text, "\"list\": [", "\"list\": [" + std::string(200, '[') + std::string(200, ']') + ","), true},
    };
    for (const Variant& v : variants) {
        CAPTURE(v.what);
        CHECK_FALSE(fast(v.text).ok);
        Problems   problems;
        const bool loads = parse_workspace(v.text, "ws.json", problems).has_value();
        CHECK(loads == v.loads);
        CHECK(problems.empty() == v.loads);
    }
}

TEST_CASE("workspace-read/every-single-byte-change-is-read-alike-or-left-to-the-reference") {
    const std::string text = one_case_workspace("short \xc3\xa9 note");
    const std::string replacements[] = {"\"", "\\", "{", "}", "[",    "]",    ",",    ":", "0",
                                        "-",  "e",  ".", " ", "\x01", "\xc3", "\xff", "a", ""};
    int               accepted = 0, changes = 0;
    for (std::size_t at = 0; at < text.size(); at += 3) {
        for (const std::string& r : replacements) {
            std::string changed = text;
            changed.replace(at, 1, r);
            ++changes;
            if (fast_agrees_with_reference(changed)) ++accepted;
        }
    }
    MESSAGE(accepted << " of " << changes << " changed texts read by the fast reader");
    CHECK(accepted > 0);
}
