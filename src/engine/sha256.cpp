#include "engine/sha256.h"

#include <cstring>

// Native x86-64 builds may use the CPU's SHA extensions (chosen at run time, see below). The
// WebAssembly build and other CPUs always use the portable code.
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__)) && !defined(__EMSCRIPTEN__)
#define CP_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#else
#define CP_SHA256_X86 0
#endif

namespace cp {
namespace {

constexpr uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

inline uint32_t load_be32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}

// One round. The caller rotates the roles of the eight working variables instead of moving
// them (a, b … h become h, a … g): that shuffle was a third of the work in the plain loop.
inline void sha_round(uint32_t a, uint32_t b, uint32_t c, uint32_t& d, uint32_t e, uint32_t f, uint32_t g, uint32_t& h,
                      uint32_t kw) {
    const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
    d += t1;
    h = t1 + t2;
}

#if CP_SHA256_X86
bool cpu_has_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1)) return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}

// The same compression with the SHA-NI instructions: four rounds per step on 128-bit lanes.
// The state is kept as ABEF / CDGH, the order those instructions use.
__attribute__((target("sha,sse4.1,ssse3"))) void compress_sha_ni(uint32_t* state, const uint8_t* p,
                                                                 std::size_t blocks) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);  // big-endian words
    const __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);
    __m128i       abef = _mm_alignr_epi8(dcba, efgh, 8);
    __m128i       cdgh = _mm_blend_epi16(efgh, dcba, 0xF0);
    for (; blocks > 0; --blocks, p += 64) {
        const __m128i abef_in = abef, cdgh_in = cdgh;
        __m128i       w[4];  // the schedule, four words per step, reused in a ring
        for (int i = 0; i < 16; ++i) {
            __m128i& m = w[i & 3];
            if (i < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)), swap);
            } else {  // W[t-16] + s0(W[t-15]) + W[t-7] + s1(W[t-2])
                const __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(m, w[(i + 1) & 3]),
                                                _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                m = _mm_sha256msg2_epu32(t, w[(i + 3) & 3]);
            }
            const __m128i kw = _mm_add_epi32(m, _mm_loadu_si128(reinterpret_cast<const __m128i*>(K + 4 * i)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
    }
    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

const bool kCpuHasSha = cpu_has_sha();
bool       use_sha_ni = kCpuHasSha;
#else
bool use_sha_ni = false;
#endif

}  // namespace

bool sha256_hardware() { return use_sha_ni; }

void sha256_allow_hardware(bool allow) {
#if CP_SHA256_X86
    use_sha_ni = allow && kCpuHasSha;
#else
    (void)allow;
#endif
}

Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::compress(const uint8_t* p, std::size_t blocks) {
#if CP_SHA256_X86
    if (use_sha_ni) return compress_sha_ni(state_.data(), p, blocks);
#endif
    for (; blocks > 0; --blocks, p += 64) compress_portable(p);
}

void Sha256::compress_portable(const uint8_t* p) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) w[i] = load_be32(p + 4 * i);
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int i = 0; i < 64; i += 8) {
        sha_round(a, b, c, d, e, f, g, h, K[i] + w[i]);
        sha_round(h, a, b, c, d, e, f, g, K[i + 1] + w[i + 1]);
        sha_round(g, h, a, b, c, d, e, f, K[i + 2] + w[i + 2]);
        sha_round(f, g, h, a, b, c, d, e, K[i + 3] + w[i + 3]);
        sha_round(e, f, g, h, a, b, c, d, K[i + 4] + w[i + 4]);
        sha_round(d, e, f, g, h, a, b, c, K[i + 5] + w[i + 5]);
        sha_round(c, d, e, f, g, h, a, b, K[i + 6] + w[i + 6]);
        sha_round(b, c, d, e, f, g, h, a, K[i + 7] + w[i + 7]);
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::update(std::string_view bytes) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    std::size_t n = bytes.size();
    total_ += n;
    if (buffered_ > 0) {
        const std::size_t take = std::min(n, 64 - buffered_);
        std::memcpy(buffer_.data() + buffered_, p, take);
        buffered_ += take;
        p += take;
        n -= take;
        if (buffered_ < 64) return;
        compress(buffer_.data(), 1);
        buffered_ = 0;
    }
    compress(p, n / 64);  // whole blocks straight from the input
    p += n / 64 * 64;
    n %= 64;
    std::memcpy(buffer_.data(), p, n);
    buffered_ = n;
}

Digest Sha256::finish() {
    const uint64_t bits = total_ * 8;
    const uint8_t  one = 0x80;
    update(std::string_view(reinterpret_cast<const char*>(&one), 1));
    const uint8_t     zero[64] = {};
    const std::size_t pad = buffered_ <= 56 ? 56 - buffered_ : 120 - buffered_;
    update(std::string_view(reinterpret_cast<const char*>(zero), pad));
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = uint8_t(bits >> (56 - 8 * i));
    update(std::string_view(reinterpret_cast<const char*>(len), 8));
    Digest out;
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) out[4 * i + j] = uint8_t(state_[i] >> (24 - 8 * j));
    return out;
}

Digest sha256(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.finish();
}

std::string to_hex(const Digest& d) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string           out(64, '0');
    for (int i = 0; i < 32; ++i) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) { return to_hex(sha256(bytes)); }

}  // namespace cp
