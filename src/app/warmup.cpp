#include "app/warmup.h"

#include <array>
#include <memory>
#include <vector>

#include "app/session.h"
#include "crypto/keys.h"
#include "engine/demo.h"
#include "engine/engine.h"
#include "platform/platform.h"
#include "storage/vault.h"

namespace cp::app {
namespace {

constexpr int kRounds = 8;  // rounds over the demo's cases: the gain in warmup.h was measured with 8

struct Warmup {
    Workspace                    meta;  // the demo's school, directory and calendar, no cases
    std::vector<storage::Record> sealed;
    SecretKey                    key;
    SchoolCalendar               calendar;
    Date                         today;
};

std::unique_ptr<Warmup> g_warmup;  // freed when the warm-up ends
bool                    g_started = false;
std::size_t             g_done = 0, g_planned = 0;

void prepare(Warmup& w) {
    Workspace demo = make_demo_workspace();
    Problems  ignore;
    w.calendar = workspace_calendar(demo, session().packs(), ignore);
    w.today = parse_iso_date(kDemoToday).value_or(Date{});
    const std::array<unsigned char, SecretKey::size> zero{};
    w.key = SecretKey(zero);
    system_random().fill(w.key.writable());  // a throwaway key, never stored
    for (const Case& c : demo.cases) w.sealed.push_back(storage::seal_case(c, w.key));
    demo.cases.clear();
    w.meta = std::move(demo);
    g_planned = w.sealed.size() * kRounds;
}

// One case opened as a stored case is (decrypt, parse, verify), then folded and planned with the
// session's protocols (the built-in ones while locked, parsed once for the app).
void open_and_plan(Warmup& w) {
    const PackLibrary& packs = session().packs();
    storage::Opened    o;
    o.workspace = w.meta;
    storage::open_case(w.sealed[g_done % w.sealed.size()], w.key, o);
    for (const Case& c : o.workspace->cases)
        (void)plan_for(*o.workspace, c, replay(c), packs, w.calendar, w.today, nullptr);
}

void step() {
    if (session().phase() != Phase::locked || g_done >= g_planned) return g_warmup.reset();
    open_and_plan(*g_warmup);
    ++g_done;
    platform::run_soon(step);
}

}  // namespace

void warm_up_while_locked() {
    if (g_started) return;
    g_started = true;
    platform::run_soon([] {
        g_warmup = std::make_unique<Warmup>();
        prepare(*g_warmup);
        step();
    });
}

std::size_t warm_up_steps_done() { return g_done; }
std::size_t warm_up_steps_planned() { return g_planned; }

}  // namespace cp::app
