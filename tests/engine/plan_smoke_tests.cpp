#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;

TEST_CASE("plan/smoke-every-pack-from-open-to-start") {
    for (const char* id : {"oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"}) {
        Scenario       sc(id, "osd_to_managed_move");
        const CasePlan p0 = sc.plan("2026-09-07");
        CHECK(p0.stage == Stage::preparing);
        sc.prepare();
        const CasePlan p1 = sc.plan("2026-09-10");
        CHECK(p1.stage == Stage::agreeing);
        for (const auto& a : p1.actions)
            if (a.action == "start_placement")
                for (const auto& b : a.blocked_by)
                    MESSAGE(id << " start blocked by " << b.rule_id << ": " << b.message);
        CHECK_MESSAGE(p1.allows("start_placement"), id);
        sc.start();
        const CasePlan p2 = sc.plan("2026-09-15");
        CHECK(p2.stage == Stage::placement);
    }
}
