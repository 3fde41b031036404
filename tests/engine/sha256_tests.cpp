#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/sha256.h"

using namespace cp;

// Published FIPS 180-4 / NIST CAVP example vectors.
TEST_CASE("sha256/nist-vectors") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsm"
                     "nopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256/million-a-in-uneven-pieces") {
    Sha256            h;
    const std::string piece(997, 'a');
    std::size_t       left = 1000000;
    while (left > 0) {
        const std::size_t n = std::min(left, piece.size());
        h.update(std::string_view(piece).substr(0, n));
        left -= n;
    }
    CHECK(to_hex(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256/padding-boundaries") {
    // 55, 56 and 64 bytes straddle the length field; compare incremental with one-shot.
    for (std::size_t n : {55u, 56u, 63u, 64u, 65u, 119u, 120u}) {
        const std::string s(n, 'x');
        Sha256            h;
        for (char c : s) h.update(std::string_view(&c, 1));
        CHECK(to_hex(h.finish()) == sha256_hex(s));
    }
}

// Texts the size of events in the hash chain (1-4 KB), fed in pieces and in one go.
TEST_CASE("sha256/incremental-and-one-shot-agree-on-event-sized-texts") {
    std::string bytes;
    for (int i = 0; i < 4096; ++i) bytes += char((i * 131 + 7) % 256);
    for (std::size_t n = 0; n <= bytes.size(); n += 509) {
        const std::string_view text = std::string_view(bytes).substr(0, n);
        Sha256                 h;
        for (std::size_t at = 0; at < n; at += 100) h.update(text.substr(at, 100));
        CHECK(h.finish() == sha256(text));
    }
}
