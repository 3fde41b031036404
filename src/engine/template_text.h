// template_text.h: the words a form prints, with facts of the case written into them. The renderer
// (documents.cpp) and the pack validator (pack.cpp) read a text with the same function, so a text the
// validator passes is a text the renderer reads the same way.
//
//   "{pupil.name}"                         the fact: its value, or nothing when the case does not hold it
//   "{pupil.name|[name of pupil]}"         the fact, or the words after the bar when the case does not hold it
//   "[[ between {notice.session_times}]]"  a stretch printed only when every fact in it that has no words
//                                          of its own is held (no stretch inside another)
//
// Any other character is printed as written. docs/protocol-packs.md, "Forms", is the guide.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace cp {

// A fact's value by its name ("pupil.name"); "" when the case does not hold it.
using FactLookup = std::function<std::string(const std::string& name)>;

// The text with its facts filled in. `error`, when given, receives what is wrong with the text's marks
// (an unclosed "{" or "[[", an empty "{}"), "" when nothing is.
std::string fill_text(std::string_view text, const FactLookup& fact, std::string* error = nullptr);

}  // namespace cp
