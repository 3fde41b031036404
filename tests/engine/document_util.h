// document_util.h: reading a made document in tests as a person reads the printed form.
#pragma once
#include <string>

#include "engine/documents.h"

namespace cptest {

// The value printed beside a label, or "<none>" when the document has no such field.
inline std::string value(const cp::Document& d, const std::string& label) {
    for (const auto& s : d.sections)
        for (const auto& f : s.fields)
            if (f.label == label) return f.value;
    return "<none>";
}

}  // namespace cptest
