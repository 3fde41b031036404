#include "crypto/strength.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace cp {

namespace {

// ---- built-in lists ---------------------------------------------------------------------------

// Passwords that appear near the top of every leaked-password list, plus the names, teams and
// places people in English schools reach for first. Lower case, after look-alike decoding.
constexpr auto common_passwords = std::to_array<std::string_view>({
    "123456",        "1234567",
    "12345678",      "123456789",
    "1234567890",    "12345",
    "111111",        "000000",
    "123123",        "654321",
    "666666",        "121212",
    "112233",        "123321",
    "987654321",     "11111111",
    "password",      "password1",
    "password123",   "passwort",
    "qwerty",        "qwerty123",
    "qwertyuiop",    "asdfgh",
    "asdfghjkl",     "azerty",
    "zxcvbnm",       "1qaz2wsx",
    "zaq12wsx",      "qazwsx",
    "abc123",        "abcdef",
    "abcdefgh",      "letmein",
    "welcome",       "welcome1",
    "monkey",        "dragon",
    "football",      "baseball",
    "iloveyou",      "admin",
    "administrator", "login",
    "master",        "shadow",
    "sunshine",      "princess",
    "trustnoi",      "superman",
    "batman",        "spiderman",
    "starwars",      "whatever",
    "freedom",       "hello",
    "helloworld",    "hellokitty",
    "charlie",       "michael",
    "jennifer",      "jordan",
    "hunter",        "ranger",
    "buster",        "soccer",
    "hockey",        "killer",
    "pepper",        "ginger",
    "cheese",        "chocolate",
    "computer",      "internet",
    "secret",        "summer",
    "winter",        "flower",
    "lovely",        "loveme",
    "changeme",      "default",
    "guest",         "test",
    "testing",       "access",
    "mustang",       "harley",
    "matrix",        "pokemon",
    "minecraft",     "fortnite",
    "roblox",        "liverpool",
    "arsenal",       "chelsea",
    "tottenham",     "everton",
    "celtic",        "rangers",
    "manchester",    "manutd",
    "newcastle",     "leeds",
    "london",        "england",
    "scotland",      "wales",
    "britain",       "school",
    "teacher",       "student",
    "pupil",         "college",
    "academy",       "office",
    "headteacher",   "correcthorsebatterystaple",
    "daniel",        "thomas",
    "jessica",       "ashley",
    "amanda",        "andrew",
    "joshua",        "matthew",
    "oliver",        "charlotte",
    "george",        "harry",
    "sophie",        "emily",
    "jack",          "samantha",
    "william",       "jasmine",
    "michelle",      "nicole",
    "qwertyui",      "aaaaaa",
    "zzzzzz",        "asdf",
    "trustme",       "passpass",
    "iloveu",        "family",
    "forever",       "blessed",
    "tigger",        "snoopy",
});

// Everyday words that make up most "memorable" passwords. Found anywhere inside a passphrase,
// each costs about 11 bits (a list of ~2,000 likely words) instead of 4 bits per letter.
constexpr auto common_words = std::to_array<std::string_view>({
    "the",     "and",       "you",       "are",      "for",      "love",      "blue",      "red",      "green",
    "black",   "white",     "yellow",    "orange",   "purple",   "pink",      "house",     "home",     "tree",
    "sun",     "moon",      "star",      "sky",      "sea",      "water",     "fire",      "earth",    "wind",
    "rain",    "snow",      "cat",       "dog",      "horse",    "fish",      "bird",      "lion",     "tiger",
    "bear",    "wolf",      "fox",       "rabbit",   "mouse",    "happy",     "sad",       "big",      "small",
    "little",  "good",      "bad",       "best",     "new",      "old",       "day",       "night",    "time",
    "life",    "world",     "money",     "baby",     "girl",     "boy",       "man",       "woman",    "king",
    "queen",   "prince",    "angel",     "devil",    "god",      "jesus",     "heaven",    "magic",    "dream",
    "heart",   "rose",      "lily",      "apple",    "banana",   "cherry",    "lemon",     "coffee",   "tea",
    "pizza",   "cookie",    "sugar",     "honey",    "candy",    "music",     "rock",      "metal",    "dance",
    "game",    "play",      "player",    "ball",     "team",     "club",      "city",      "united",   "park",
    "road",    "street",    "garden",    "window",   "door",     "table",     "chair",     "book",     "paper",
    "phone",   "car",       "bus",       "train",    "plane",    "ship",      "boat",      "bike",     "monday",
    "tuesday", "wednesday", "thursday",  "friday",   "saturday", "sunday",    "january",   "february", "march",
    "april",   "may",       "june",      "july",     "august",   "september", "october",   "november", "december",
    "spring",  "summer",    "autumn",    "winter",   "one",      "two",       "three",     "four",     "five",
    "six",     "seven",     "eight",     "nine",     "ten",      "first",     "last",      "pass",     "word",
    "secret",  "hello",     "welcome",   "admin",    "user",     "login",     "letmein",   "qwerty",   "dragon",
    "monkey",  "master",    "shadow",    "sunshine", "princess", "football",  "soccer",    "rugby",    "cricket",
    "tennis",  "school",    "teacher",   "student",  "pupil",    "class",     "office",    "work",     "change",
    "secure",  "safe",      "lock",      "key",      "open",     "family",    "friend",    "mother",   "father",
    "sister",  "brother",   "mum",       "dad",      "nan",      "london",    "england",   "britain",  "liverpool",
    "arsenal", "chelsea",   "united",    "city",     "rovers",   "wanderers", "correct",   "battery",  "staple",
    "summer",  "cheese",    "chocolate", "flower",   "forest",   "river",     "ocean",     "mountain", "silver",
    "gold",    "diamond",   "crystal",   "shine",    "light",    "dark",      "power",     "super",    "hero",
    "ninja",   "pirate",    "zombie",    "dragon",   "unicorn",  "rainbow",   "butterfly", "kitten",   "puppy",
    "bunny",   "teddy",
});

// Keyboard rows and the digit row, for runs such as "qwerty" or "asdf".
constexpr std::array<std::string_view, 4> keyboard_rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"};

// ---- character handling -----------------------------------------------------------------------

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

char lower(char c) { return is_upper(c) ? char(c - 'A' + 'a') : c; }

// Digits and symbols people use in place of letters ("p@ssw0rd").
char unleet(char c) {
    switch (c) {
        case '0': return 'o';
        case '1': return 'i';
        case '3': return 'e';
        case '4': return 'a';
        case '5': return 's';
        case '7': return 't';
        case '@': return 'a';
        case '$': return 's';
        case '!': return 'i';
        default: return lower(c);
    }
}

std::string map_text(std::string_view s, char (*f)(char)) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), f);
    return out;
}

