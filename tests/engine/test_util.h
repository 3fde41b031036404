// test_util.h: small builders shared by the engine tests (no filesystem: packs come from the
// embedded asset table so the same tests run under Node).
#pragma once
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "engine/case_log.h"
#include "engine/date.h"

namespace cptest {

inline cp::Date d(const char* iso) { return *cp::parse_iso_date(iso); }

// Appends events with ids e1, e2 … and one timestamp per event (a minute apart), so the log
// order is the order of the calls.
struct LogBuilder {
    cp::Case c;
    int n = 0;
    explicit LogBuilder(std::string id = "C-1") { c.id = std::move(id); }

    std::string next_at() const {   // one minute per event from 2026-01-01T00:00Z
        char buf[32];
        std::snprintf(buf, sizeof buf, "2026-01-%02dT%02d:%02d:00Z", n / 1440 + 1, (n / 60) % 24, n % 60);
        return buf;
    }
    std::string add(cp::EventType t, cp::Json payload, std::string supersedes = "") {
        cp::EventDraft draft{{"Ms Test", "Deputy Headteacher"}, t, std::move(payload), std::move(supersedes)};
        const std::string id = "e" + std::to_string(++n);
        cp::Problems problems;
        const bool ok = cp::append_event(c, draft, id, next_at(), &problems);
        for (const auto& p : problems) MESSAGE(p.to_string());
        REQUIRE(ok);
        return id;
    }
};

} // namespace cptest
