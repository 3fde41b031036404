// storage.h: the app's view of the device's own storage (IndexedDB in the browser), and of the
// slow key derivation that runs off the main thread. One implementation per platform, chosen by
// the build (src/platform/web/storage_web.cpp over web/store.js and web/kdf.js).
//
// The store holds opaque records: a string key and bytes. What the bytes mean (sealed case logs,
// the workspace lock) is src/storage's business; the store never sees a passphrase or a key.
//
// Every call is asynchronous and answers exactly once through its callback, on the main thread,
// from a later frame (never re-entrantly from inside the call).
//
// Index
//   - Records         Record, StoreStatus, StoreResult, StoreInfo
//   - Opening         store_open
//   - Reading         store_load_all
//   - Writing         store_write (one transaction, durable before it answers)
//   - Two tabs        store_take_over, store_on_lost_writer, store_on_changed_elsewhere
//   - Quota           store_refresh_info
//   - Key derivation  derive_key_async
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cp::platform {

// Records ------------------------------------------------------------------------------------
struct Record {
    std::string                key;    // "case/C-2026-001", "meta/lock" …
    std::vector<unsigned char> value;  // opaque bytes
};

enum class StoreStatus {
    ok,              // done
    quota_exceeded,  // the browser's storage quota is full (QuotaExceededError); nothing was written
    read_only,       // another tab is the writer; nothing was written
    newer_schema,    // the database was made by a newer version of the app; opened read-only
    unavailable,     // IndexedDB is missing or refused (private mode, blocked by policy)
    failed,          // any other error; message says which
};

struct StoreResult {
    StoreStatus status = StoreStatus::ok;
    std::string message;  // the browser's own error name and message, for the details
    bool        ok() const { return status == StoreStatus::ok; }
};

struct StoreInfo {
    bool   writer = false;      // this tab holds the writer lock
    bool   persistent = false;  // navigator.storage.persisted()
    double usage_bytes = -1;    // navigator.storage.estimate(); -1 when unknown
    double quota_bytes = -1;
    int    schema = 0;  // the database's schema version
};

// Opening ------------------------------------------------------------------------------------
// Opens (creating or migrating) the database, asks for persistent storage and tries to become the
// writer. Another tab already writing: status ok, info.writer false (read-only until take-over).
void store_open(std::function<void(StoreResult, StoreInfo)> done);

// Reading ------------------------------------------------------------------------------------
// Every record, in key order, or only those whose key starts with `prefix`. `progress(loaded,
// total)` is called as records arrive (large stores).
void store_load_all(std::function<void(std::vector<Record>&&)>    records,
                    std::function<void(std::size_t, std::size_t)> progress, std::function<void(StoreResult)> done,
                    const std::string& prefix = "");

// Writing ------------------------------------------------------------------------------------
// One readwrite transaction with durability 'strict': all of `puts` and `deletes`, or none.
// Answers ok only after the transaction's complete event. Refused (read_only) in a read-only tab.
void store_write(std::vector<Record> puts, std::vector<std::string> deletes, std::function<void(StoreResult)> done);

// Two tabs -----------------------------------------------------------------------------------
// Takes the writer lock from the other tab (which is told, and becomes read-only).
void store_take_over(std::function<void(StoreResult, StoreInfo)> done);
// Called when another tab took the writer lock from this one.
void store_on_lost_writer(std::function<void()> handler);
// Called in a read-only tab when the writer tab has written (reload to see it).
void store_on_changed_elsewhere(std::function<void()> handler);

// Quota --------------------------------------------------------------------------------------
void store_refresh_info(std::function<void(StoreInfo)> done);
// Asks the browser again to keep the site's data (navigator.storage.persist()); answers the info after.
void store_ask_to_keep(std::function<void(StoreInfo)> done);

// Key derivation -----------------------------------------------------------------------------
// Argon2id13 (libsodium crypto_pwhash) in a Web Worker, so the page keeps drawing. `key` is 32
// bytes, or empty when the memory could not be had. The caller wipes the passphrase and the key.
void derive_key_async(const std::string& passphrase, const std::vector<unsigned char>& salt,
                      unsigned long long opslimit, unsigned long long memlimit_bytes,
                      std::function<void(std::vector<unsigned char> key, double ms)> done);

}  // namespace cp::platform
