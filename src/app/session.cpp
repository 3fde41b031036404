#include "app/session.h"

#include <algorithm>
#include <cstdio>

#include "crypto/keys.h"
#include "engine/demo.h"
#include "platform/platform.h"

namespace cp::app {
namespace {

SecretKey key_from(std::vector<unsigned char>& raw) {
    SecretKey k;
    if (raw.size() == SecretKey::size) std::copy(raw.begin(), raw.end(), k.writable().begin());
    std::fill(raw.begin(), raw.end(), 0);
    return k;
}

std::vector<unsigned char> salt_bytes(const Salt& s) { return {s.begin(), s.end()}; }

std::string local_time_now() {
    return uk_local_clock(platform::now_utc_iso());  // the clock is only for the status line
}

std::string store_failure_text(const platform::StoreResult& r) {
    using S = platform::StoreStatus;
    switch (r.status) {
        case S::quota_exceeded:
            return "This device's storage for the case planner is full, so the last change could not be saved. "
                   "It is still on screen. Export a backup now (File > Export), then free space on this device.";
        case S::read_only: return "This tab is read-only because the case planner is open in another tab.";
        case S::newer_schema:
            return "The stored data was made by a newer version of the case planner; it is shown read-only.";
        case S::unavailable:
            return "This browser does not allow the case planner to store data here (" + r.message + ").";
        default: return "The change could not be saved (" + r.message + "). It is kept on screen and will be retried.";
    }
}

void derive(const std::string& pass, const KdfSettings& kdf,
            std::function<void(std::vector<unsigned char>, double)> done) {
    platform::derive_key_async(pass, salt_bytes(kdf.salt), kdf.params.opslimit, kdf.params.memlimit_bytes,
                               std::move(done));
}

}  // namespace

Session& session() {
    static Session s;
    return s;
}

// ---- lifecycle ----------------------------------------------------------------------------------

void Session::load_packs() const {
    if (!built_in_packs_.packs.empty()) return;
    Problems problems;
    built_in_packs_.load_embedded(problems);
    packs_ = built_in_packs_;
}

void Session::use_workspace_packs() {
    load_packs();
    packs_ = built_in_packs_;
    Problems ignore;  // each was checked when it was added; one that no longer loads leaves its cases unplanned
    // A protocol adapting another loaded from a file is loaded after it (a newer edition of the other goes
    // to the end of the list): each pass loads what it can, until a pass loads nothing more.
    std::vector<const Json*> waiting;
    for (const Json& p : ws_.packs) waiting.push_back(&p);
    for (std::size_t before = 0; !waiting.empty() && waiting.size() != before;) {
        before = waiting.size();
        std::erase_if(waiting, [&](const Json* p) {
            return packs_.add_pack_text(p->dump(), p->value("id", "protocol") + ".json", ignore);
        });
    }
    calendar_ = workspace_calendar(ws_, packs_, ignore);
}

Session::ProtocolCheck Session::check_protocol(const std::string& file, const std::string& text) const {
    ProtocolCheck check;
    PackLibrary   trial = packs();
    Problems      problems;
    if (!trial.add_pack_text(text, file, problems)) {
        for (const Problem& p : problems) check.problems.push_back(p.to_string());
        if (check.problems.empty()) check.problems.push_back(file + ": this file is not a protocol pack");
        return check;
    }
    check.pack = Json::parse(text);
    const std::string id = check.pack.value("id", "");
    const Pack*       now = trial.find(id);
    check.name = now ? now->name : id;
    if (const Pack* before = packs_.find(id)) {
        check.replaces = before->name;
        check.replaces_built_in = PackLibrary::built_in(id);
        check.changes = rule_changes(*before, *now);
    }
    return check;
}

void Session::add_protocol(Json pack) {
    if (read_only()) return;
    const std::string id = pack.value("id", "");
    std::erase_if(ws_.packs, [&](const Json& p) { return p.value("id", "") == id; });
    ws_.packs.push_back(std::move(pack));
    use_workspace_packs();
    stale_ = true;  // every case is planned again: a replaced protocol may change any of them
    if (demo_) return;
    save_.dirty.insert(storage::kWorkspaceKey);
    write_dirty();
}

// From the states already made (Settings draws this every frame); remove_protocol checks the log itself.
int Session::cases_following(std::string_view pack_id) const {
    return static_cast<int>(
        std::count_if(states_.begin(), states_.end(), [&](const CaseState& s) { return s.pack == pack_id; }));
}

void Session::remove_protocol(const std::string& pack_id) {
    const bool followed =
        std::any_of(ws_.cases.begin(), ws_.cases.end(), [&](const Case& c) { return replay(c).pack == pack_id; });
    if (read_only() || followed || !adapted_by(pack_id).empty()) return;  // nothing is left without its protocol
    std::erase_if(ws_.packs, [&](const Json& p) { return p.value("id", "") == pack_id; });
    use_workspace_packs();
    stale_ = true;  // a built-in protocol it replaced is followed again
    if (demo_) return;
    save_.dirty.insert(storage::kWorkspaceKey);
    write_dirty();
}

std::string Session::adapted_by(std::string_view pack_id) const {
    for (const Json& p : ws_.packs)
        if (p.value("extends", "") == pack_id) {
            const Pack* other = packs_.find(p.value("id", ""));
            return other ? other->name : p.value("id", "");
        }
    return "";
}

bool Session::loaded_from_file(std::string_view pack_id) const {
    return std::any_of(ws_.packs.begin(), ws_.packs.end(), [&](const Json& p) { return p.value("id", "") == pack_id; });
}

bool Session::transition(Phase to) {
    if (!transition_allowed(phase_, to)) {
        std::fprintf(stderr, "case planner: refused to move from phase %s to %s\n", phase_name(phase_), phase_name(to));
        return false;
    }
    phase_ = to;
    ++generation_;
    return true;
}

void Session::start() {
    if (!transition(Phase::starting)) return;
    progress_ = "Opening this browser's storage…";
    platform::store_on_lost_writer([this] {
        info_.writer = false;
        message_ = "The case planner was opened for writing in another tab, so this tab is now read-only.";
    });
    platform::store_on_changed_elsewhere([this] { changed_elsewhere_ = true; });
    const Turn t = turn();
    platform::store_open([this, t](platform::StoreResult r, platform::StoreInfo info) {
        if (!still(t)) return;  // started again meanwhile: the newer open answers
        info_ = info;
        if (!r.ok() && r.status != platform::StoreStatus::newer_schema) return fail(store_failure_text(r));
        if (r.status == platform::StoreStatus::newer_schema) message_ = store_failure_text(r);
        // The locked screen needs only the lock; the cases are read (again) once unlocked,
        // so a large workspace does not delay the passphrase prompt.
        load_stored(storage::kMetaPrefix);
    });
}

void Session::load_stored(const std::string& prefix) {
    progress_ = "Loading stored cases…";
    auto       all = std::make_shared<std::vector<platform::Record>>();
    const Turn t = turn();
    platform::store_load_all(
        [all](std::vector<platform::Record>&& batch) {
            for (auto& rec : batch) all->push_back(std::move(rec));
        },
        [this, t](std::size_t n, std::size_t total) {
            if (!still(t)) return;
            char buf[96];
            std::snprintf(buf, sizeof buf, "Loading stored cases… %zu of %zu", n, total);
            progress_ = buf;
        },
        [this, all, prefix, t](platform::StoreResult done) {
            if (!still(t)) return;
            if (!done.ok()) return fail(store_failure_text(done));
            loaded(std::move(*all), prefix.empty());
        },
        prefix);
}

void Session::loaded(std::vector<platform::Record> records, bool everything) {
    records_ = std::move(records);
    if (records_.empty() && !everything) return load_stored("");  // no lock: is the store really empty?
    if (records_.empty()) {
        transition(Phase::first_run);
        return;
    }
    if (!storage::read_lock(records_))
        return fail(
            "The stored workspace's lock record is damaged, so it cannot be opened. "
            "Nothing has been changed. Import your latest backup into a new browser profile.");
    transition(Phase::locked);
}

void Session::fail(std::string why) {
    opening_.reset();
    transition(Phase::failed);
    message_ = std::move(why);
}

void Session::create(const NewWorkspace& w, std::string passphrase) {
    Workspace ws;
    ws.own = w.own;
    ws.staff.push_back({"s1", w.staff_name, w.staff_role});
    seal_new(std::move(ws), std::move(passphrase));
}

bool Session::can_restore() const {
    return phase_ == Phase::first_run && import_.step == ImportState::Step::preview &&
           import_.contents.kind == ExportKind::backup && import_.read.workspace.has_value();
}

void Session::restore(std::string passphrase) {
    if (!can_restore()) return wipe(passphrase);
    Workspace ws = *import_.read.workspace;
    import_ = {};
    seal_new(std::move(ws), std::move(passphrase));
}

// A new workspace (set up, or restored from a backup) sealed under a key from `passphrase` and stored.
void Session::seal_new(Workspace ws, std::string passphrase) {
    if (read_only()) {
        message_ = store_failure_text({platform::StoreStatus::read_only, ""});
        wipe(passphrase);
        return;
    }
    if (!transition(Phase::working)) return wipe(passphrase);
    progress_ = "Protecting the workspace with your passphrase…";
    KdfSettings kdf{kdf_default, make_salt(system_random())};
    const Turn  t = turn();
    derive(passphrase, kdf, [this, ws = std::move(ws), kdf, t](std::vector<unsigned char> raw, double) mutable {
        SecretKey key = key_from(raw);
        if (!still(t)) return;
        if (key.empty()) return fail("This device did not have enough memory to protect the workspace.");
        ws_ = std::move(ws);
        app_ = {};
        std::vector<platform::Record> puts{storage::lock_record(make_workspace_lock(key, kdf))};
        for (auto& r : storage::seal_everything(ws_, app_, key)) puts.push_back(std::move(r));
        key_ = std::move(key);
        progress_ = "Saving the new workspace…";
        platform::store_write(std::move(puts), {}, [this, t](platform::StoreResult r) {
            if (!still(t)) return;
            if (!r.ok()) {
                key_.wipe();
                transition(Phase::first_run);
                message_ = store_failure_text(r);
                return;
            }
            records_.clear();
            use_workspace_packs();
            save_.saved_at = local_time_now();
            stale_ = true;
            transition(Phase::open);
        });
    });
    wipe(passphrase);
}

void Session::unlock(std::string passphrase) {
    const auto lock = storage::read_lock(records_);
    if (!lock) {
        wipe(passphrase);
        return fail("The stored workspace's lock record is damaged.");
    }
    if (!transition(Phase::working)) return wipe(passphrase);
    progress_ = "Checking the passphrase…";
    message_.clear();
    const Turn t = turn();
    derive(passphrase, lock->kdf, [this, lock, t](std::vector<unsigned char> raw, double) {
        SecretKey key = key_from(raw);
        if (!still(t)) return;
        if (key.empty() || !key_matches(key, *lock)) {
            transition(Phase::locked);
            message_ = key.empty() ? "This device did not have enough memory to open the workspace."
                                   : "That passphrase does not open this workspace. Check Caps Lock and try again.";
            return;
        }
        read_and_open(std::move(key));
    });
    wipe(passphrase);
}

// Read again, meta first (another tab may have written since this one loaded), then the cases:
// each batch is decrypted and checked while the browser reads the next, so the wait is the
// longer of the two rather than their sum.
void Session::read_and_open(SecretKey key) {
    progress_ = "Opening the workspace…";
    auto       meta = std::make_shared<std::vector<platform::Record>>();
    auto       shared_key = std::make_shared<SecretKey>(std::move(key));
    const Turn t = turn();  // working: every step below acts only while still in it
    platform::store_load_all(
        [meta](std::vector<platform::Record>&& batch) {
            for (auto& r : batch) meta->push_back(std::move(r));
        },
        [](std::size_t, std::size_t) {},
        [this, meta, shared_key, t](platform::StoreResult r) {
            if (!still(t)) return;  // the key is wiped with shared_key
            if (!r.ok()) return fail(store_failure_text(r));
            records_ = std::move(*meta);
            if (!begin_opening(std::move(*shared_key), false)) return;
            records_.clear();  // the meta records are opened; the case records follow
            platform::store_load_all(
                [this, t](std::vector<platform::Record>&& batch) {
                    if (still(t) && opening_)
                        for (auto& rec : batch) records_.push_back(std::move(rec));
                },
                [this, t](std::size_t, std::size_t total) {
                    if (still(t) && opening_) opening_->total = total;
                },
                [this, t](platform::StoreResult done) {
                    if (!still(t)) return;
                    if (!done.ok()) return fail(store_failure_text(done));
                    if (opening_) opening_->read_all = true;
                    platform::request_redraw();
                },
                storage::kCasePrefix);
        },
        storage::kMetaPrefix);
}

void Session::open_with_key(SecretKey key) {
    if (begin_opening(std::move(key), true))
        while (opening_) continue_opening(platform::now_ms());
}

bool Session::begin_opening(SecretKey key, bool read_all) {
    storage::Opened o = storage::open_meta(records_, key);
    if (!o.workspace) {
        records_.clear();
        damaged_ = std::move(o.damaged);
        ws_ = Workspace{};  // when re-reading after a take-over, the open workspace goes too
        plans_.clear();
        states_.clear();
        stale_ = true;
        transition(Phase::locked);
        message_ =
            "The workspace record is damaged and cannot be opened. Nothing has been changed; "
            "import your latest backup into a new browser profile.";
        return false;
    }
    opening_ = Opening{std::move(o), std::move(key)};
    opening_->read_all = read_all;
    return true;
}

// Decrypting and checking 10,000 cases takes seconds in wasm: done in slices of about 50 ms,
// so the page keeps drawing and says how far it has got.
void Session::continue_opening(double now_ms) {
    Opening&   op = *opening_;
    const auto in_time = [now_ms] { return platform::now_ms() - now_ms < 50; };
    char       buf[120];
    if (op.next < records_.size() || !op.read_all) {
        while (op.next < records_.size() && in_time()) storage::open_case(records_[op.next++], op.key, op.opened);
        std::snprintf(buf, sizeof buf, "Reading, decrypting and checking the cases… %zu of %zu", op.next,
                      std::max({op.total, records_.size(), op.next}));
    } else if (!op.planning) {
        records_.clear();
        storage::report_missing(op.opened);
        damaged_ = std::move(op.opened.damaged);
        ws_ = std::move(*op.opened.workspace);
        app_ = std::move(op.opened.app);
        use_workspace_packs();
        begin_recompute();
        op.planning = true;
        std::snprintf(buf, sizeof buf, "Working out each case's plan…");
    } else {
        bool more = true;
        while (more && in_time()) more = plan_next();
        if (!more) return opened(std::move(op.key));
        std::snprintf(buf, sizeof buf, "Working out each case's plan… %zu of %zu cases", plans_.size(),
                      ws_.cases.size());
    }
    progress_ = buf;
    // The next slice on the next frame; while waiting for the store, its next batch asks for one.
    if (op.next < records_.size() || op.read_all) platform::request_redraw();
}

void Session::opened(SecretKey key) {
    opening_.reset();
    key_ = std::move(key);
    undo_.clear();
    changed_elsewhere_ = false;
    transition(Phase::open);
}

void Session::lock() {
    if (demo_) return leave_demo();
    if (!save_.dirty.empty()) {
        message_ = "There are unsaved changes, so the workspace was not locked. Fix the save problem first.";
        return;
    }
    key_.wipe();
    ws_ = Workspace{};
    plans_.clear();
    stale_ = true;
    states_.clear();
    undo_.clear();
    import_ = {};
    export_status_.clear();
    start();  // reload the sealed records (another tab may have changed them)
}

void Session::open_demo() {
    load_packs();
    const Phase before = phase_;
    if (!transition(Phase::open)) return;
    phase_before_demo_ = before;
    demo_ = true;
    ws_ = make_demo_workspace();
    use_workspace_packs();
    app_ = {};
    undo_.clear();
    stale_ = true;
}

void Session::leave_demo() {
    demo_ = false;
    ws_ = Workspace{};
    plans_.clear();
    stale_ = true;
    states_.clear();
    undo_.clear();
    save_ = {};
    import_ = {};
    export_status_.clear();
    transition(phase_before_demo_ == Phase::open ? Phase::locked : phase_before_demo_);
}

void Session::take_over() {
    const Turn t = turn();
    platform::store_take_over([this, t](platform::StoreResult r, platform::StoreInfo info) {
        info_ = info;           // this tab's standing with the store, whatever happened meanwhile
        if (!still(t)) return;  // locked, unlocked or a demo since: that step decides what to read
        if (!r.ok()) {
            message_ = store_failure_text(r);
            return;
        }
        message_.clear();
        if (phase_ == Phase::open && !key_.empty()) {
            // The other tab may have written: read everything again under the same key.
            auto all = std::make_shared<std::vector<platform::Record>>();
            platform::store_load_all(
                [all](std::vector<platform::Record>&& b) {
                    for (auto& x : b) all->push_back(std::move(x));
                },
                [](std::size_t, std::size_t) {},
                [this, all, t](platform::StoreResult done) {
                    if (!still(t)) return;
                    if (!done.ok()) return fail(store_failure_text(done));
                    records_ = std::move(*all);
                    // At once, not a slice a frame: the open case stays on screen,
                    // and what this tab has not yet stored is written on top.
                    open_with_key(std::move(key_));
                    write_dirty();
                });
        } else if (phase_ != Phase::open) {
            start();
        }
    });
}

void Session::tick(double now_ms, bool had_input) {
    if (built_in_packs_.packs.empty()) {  // a frame of its own, while the browser opens its storage
        if (ticked_)
            load_packs();
        else
            platform::request_redraw();
        ticked_ = true;
    }
    if (opening_) return continue_opening(now_ms);
    if (had_input || last_input_ms_ == 0) last_input_ms_ = now_ms;
    if (phase_ != Phase::open || demo_ || app_.idle_lock_minutes <= 0) return;
    const double limit = app_.idle_lock_minutes * 60000.0;
    const double idle = now_ms - last_input_ms_;
    if (idle >= limit && save_.dirty.empty() && save_.in_flight == 0) {
        lock();
        message_ = "The workspace was locked after " + std::to_string(app_.idle_lock_minutes) + " minutes without use.";
        return;
    }
    platform::redraw_after_ms(std::min(limit - idle + 50, 30000.0));
}

// ---- cases ------------------------------------------------------------------------------------

void Session::recompute() {
    begin_recompute();
    while (plan_next()) {}
}

void Session::begin_recompute() {
    if (today_ == Date{} || demo_) {
        const std::string forced = platform::test_mode() ? platform::url_param("today") : "";
        const auto        d = parse_iso_date(demo_ ? kDemoToday : (forced.empty() ? platform::today_iso() : forced));
        today_ = d ? *d : Date{};
    }
    states_.clear();
    states_.reserve(ws_.cases.size());
    plans_.clear();
    plans_.reserve(ws_.cases.size());
    index_.clear();
    upns_ = index_cases_by_upn(ws_);
}

bool Session::plan_next() {
    if (plans_.size() < ws_.cases.size()) {
        const Case& c = ws_.cases[plans_.size()];
        index_[c.id] = states_.size();
        states_.push_back(replay(c));
        plans_.push_back(plan_for(ws_, c, states_.back(), packs_, calendar_, today_, &upns_));
        return true;
    }
    stale_ = false;
    stale_cases_.clear();
    next_seq_ = 0;
    ++version_;
    return false;
}

// A command touches one case; its plan is the only one that changes (other cases see it only
// through the pupil index, which a new event cannot change). Saving stays flat with the
// number of cases.
void Session::refresh() {
    if (stale_) return recompute();
    if (stale_cases_.empty()) return;
    for (const std::string& id : stale_cases_) {
        const auto it = index_.find(id);
        if (it == index_.end()) return recompute();
        const Case& c = ws_.cases[it->second];
        states_[it->second] = replay(c);
        plans_[it->second] = plan_for(ws_, c, states_[it->second], packs_, calendar_, today_, &upns_);
    }
    stale_cases_.clear();
    ++version_;
}

void Session::mark_changed(const std::vector<std::string>& case_ids) {
    if (stale_) return;
    for (const std::string& id : case_ids) {
        if (!index_.count(id)) {
            stale_ = true;
            return;
        }  // a new case: positions and pupils change
        stale_cases_.insert(id);
    }
}

const std::vector<CasePlan>& Session::plans() {
    refresh();
    return plans_;
}

std::uint64_t Session::plans_version() {
    refresh();
    return version_;
}

const CaseState* Session::state_of(const std::string& case_id) {
    refresh();
    const auto it = index_.find(case_id);
    return it == index_.end() ? nullptr : &states_[it->second];
}

// Scanning every event of every case for the highest id costs as much as the workspace is big,
// so it is done once and then counted on.
std::string Session::peek_event_id() {
    const std::string prefix = ws_.own.urn + "-";
    if (next_seq_ == 0) {
        const std::string first = next_event_id(ws_);
        next_seq_ = std::stoll(first.substr(prefix.size()));
    }
    return prefix + std::to_string(next_seq_);
}

Author Session::author() const {
    if (current_staff >= 0 && current_staff < static_cast<int>(ws_.staff.size()))
        return {ws_.staff[current_staff].name, ws_.staff[current_staff].role};
    return {"Unnamed user", ws_.own.name};
}

DraftVerdict Session::record(const std::string& case_id, const EventDraft& draft) {
    if (read_only()) {
        DraftVerdict v;
        v.allowed = false;
        v.blocking.push_back({AlertLevel::blocking,
                              "app/read-only",
                              store_failure_text({platform::StoreStatus::read_only, ""}),
                              "",
                              {},
                              std::nullopt});
        return v;
    }
    const std::string  id = peek_event_id();
    const DraftVerdict v = record_event(ws_, case_id, draft, id, platform::now_utc_iso(), packs_, calendar_, today());
    if (v.allowed) {
        ++next_seq_;
        undo_.push_back({case_id, id});
        after_change({case_id});
    }
    return v;
}

bool Session::open_case(const EventDraft& opened, std::string& case_id, Problems& problems) {
    if (read_only()) {
        problems.push_back({"", "", store_failure_text({platform::StoreStatus::read_only, ""})});
        return false;
    }
    const std::string year = to_iso(today()).substr(0, 4);
    for (int n = static_cast<int>(ws_.cases.size()) + 1;; ++n) {
        char buf[48];
        // The school's URN makes the id unique between schools, so packages exchanged with
        // another school never collide with its own cases.
        std::snprintf(buf, sizeof buf, "C-%s-%s-%03d", ws_.own.urn.c_str(), year.c_str(), n);
        if (!find_case(ws_, buf)) {
            case_id = buf;
            break;
        }
    }
    const std::string id = peek_event_id();
    if (!cp::open_case(ws_, case_id, opened, id, platform::now_utc_iso(), packs_, problems)) return false;
    ++next_seq_;
    undo_.clear();  // opening a case is undone by deleting nothing: it is not on the undo list
    after_change({case_id});
    return true;
}

std::string Session::undo_label() const {
    if (undo_.empty()) return "";
    const Case* c = find_case(ws_, undo_.back().first);
    if (!c) return "";
    for (const Event& e : c->events)
        if (e.id == undo_.back().second) {
            const auto st = index_.find(c->id);  // the state as last refreshed: the pack a case follows stays
            return entry_label(e.type, e.payload, st == index_.end() ? nullptr : packs_.find(states_[st->second].pack));
        }
    return "";
}

bool Session::undo_last() {
    if (undo_.empty() || read_only()) return false;
    const auto [case_id, event_id] = undo_.back();
    EventDraft        d{author(),
                 EventType::retraction,
                 {{"reason", "Undone by " + author().name + " straight after recording it"}},
                 event_id};
    const std::string id = peek_event_id();
    Case*             c = find_case(ws_, case_id);
    if (!c || !append_event(*c, d, id, platform::now_utc_iso())) return false;
    ++next_seq_;
    undo_.pop_back();
    after_change({case_id});
    return true;
}

void Session::after_change(const std::vector<std::string>& case_ids) {
    mark_changed(case_ids);
    if (demo_) return;  // the demo is never stored
    bool names = false;
    for (const std::string& id : case_ids) {
        save_.dirty.insert(storage::case_key(id));
        if (const Case* c = find_case(ws_, id)) names |= storage::update_case_name(app_, *c);
    }
    if (names) save_.dirty.insert(storage::kAppKey);
    write_dirty();
}

void Session::ask_to_keep() {
    asked_to_keep_ = true;
    platform::store_ask_to_keep([this, t = turn()](platform::StoreInfo info) {
        if (turn() != t) return;
        info_.persistent = info.persistent;
        info_.usage_bytes = info.usage_bytes;
        info_.quota_bytes = info.quota_bytes;
    });
}

std::string Session::save_school(const School& school, bool editing) {
    if (phase_ != Phase::open || read_only()) return "This tab only reads the workspace; use the tab that writes it.";
    if (std::string why = school_problem(ws_.schools, school, editing); !why.empty()) return why;
    if (editing)
        *std::find_if(ws_.schools.begin(), ws_.schools.end(), [&](const School& x) { return x.urn == school.urn; }) =
            school;
    else
        ws_.schools.push_back(school);
    stale_ = true;  // a host's phase (alternative provision) can change what a plan asks
    if (demo_) return "";
    save_.dirty.insert(storage::kWorkspaceKey);
    write_dirty();
    return "";
}

void Session::save_settings() {
    if (demo_ || phase_ != Phase::open) return;
    save_.dirty.insert(storage::kAppKey);
    write_dirty();
}

// One write at a time, carrying every dirty record: a failed write leaves them dirty.
void Session::write_dirty() {
    if (save_.in_flight || save_.dirty.empty() || key_.empty() || read_only()) return;
    std::vector<platform::Record> puts;
    std::set<std::string>         sent = save_.dirty;
    for (const std::string& k : sent) {
        if (k == storage::kAppKey)
            puts.push_back(storage::seal_app(app_, key_));
        else if (k == storage::kWorkspaceKey)
            puts.push_back(storage::seal_meta(ws_, key_));
        else if (const Case* c = find_case(ws_, k.substr(std::char_traits<char>::length(storage::kCasePrefix))))
            puts.push_back(storage::seal_case(*c, key_));
    }
    save_.in_flight = 1;
    const Turn t = turn();
    platform::store_write(std::move(puts), {}, [this, sent, t](platform::StoreResult r) {
        save_.in_flight = 0;
        // Reopened meanwhile: what is still dirty is written again under the session's key now.
        if (!still(t)) return write_dirty();
        if (!r.ok()) {
            save_.error = store_failure_text(r);
            save_.quota = r.status == platform::StoreStatus::quota_exceeded;
            if (r.status == platform::StoreStatus::failed)
                platform::redraw_after_ms(5000);  // retried on a later change or tick
            return;
        }
        for (const std::string& k : sent) save_.dirty.erase(k);
        save_.error.clear();
        save_.quota = false;
        save_.saved_at = local_time_now();
        write_dirty();  // anything changed while this one was in flight
    });
}

// ---- exchange -----------------------------------------------------------------------------------

void Session::begin_import(std::string file_name, std::string bytes) {
    import_ = {};
    import_.serial = ++import_serial_;
    import_.file_name = std::move(file_name);
    InspectResult r = inspect_export(bytes);
    if (!r.ok()) {
        import_.step = ImportState::Step::failed;
        import_.error = r.problem.message;
        return;
    }
    import_.sealed = std::move(r.sealed);
    import_.step = ImportState::Step::need_passphrase;
}

void Session::import_passphrase(std::string passphrase) {
    if (!import_.sealed) return wipe(passphrase);
    import_.step = ImportState::Step::deriving;
    import_.error.clear();
    const Turn          t = turn();
    const std::uint64_t serial = import_.serial;
    derive(passphrase, import_.sealed->header.kdf, [this, t, serial](std::vector<unsigned char> raw, double) {
        SecretKey key = key_from(raw);
        // Locked, cancelled or another file chosen meanwhile: this key opens nothing now.
        if (!still(t) || import_.serial != serial || import_.step != ImportState::Step::deriving || !import_.sealed)
            return;
        if (key.empty()) {
            import_.step = ImportState::Step::failed;
            import_.error = make_problem(ExportError::out_of_memory).message;
            return;
        }
        OpenResult o = cp::open_with_key(*import_.sealed, key);
        if (!o.ok()) {
            const bool retry = o.problem.code == ExportError::wrong_passphrase;
            import_.step = retry ? ImportState::Step::need_passphrase : ImportState::Step::failed;
            import_.error = o.problem.message;
            return;
        }
        import_.contents = std::move(*o.contents);
        import_.read = storage::read_import(import_.contents.payload);
        if (!import_.read.workspace) {
            import_.step = ImportState::Step::failed;
            import_.error = "The file decrypted, but what is inside is not a case planner workspace: " +
                            (import_.read.problems.empty() ? std::string("unknown problem")
                                                           : import_.read.problems.front().to_string());
            return;
        }
        import_.preview = storage::preview_import(ws_, import_.read);
        import_.step = ImportState::Step::preview;
    });
    wipe(passphrase);
}

void Session::confirm_import() {
    if (import_.step != ImportState::Step::preview || read_only()) return;
    const std::size_t schools_before = ws_.schools.size(), packs_before = ws_.packs.size();
    const auto        changed = storage::apply_import(ws_, import_.read);
    const bool        packs_came = ws_.packs.size() != packs_before;
    if (packs_came) use_workspace_packs();  // the protocols the cases follow came with them
    if ((ws_.schools.size() != schools_before || packs_came) && !demo_) save_.dirty.insert(storage::kWorkspaceKey);
    next_seq_ = 0;  // imported events may carry this school's ids
    after_change(changed);
    import_.result = std::to_string(import_.preview.new_cases) + " new cases and " +
                     std::to_string(import_.preview.new_events) + " new events merged from " + import_.file_name + ".";
    import_.step = ImportState::Step::done;
}

void Session::export_file(const ExportRequest& req, std::string passphrase) {
    export_status_ = "Encrypting the export…";
    KdfSettings    kdf{kdf_default, make_salt(system_random())};
    ExportContents contents;
    contents.kind = req.case_ids.empty() ? ExportKind::backup : ExportKind::case_package;
    contents.note = req.note;
    contents.created = platform::now_utc_iso();
    contents.payload = storage::export_payload(ws_, req.case_ids);
    auto       shared = std::make_shared<ExportContents>(std::move(contents));
    const bool backup = req.case_ids.empty();
    const Turn t = turn();
    derive(passphrase, kdf, [this, kdf, shared, backup, t](std::vector<unsigned char> raw, double) {
        SecretKey key = key_from(raw);
        if (!still(t)) return;  // locked or left the demo meanwhile: nothing is written out
        if (key.empty()) {
            export_status_ = make_problem(ExportError::out_of_memory).message;
            return;
        }
        const std::string text = seal_export_with_key(*shared, key, kdf);
        const std::string date = to_iso(today());
        std::string       name =
            std::string(backup ? "caseplan-backup-" : "caseplan-cases-") + date + (demo_ ? "-DEMO" : "") + ".json";
        platform::download_file(name, text, "application/json");
        export_status_ = "Saved " + name + " to your downloads.";
        if (backup && !demo_) {
            app_.last_export = date;
            save_settings();
        }
    });
    wipe(passphrase);
}

int Session::days_since_export() const {
    const auto d = parse_iso_date(app_.last_export);
    if (!d) return -1;
    return days_between(*d, today_);
}

}  // namespace cp::app
