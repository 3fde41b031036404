// case_log.h: a case as an append-only, tamper-evident event log, and how two copies merge.
//
// Identity and order
//   Every event has an id that is unique across schools (the caller makes it, e.g. from the
//   school's URN and a counter). The log's order is (at, id): the recorded timestamp, then the
//   id to break ties, so any two copies holding the same events fold them in the same order.
//
// Tamper evidence (a hash DAG, like git)
//   hash = SHA-256 of the canonical JSON of {case, id, at, author, type, payload, supersedes,
//   prev}. `prev` holds the hashes of the log's heads (events nothing yet points at) when the
//   event was recorded, so each event seals everything its author could see. The case keeps
//   its current `heads`. On load: each event's hash is recomputed; every prev must be an event
//   in the log; the recorded heads must be exactly the events nobody points at; exactly one
//   event (case_opened) has no prev. A changed event, a deleted event and a dropped last event
//   are each reported with the case and event id.
//
// Merge
//   Two copies merge by the union of events by id (same id must mean same hash). New heads are
//   the events no other event points at; the next append seals them all, joining the branches.
//
// Index
//   Case                         id, events (in log order), heads
//   event_content_hash           the hash an event should have
//   append_event                 seal and insert a new event (the only way to add one)
//   verify_case                  recompute and check; problems say which case and which event
//   merge_cases                  union of two copies of the same case
//   live_events                  events not superseded/retracted by a later live event
//   event_to_json / event_from_json   the stored form of one event
#pragma once
#include <string>
#include <vector>

#include "engine/events.h"

namespace cp {

struct Case {
    std::string              id;      // "C-2026-001": unique in the workspace
    std::vector<Event>       events;  // in log order: (at, id)
    std::vector<std::string> heads;   // hashes of events no other event points at (sorted)
};

bool        log_order_less(const Event& a, const Event& b);  // (at, id)
std::string event_content_hash(const std::string& case_id, const Event& e);
void        append_canonical_event(std::string& out, const std::string& case_id, const Event& e);

// Seals the draft with prev = current heads and inserts it in log order. Returns the stored
// event. The id must be new in this case and `at` a UTC timestamp (checked: problems + false).
bool append_event(Case& c, const EventDraft& draft, const std::string& id, const std::string& at,
                  Problems* problems = nullptr);

// Integrity check. `file` and `path` say where the case sits (e.g. "workspace.json", "/cases/3").
void verify_case(const Case& c, const std::string& file, const std::string& path, Problems& out);

// Union by id. Problems if the same id carries different content in the two copies.
Case merge_cases(const Case& a, const Case& b, Problems& out);

// Index (into c.events) of every event that still counts: one is dropped when a later live
// event supersedes it (a correction replaces it; a retraction removes it).
std::vector<std::size_t> live_events(const Case& c);

Json                 event_to_json(const Event& e);
std::optional<Event> event_from_json(const Json& j, const std::string& file, const std::string& path, Problems& out);
std::optional<Event> event_from_json(Json&& j, const std::string& file, const std::string& path,
                                     Problems& out);  // moves the payload out

std::vector<std::string> compute_heads(const Case& c);  // sorted hashes nobody points at

}  // namespace cp
