// vault.h: how a workspace is kept as sealed records in the device's store (IndexedDB).
//
// Pure functions: no I/O, no clock. The platform's store moves the records; this file decides
// what they hold. One record per case, so saving a change costs the size of that case, never of
// the whole workspace.
//
// Records (key -> value)
//   meta/lock        the workspace lock (Argon2id settings + sealed key check), plain JSON: unlock
//                    needs it before any key exists. Holds no pupil data.
//   meta/workspace   sealed: own school, school directory, staff, calendar (workspace format, no cases)
//   meta/app         sealed: app settings, last export date, the case index (id -> pupil name)
//   case/<id>        sealed: one case as in the workspace format ({id, heads, events})
// Each sealed record's associated data is its key, so a record moved under another key fails.
//
// Index
//   AppSettings                 settings kept with the workspace
//   lock_record, read_lock      the plain lock record
//   seal_meta, seal_app, seal_case, seal_everything
//   Damage, Opened, open_records    records -> workspace, with every unreadable record reported
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crypto/record.h"
#include "engine/workspace.h"
#include "platform/storage.h"

namespace cp::storage {

using platform::Record;

inline constexpr const char* kLockKey = "meta/lock";
inline constexpr const char* kWorkspaceKey = "meta/workspace";
inline constexpr const char* kAppKey = "meta/app";
inline constexpr const char* kCasePrefix = "case/";
inline constexpr const char* kMetaPrefix = "meta/";  // lock, workspace and app: all the locked screen needs

std::string case_key(const std::string& case_id);  // "case/<id>"

struct AppSettings {
    int                                idle_lock_minutes = 10;     // lock after this long without input (0 = never)
    int                                backup_reminder_days = 14;  // remind when the last export is older
    std::string                        last_export;                // "YYYY-MM-DD", "" when never exported
    int                                text_scale_percent = 100;   // 80..160
    bool                               dark_theme = false;
    std::map<std::string, std::string> case_names;  // case id -> pupil name, to name a damaged case
};

Json        app_settings_to_json(const AppSettings& s);
AppSettings app_settings_from_json(const Json& j);  // lenient: unknown or bad values fall back to defaults

Record                       lock_record(const WorkspaceLock& lock);
std::optional<WorkspaceLock> read_lock(const std::vector<Record>& records);  // nullopt: none or unreadable

Record              seal_meta(const Workspace& ws, const SecretKey& key);
Record              seal_app(const AppSettings& app, const SecretKey& key);
Record              seal_case(const Case& c, const SecretKey& key);
std::vector<Record> seal_everything(const Workspace& ws, const AppSettings& app, const SecretKey& key);

// Keeps the case index in step with the cases; true when it changed (meta/app must be written).
bool update_case_names(AppSettings& app, const Workspace& ws);
bool update_case_name(AppSettings& app, const Case& c);  // one case's entry; true when it changed

struct Damage {
    std::string key;         // the record's key
    std::string case_id;     // "" for a meta record
    std::string pupil_name;  // from the case index, when known
    std::string reason;      // plain English
};

struct Opened {
    std::optional<Workspace> workspace;  // nullopt when meta/workspace is unreadable
    AppSettings              app;
    std::vector<Damage>      damaged;  // records that could not be read or verified
};

// Decrypts and parses every record. A damaged case is left out and reported; the rest opens.
Opened open_records(const std::vector<Record>& records, const SecretKey& key);

// The same in steps, so a large workspace can show progress between them: open_meta reads the
// app and workspace records (its workspace is nullopt when that record is unreadable: stop
// there); open_case then adds one case record (other keys are ignored).
// report_missing last: every case the case index names that neither opened nor was reported
// damaged had its record removed under the app; it is reported too, by name.
Opened open_meta(const std::vector<Record>& records, const SecretKey& key);
void   open_case(const Record& r, const SecretKey& key, Opened& into);
void   report_missing(Opened& into);

}  // namespace cp::storage
