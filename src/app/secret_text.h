// secret_text.h: a passphrase as it is typed. A fixed buffer that ImGui::InputText writes into
// directly (so it never grows, and no copy is left behind in memory freed by a reallocation),
// zeroed by clear() and on destruction. Dialogs own theirs and clear them on submit, cancel,
// Escape and lock.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cp::app {

template <std::size_t N>
class SecretText {
public:
    static constexpr std::size_t capacity = N;  // bytes, with the terminating zero

    SecretText() = default;
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    ~SecretText() { clear(); }

    char*            data() { return buf_; }
    const char*      c_str() const { return buf_; }
    std::string_view view() const { return {buf_, size()}; }
    std::string      str() const { return std::string(view()); }  // for a callee that wipes its copy
    bool             empty() const { return buf_[0] == 0; }
    std::size_t      size() const {
             std::size_t n = 0;
             while (n < N && buf_[n]) ++n;
        return n;
    }
    // Zeroes every byte through a volatile pointer, so the compiler cannot leave it out.
    void clear() noexcept {
        volatile char* p = buf_;
        for (std::size_t i = 0; i < N; ++i) p[i] = 0;
    }
    void assign(std::string_view s) {
        clear();
        for (std::size_t i = 0; i < s.size() && i + 1 < N; ++i) buf_[i] = s[i];
    }

private:
    char buf_[N] = {};
};

using Passphrase = SecretText<256>;

}  // namespace cp::app
