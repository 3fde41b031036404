// strength.h: a rough passphrase strength estimate for the meter on the passphrase screens.
//
// Sections
//   1. Result     Strength
//   2. Estimate   estimate_strength()
//
// The estimate prices each part of the passphrase by how an attacker would guess it: a word from
// a small built-in list of very common passwords and words costs about 11 bits, a run such as
// "1234", "abcd" or "qwerty" a few bits, a repeat almost nothing, a year 7 bits, and any other
// character by its class (lower case 4, upper case 4.7, digit 3.3, symbol 5). It is deliberately
// pessimistic about short passphrases and deliberately simple: it guides people towards several
// unrelated words, it does not prove anything. Nothing here stores or logs the passphrase.
#pragma once
#include <string>
#include <string_view>

namespace cp {

// ---- 1. Result --------------------------------------------------------------------------------

struct Strength {
    int         score = 0;  // 0 very weak, 1 weak, 2 fair, 3 good, 4 strong
    double      bits = 0;   // the estimate behind the score (roughly log2 of guesses needed)
    std::string label;      // "Very weak", "Weak", "Fair", "Good", "Strong"
    std::string hint;       // one plain-English sentence on what to change (or why it is fine)
};

// Scores from bits: below 28 → 0, below 36 → 1, below 48 → 2, below 60 → 3, else 4; fewer than
// 8 characters caps the score at 1 and fewer than 12 at 3. A whole passphrase that is a listed
// common password (ignoring case, look-alike digits such as 0 for o, and a few characters added
// at either end) scores 0. The app should ask for at least 3 ("Good") before an export.
inline constexpr int strength_recommended = 3;

// ---- 2. Estimate ------------------------------------------------------------------------------

Strength estimate_strength(std::string_view passphrase);

}  // namespace cp
