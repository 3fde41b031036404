// vocabulary.h: the reference of every word a protocol pack may use, written from the tables the
// validator and the planner read (docs/protocol-packs.md, "Vocabulary reference", is this text;
// `caseplan vocabulary` prints it and a test keeps the two the same).
//
//   std::string md = vocabulary_reference();   // Markdown, ending in a newline
#pragma once
#include <string>

namespace cp {

std::string vocabulary_reference();

}  // namespace cp
