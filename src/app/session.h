// session.h: the open workspace and everything the screens ask of it. No ImGui here: screens
// read this state and call these commands; the session talks to the engine, the vault and the
// platform's store.
//
// Phases (starting, first_run, locked, working, open, failed) and the one table of the moves
// between them are in phase.h; every move goes through transition().
//
// Saving: every command appends events to one case, seals that case's record and writes it in
// one durable transaction. The status line says "Saved" only when the write completed; a failed
// write keeps the change in memory, says why, and is retried.
//
// Index
//   Phase, SaveStatus, ImportState, ExportRequest
//   Session: lifecycle (start, create, unlock, lock, open_demo, leave_demo, take_over)
//            cases (plans, record, open_case, undo_last)
//            exchange (begin_import, confirm_import, export_file)
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/phase.h"
#include "crypto/export_file.h"
#include "crypto/record.h"
#include "engine/engine.h"
#include "platform/storage.h"
#include "storage/exchange.h"
#include "storage/vault.h"

namespace cp::app {

struct SaveStatus {
    int                   in_flight = 0;  // writes not yet acknowledged
    std::set<std::string> dirty;          // record keys changed in memory, not yet stored
    std::string           error;          // last failure, plain English ("" when fine)
    std::string           saved_at;       // local time of the last acknowledged write
    bool                  quota = false;  // the last failure was a full disk
};

struct ImportState {
    enum class Step { none, need_passphrase, deriving, preview, done, failed } step = Step::none;
    std::string                 file_name;
    std::optional<SealedExport> sealed;
    std::string                 error;  // a specific, plain message
    ExportContents              contents;
    storage::ImportRead         read;
    storage::ImportPreview      preview;
    std::string                 result;      // after confirm: what was merged
    std::uint64_t               serial = 0;  // which import a key derivation belongs to
};

struct ExportRequest {
    std::vector<std::string> case_ids;  // empty: the whole workspace (backup)
    std::string              note;      // optional note to the recipient
};

struct NewWorkspace {
    OwnSchool   own;
    std::string staff_name, staff_role;
};

class Session {
public:
    // Lifecycle -----------------------------------------------------------------------------------
    void start();  // open the store, load records
    void create(const NewWorkspace& w, std::string passphrase);
    // First run, with a backup opened in the import dialog: the backup becomes this browser's
    // workspace, protected by `passphrase` (which may be the file's).
    bool can_restore() const;
    void restore(std::string passphrase);
    void unlock(std::string passphrase);
    void lock();                               // wipe the key, drop the open workspace
    void open_demo();                          // fictional, in memory, never stored
    void leave_demo();                         // back to where the user was
    void take_over();                          // make this tab the writer
    void tick(double now_ms, bool had_input);  // idle lock

    Phase                               phase() const { return phase_; }
    Turn                                turn() const { return {phase_, generation_}; }  // changes with every move
    const std::string&                  progress() const { return progress_; }          // "Deriving the key…"
    const std::string&                  message() const { return message_; }            // failure / wrong passphrase
    bool                                demo() const { return demo_; }
    bool                                read_only() const { return !demo_ && !info_.writer; }
    bool                                changed_elsewhere() const { return changed_elsewhere_; }
    const platform::StoreInfo&          store_info() const { return info_; }
    const SaveStatus&                   save() const { return save_; }
    const std::vector<storage::Damage>& damaged() const { return damaged_; }
    storage::AppSettings&               settings() { return app_; }
    void                                ask_to_keep();  // asks the browser again to keep the workspace
    bool                                asked_to_keep() const { return asked_to_keep_; }
    void                                save_settings();

    // Cases ---------------------------------------------------------------------------------------
    const Workspace& ws() const { return ws_; }
    // The built-in protocols are parsed on first use, or in the frame after the first (Session::tick):
    // the first screen is not held back for them.
    const PackLibrary& packs() const {
        load_packs();
        return packs_;
    }
    // A protocol file a person chose in Settings, checked against the protocols loaded now.
    struct ProtocolCheck {
        std::vector<std::string> problems;  // "kent.json /rules/3/severity: expected …"
        std::string              name;      // the protocol's name, once valid
        std::string              replaces;  // the name of the protocol of the same id it would replace
        std::string              changes;   // "2 rules added, 1 changed"
        bool                     replaces_built_in = false;
        Json                     pack;  // as written, to store
    };
    ProtocolCheck         check_protocol(const std::string& file, const std::string& text) const;
    void                  add_protocol(Json pack);  // kept in the workspace (encrypted), offered for new cases
    bool                  loaded_from_file(std::string_view pack_id) const;
    int                   cases_following(std::string_view pack_id) const;
    std::string           adapted_by(std::string_view pack_id) const;  // the name of a loaded protocol extending it, or
    void                  remove_protocol(const std::string& pack_id);  // a loaded one no case follows
    const SchoolCalendar& calendar() const { return calendar_; }
    Date                  today() const { return today_; }
    const std::vector<CasePlan>& plans();  // brought up to date after every change
    const CaseState*             state_of(const std::string& case_id);
    std::uint64_t                plans_version();  // changes whenever plans() changes
    Author                       author() const;
    int                          current_staff = 0;  // index into ws().staff

