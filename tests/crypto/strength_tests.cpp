// The passphrase strength meter.
#include <doctest/doctest.h>

#include "crypto/strength.h"

using namespace cp;

namespace {

int score(std::string_view p) { return estimate_strength(p).score; }

}  // namespace

TEST_CASE("strength/empty") {
    const Strength s = estimate_strength("");
    CHECK(s.score == 0);
    CHECK(s.label == "Very weak");
    CHECK(s.hint == "Type a passphrase.");
}

TEST_CASE("strength/common-passwords-score-zero-whatever-the-disguise") {
    for (const char* p : {"password", "Password", "PASSWORD", "Password1", "Password123!", "p@ssw0rd", "P@55w0rd",
                          "123456789", "qwerty", "letmein", "iloveyou", "Liverpool1", "arsenal2024", "trustno1",
                          "correct horse battery staple", "Correct-Horse-Battery-Staple", "1qaz2wsx", "Sunshine!"}) {
        const Strength s = estimate_strength(p);
        CHECK_MESSAGE(s.score == 0, std::string(p));
        CHECK_MESSAGE(s.hint.find("most common passwords") != std::string::npos, std::string(p));
    }
}

TEST_CASE("strength/patterns-score-low") {
    for (const char* p : {"aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "1234567890123", "qwertyuiopasdf", "abcabcabcabcabc",
                          "zyxwvutsrqponm", "19871987", "01012000"})
        CHECK_MESSAGE(score(p) <= 1, std::string(p));
    CHECK(estimate_strength("abcdefghijklmnop").hint.find("1234") != std::string::npos);
    CHECK(estimate_strength("xkcdxkcdxkcdxkcd").hint.find("repeated") != std::string::npos);
}

TEST_CASE("strength/short-is-capped") {
    CHECK(score("x7$Kq!9") <= 1);  // random, but only 7 characters
    CHECK(estimate_strength("x7$Kq!9").hint.find("Too short") == 0);
    CHECK(score("x7$Kq!9vLm@") <= 3);  // 11 characters: never "Strong"
}

TEST_CASE("strength/common-words-are-cheap") {
    CHECK(score("ilovemydog") <= 1);
    CHECK(score("bluehouse") == 0);
    CHECK(estimate_strength("sunflowerhouse").hint.find("Common words") != std::string::npos);
}

TEST_CASE("strength/good-passphrases-score-high") {
    CHECK(score("x7$Kq!9vLm@2pZ#w") == 4);                  // random, 16 characters
    CHECK(score("maple-orbit-kettle-canyon-violet") == 4);  // five unlisted words
    CHECK(score("Tram quiver pelican 47 saucepan") >= 3);
    CHECK(score("the blue house by the river") >= 2);  // common words, but many of them
}

TEST_CASE("strength/more-is-never-weaker") {
    // Adding an unrelated word should not lower the score.
    CHECK(score("maple orbit") <= score("maple orbit kettle"));
    CHECK(score("maple orbit kettle") <= score("maple orbit kettle canyon"));
}

TEST_CASE("strength/labels-and-hints-for-every-score") {
    const char* samples[] = {"password", "ilovemydog", "Tr0ub4dor&3", "maple orbit kettle", "x7$Kq!9vLm@2pZ#w"};
    const char* labels[] = {"Very weak", "Weak", "Fair", "Good", "Strong"};
    for (const char* p : samples) {
        const Strength s = estimate_strength(p);
        REQUIRE(s.score >= 0);
        REQUIRE(s.score <= 4);
        CHECK(s.label == labels[s.score]);
        CHECK_FALSE(s.hint.empty());
    }
}

TEST_CASE("strength/non-ascii-and-long-input") {
    CHECK(score("żółć gęślą jaźń ćma") >= 3);     // counted per character, not per byte
    CHECK(score(std::string(100000, 'a')) == 0);  // repeats; and the estimate stays quick
    CHECK(score(std::string(5000, 'x') + "Q7!") <= 1);
}