bool is_common_password(std::string_view candidate) {
    return std::find(common_passwords.begin(), common_passwords.end(), candidate) != common_passwords.end();
}

// The passphrase without up to 6 non-letters at each end: "Summer2025!" -> "Summer".
std::string_view core_of(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && b < 6 && !is_letter(s[b])) ++b;
    while (e > b && s.size() - e < 6 && !is_letter(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string without_separators(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-' && c != '_' && c != '.') out += c;
    return out;
}

// Whole-passphrase matches: as typed, decoded, with a few characters added at the ends, or
// with the spaces taken out ("correct horse battery staple").
bool is_common(std::string_view pass) {
    const std::string low = map_text(pass, lower);
    const auto        core = core_of(low);
    return is_common_password(low) || is_common_password(map_text(pass, unleet)) ||
           (core.size() >= 4 && is_common_password(map_text(core, unleet))) ||
           is_common_password(map_text(without_separators(low), unleet));
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (c & 0xC0) != 0x80;  // every byte but UTF-8 continuation bytes
    return n;
}

// ---- patterns ---------------------------------------------------------------------------------

enum class Kind { plain, word, sequence, repeat, year };

struct Match {
    std::size_t length = 0;          // bytes covered
    double      bits = 0;            // guessing cost of those bytes
    Kind        kind = Kind::plain;  // what explained them
};

struct Findings {
    bool word = false, sequence = false, repeat = false, year = false;
};

// Every listed word found at i, each its own match ("sun" and "sunshine").
void words_at(const std::string& unleeted, std::string_view original, std::size_t i, std::vector<Match>& out) {
    for (std::string_view w : common_words) {
        if (unleeted.compare(i, w.size(), w) != 0) continue;
        const auto span = original.substr(i, w.size());
        const bool caps = std::any_of(span.begin(), span.end(), is_upper);
        const bool leet = std::any_of(span.begin(), span.end(), [](char c) { return !is_letter(c); });
        out.push_back({w.size(), 11.0 + (caps ? 1.0 : 0.0) + (leet ? 1.0 : 0.0), Kind::word});
    }
}

std::size_t run_in(std::string_view row, const std::string& low, std::size_t i) {
    auto at = row.find(low[i]);
    if (at == std::string_view::npos) return 0;
    std::size_t forward = 1, backward = 1;
    while (i + forward < low.size() && at + forward < row.size() && low[i + forward] == row[at + forward]) ++forward;
    while (i + backward < low.size() && at >= backward && low[i + backward] == row[at - backward]) ++backward;
    return std::max(forward, backward);
}

// Alphabet or digit order ("abcd", "4321") or along a keyboard row ("qwer", "lkjh").
void sequence_at(const std::string& low, std::size_t i, std::vector<Match>& out) {
    std::size_t best = 0;
    for (std::string_view row : keyboard_rows) best = std::max(best, run_in(row, low, i));
    best = std::max(best, run_in("abcdefghijklmnopqrstuvwxyz", low, i));
    best = std::max(best, run_in("0123456789", low, i));
    if (best >= 3) out.push_back({best, 4.0 + std::log2(double(best)), Kind::sequence});
}

// The text at i repeats the text just before it ("abab", "hellohello"), or a character for the
// third time or more ("!!!"): a doubled letter as in "book" is ordinary.
void repeat_at(const std::string& low, std::size_t i, std::vector<Match>& out) {
    for (std::size_t len = std::min(i, low.size() - i); len >= 2; --len)
        if (low.compare(i, len, low, i - len, len) == 0) return out.push_back({len, 1.0, Kind::repeat});
    if (i >= 2 && low[i] == low[i - 1] && low[i] == low[i - 2]) out.push_back({1, 1.0, Kind::repeat});
}

void year_at(std::string_view s, std::size_t i, std::vector<Match>& out) {
    if (i + 4 > s.size()) return;
    const auto y = s.substr(i, 4);
    if (!std::all_of(y.begin(), y.end(), is_digit)) return;
    if (y.substr(0, 2) == "19" || y.substr(0, 2) == "20") out.push_back({4, 7.0, Kind::year});
}

bool is_vowel(char c) {
    c = lower(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Marks the letters that sit in a run which could be a word not on the list ("Kettle", "orbit"):
// at most one capital, first; a vowel; not mostly one letter repeated. Pronounceable text is far
// more predictable than random letters, so such letters cost about 3 bits instead of 4 to 4.7.
std::vector<bool> word_like_letters(std::string_view s) {
    std::vector<bool> marks(s.size(), false);
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = is_upper(s[i]) ? 1 : 0;
        while (i + n < s.size() && is_lower(s[i + n])) ++n;
        if (n == 0) {
            ++i;
            continue;
        }
        const std::string run = map_text(s.substr(i, n), lower);
        std::string       distinct = run;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (n >= 3 && std::any_of(run.begin(), run.end(), is_vowel) && distinct.size() * 2 > n)
            std::fill(marks.begin() + long(i), marks.begin() + long(i + n), true);
        i += n;
    }
    return marks;
}

Match char_at(std::string_view s, std::size_t i, const std::vector<bool>& word_like) {
    const char c = s[i];
    if (!is_ascii(c)) {  // one whole UTF-8 character
        std::size_t n = 1;
        while (i + n < s.size() && (s[i + n] & 0xC0) == 0x80) ++n;
        return {n, 6.0};
    }
    const bool starts_word = i == 0 || !is_letter(s[i - 1]);
    if (word_like[i]) return {1, is_upper(c) ? 4.0 : 3.0};
    if (is_lower(c)) return {1, 4.0};
    if (is_upper(c)) return {1, starts_word ? 5.0 : 4.7};  // "Capital" is a cheap guess
    if (is_digit(c)) return {1, 3.3};
    const bool between_letters = i > 0 && i + 1 < s.size() && is_letter(s[i - 1]) && is_letter(s[i + 1]);
    if (between_letters && (c == ' ' || c == '-' || c == '_' || c == '.')) return {1, 2.0};
    return {1, 5.0};
}

// The cheapest way to explain the whole passphrase as a chain of matches (dynamic programming
// over positions), and which kinds of pattern that explanation used.
double estimate_bits(std::string_view pass, Findings& found) {
    const std::string   low = map_text(pass, lower), unleeted = map_text(pass, unleet);
    const auto          word_like = word_like_letters(pass);
    const std::size_t   n = pass.size();
    std::vector<double> cost(n + 1, 1e300);
    std::vector<Match>  via(n + 1);
    cost[0] = 0;
    std::vector<Match> options;
    for (std::size_t i = 0; i < n; ++i) {
        options.assign(1, char_at(pass, i, word_like));
        words_at(unleeted, pass, i, options);
        sequence_at(low, i, options);
        repeat_at(low, i, options);
        year_at(pass, i, options);
        for (const Match& m : options)
            if (cost[i] + m.bits < cost[i + m.length]) {
                cost[i + m.length] = cost[i] + m.bits;
                via[i + m.length] = m;
            }
    }
    for (std::size_t j = n; j > 0; j -= via[j].length) {
        found.word = found.word || via[j].kind == Kind::word;
        found.sequence = found.sequence || via[j].kind == Kind::sequence;
        found.repeat = found.repeat || via[j].kind == Kind::repeat;
        found.year = found.year || via[j].kind == Kind::year;
    }
    return cost[n];
}

// ---- scoring ----------------------------------------------------------------------------------

int score_of(double bits, std::size_t chars) {
    int score = bits < 28 ? 0 : bits < 36 ? 1 : bits < 48 ? 2 : bits < 60 ? 3 : 4;
    if (chars < 8) score = std::min(score, 1);
    if (chars < 12) score = std::min(score, 3);
    return score;
}

std::string hint_for(int score, std::size_t chars, const Findings& f) {
    if (score >= 4) return "Strong.";
    if (chars < 8)
        return "Too short. Use at least 12 characters: four unrelated words are long but easy to "
               "remember.";
    if (score == 3)
        return chars < 12 ? "Good, but longer is better: add another word to reach 12 characters or more."
                          : "Good. Another unrelated word would make it strong.";
    if (f.sequence) return "Avoid runs such as 1234, abcd or qwerty: they are tried early.";
    if (f.repeat) return "Avoid repeated characters and repeated words: they add almost nothing.";
    if (f.year) return "Avoid years and dates: they are among the first things tried.";
    if (f.word)
        return "Common words are guessed quickly. Use more unrelated words, ideally ones that are not "
               "everyday words.";
    return score == 2 ? "Fair. One or two more unrelated words would make it much stronger."
                      : "Make it longer: four or more unrelated words work well.";
}

constexpr std::array<std::string_view, 5> labels = {"Very weak", "Weak", "Fair", "Good", "Strong"};

}  // namespace

Strength estimate_strength(std::string_view passphrase) {
    if (passphrase.empty()) return {0, 0, std::string(labels[0]), "Type a passphrase."};
    // Beyond this length every passphrase is strong; the cap keeps the meter instant.
    const std::string_view pass = passphrase.substr(0, 256);
    if (is_common(pass))
        return {0, 0, std::string(labels[0]),
                "This is one of the most common passwords (perhaps with a small change), so it would "
                "be guessed at once. Use four or more unrelated words."};
    Findings     found;
    const double bits = estimate_bits(pass, found);
    const auto   chars = count_code_points(pass);
    const int    score = score_of(bits, chars);
    return {score, bits, std::string(labels[std::size_t(score)]), hint_for(score, chars, found)};
}

}  // namespace cp