    // Checks and records; on success the case is saved. The verdict says why not.
    DraftVerdict record(const std::string& case_id, const EventDraft& draft);
    bool         open_case(const EventDraft& opened, std::string& case_id, Problems& problems);
    bool         can_undo() const { return !undo_.empty(); }
    std::string  undo_label() const;
    bool         undo_last();  // a retraction of this session's last event

    // The school directory: adds `school`, or (editing) saves it over the school with its URN. The
    // directory is stored with the workspace; in the demo it is kept in memory only. Returns what
    // is wrong, in words ("" when saved).
    std::string save_school(const School& school, bool editing);

    // Exchange ------------------------------------------------------------------------------------
    ImportState&       import_state() { return import_; }
    void               begin_import(std::string file_name, std::string bytes);
    void               import_passphrase(std::string passphrase);
    void               confirm_import();
    void               cancel_import() { import_ = {}; }
    void               export_file(const ExportRequest& req, std::string passphrase);
    const std::string& export_status() const { return export_status_; }
    int                days_since_export() const;  // -1 when never

private:
    void        seal_new(Workspace ws, std::string passphrase);  // create and restore
    void        load_stored(const std::string& prefix);          // every record, or those whose key has the prefix
    void        loaded(std::vector<platform::Record> records, bool everything);
    void        read_and_open(SecretKey key);                 // after unlocking: meta, then the cases as they arrive
    void        open_with_key(SecretKey key);                 // every record is in records_: open them at once
    bool        begin_opening(SecretKey key, bool read_all);  // meta opened; false (and locked) when unreadable
    void        continue_opening(double now_ms);              // a slice of the case records or plans, then open
    void        opened(SecretKey key);
    void        begin_recompute();  // recompute() in steps: begin, then plan_next
    bool        plan_next();        // plans one more case; false once all are done
    void        after_change(const std::vector<std::string>& case_ids);
    void        write_dirty();
    void        recompute();  // every case
    void        refresh();    // the cases changed since, or every case if needed
    void        mark_changed(const std::vector<std::string>& case_ids);
    std::string peek_event_id();  // the id the next recorded event takes
    void        fail(std::string why);
    bool        transition(Phase to);  // per phase.h's table; an illegal move is logged and refused
    bool        still(const Turn& t) const { return t == turn(); }  // an async step's turn is current
    void        load_packs() const;
    void        use_workspace_packs();  // the built-in protocols and the workspace's own; the calendar follows

    Phase                         phase_ = Phase::starting;
    std::uint64_t                 generation_ = 0;  // counts transitions (see Turn)
    std::uint64_t                 import_serial_ = 0;
    std::string                   progress_, message_;
    bool                          demo_ = false, changed_elsewhere_ = false;
    platform::StoreInfo           info_;
    std::vector<platform::Record> records_;  // sealed, as loaded (until unlocked)
    struct Opening {                         // records being decrypted and checked, a slice a frame
        storage::Opened opened;
        SecretKey       key;
        std::size_t     next = 0;          // into records_
        std::size_t     total = 0;         // case records the store holds, once it has said
        bool            read_all = false;  // the store has delivered every record
        bool            planning = false;  // records all read: the plans are being made
    };
    std::optional<Opening>                           opening_;
    SecretKey                                        key_;
    Workspace                                        ws_;
    mutable PackLibrary                              packs_;
    mutable PackLibrary                              built_in_packs_;  // parsed once, on first use
    SchoolCalendar                                   calendar_;
    bool                                             asked_to_keep_ = false;  // this session, from Settings
    Date                                             today_{};
    std::vector<CasePlan>                            plans_;
    std::vector<CaseState>                           states_;
    bool                                             stale_ = true;  // every plan must be recomputed
    std::set<std::string>                            stale_cases_;   // else only these cases' plans
    std::unordered_map<std::string, std::size_t>     index_;         // case id -> position in ws_.cases
    UpnIndex                                         upns_;          // built with every full recompute
    std::uint64_t                                    version_ = 0;
    long long                                        next_seq_ = 0;  // 0: work out from the log
    storage::AppSettings                             app_;
    std::vector<storage::Damage>                     damaged_;
    SaveStatus                                       save_;
    std::vector<std::pair<std::string, std::string>> undo_;  // (case id, event id), this session
    ImportState                                      import_;
    std::string                                      export_status_;
    double                                           last_input_ms_ = 0;
    bool                                             ticked_ = false;  // a frame has been drawn
    Workspace                                        saved_real_;      // the real workspace while the demo is open
    Phase                                            phase_before_demo_ = Phase::first_run;
};

Session& session();

}  // namespace cp::app
