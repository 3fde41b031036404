"""Behaviour of the `caseplan` command-line tool, driven through subprocess in a temporary folder.

Run with Debian's interpreter:
    /usr/bin/python3 tests/cli/test_cli.py build/native/caseplan

The facts checked come from the demonstration workspace (src/engine/demo.h) read on its day,
2026-11-20, and from docs/cli.md and docs/workspace-format.md. Where a number can be worked out
from the workspace itself (the panel report, the event hashes), it is worked out here in Python,
independently of the C++ code, and compared.
"""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

CASEPLAN = None  # set from the command line in __main__
HERE = os.path.dirname(os.path.abspath(__file__))
PROTOCOLS = os.path.join(HERE, "..", "..", "assets", "protocols")
TODAY = "2026-11-20"
# As docs/cli.md gives them: the columns the app's report shows, in its order.
REPORT_COLUMNS = ["Term", "School", "URN", "Proposed", "Started", "Received", "Successful", "Unsuccessful",
                  "Ended early", "Transferred", "Returned", "Alternative provision", "Permanent exclusion", "Withdrawn"]
# The column of each count worked out below (an outcome's word names its column).
COLUMN_OF = {"proposed": "Proposed", "started": "Started", "received": "Received", "transferred": "Transferred",
             "returned": "Returned", "alternative_provision": "Alternative provision",
             "permanent_exclusion": "Permanent exclusion", "withdrawn": "Withdrawn"}


# ---- the hash definition, written from docs/workspace-format.md ---------------------------------

def canonical(value):
    """Keys in byte order, no whitespace, only " \\ and control characters escaped (as \\u00xx)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-8"))
        return "{" + ",".join(canonical(k) + ":" + canonical(value[k]) for k in keys) + "}"
    raise TypeError("no canonical form for %r" % (value,))


def event_hash(case_id, event):
    content = {"at": event["at"], "author": event["author"], "case": case_id, "id": event["id"],
               "payload": event["payload"], "prev": event["prev"], "supersedes": event.get("supersedes", ""),
               "type": event["type"]}
    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()


def reseal(case):
    """Recomputes every hash of a case (events in log order, each pointing at earlier ones)."""
    renamed = {}
    for event in case["events"]:
        event["prev"] = sorted(renamed.get(p, p) for p in event["prev"])
        new = event_hash(case["id"], event)
        renamed[event["hash"]] = new
        event["hash"] = new
    case["heads"] = sorted(renamed.get(h, h) for h in case["heads"])


def live_events(case):
    """Events that still count: not superseded by a later live event, and not retractions."""
    events = case["events"]
    index = {e["id"]: i for i, e in enumerate(events)}
    dead = set()
    for i in range(len(events) - 1, -1, -1):
        target = events[i].get("supersedes")
        if i not in dead and target in index and index[target] < i:
            dead.add(index[target])
    return [e for i, e in enumerate(events) if i not in dead and e["type"] != "retraction"]


# ---- helpers ------------------------------------------------------------------------------------

class CliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="caseplan-cli-")
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_cli(self, *args):
        return subprocess.run([CASEPLAN, *args], cwd=self.dir, capture_output=True, text=True, timeout=60)

    def demo(self, name="demo.json"):
        result = self.run_cli("demo", self.path(name))
        self.assertEqual(result.returncode, 0, result.stderr)
        return self.path(name)

    def read_json(self, name):
        with open(self.path(name), encoding="utf-8") as f:
            return json.load(f)

    def write_json(self, name, value):
        with open(self.path(name), "w", encoding="utf-8") as f:
            json.dump(value, f, indent=1, ensure_ascii=False)
        return self.path(name)

    def plan(self, workspace, *extra):
        result = self.run_cli("plan", "--today", TODAY, *extra, workspace)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def plan_of(self, plans, case_id):
        found = [p for p in plans["plans"] if p["case"] == case_id]
        self.assertEqual(len(found), 1, "expected one plan for " + case_id)
        return found[0]

    def assert_usage_error(self, result):
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("usage:", result.stderr)

    def workspace_using(self, pack_id):
        """The demo with its Norfolk case moved to another pack, every hash resealed."""
        data = self.read_json(os.path.basename(self.demo()))
        case = next(c for c in data["cases"] if c["id"] == "DEMO-NO-1")
        case["events"][0]["payload"]["pack"] = pack_id
        reseal(case)
        return self.write_json("with-" + pack_id + ".json", data)

    def pack_copy(self, new_id, source="norfolk"):
        with open(os.path.join(PROTOCOLS, source + ".json"), encoding="utf-8") as f:
            pack = json.load(f)
        pack["id"] = new_id
        pack["name"] = "Test copy of " + source
        pack["local_authority"] = new_id.title() + " County Council (test)"
        for rule in pack["rules"]:
            rule["id"] = rule["id"].replace(source + "/", new_id + "/")
        for conflict in pack.get("conflicts", []):
            conflict["id"] = conflict["id"].replace(source + "/", new_id + "/")
        return pack


# ---- demo and validate --------------------------------------------------------------------------

class DemoAndValidate(CliTest):
    def test_demo_writes_a_workspace_that_validate_accepts(self):
        workspace = self.demo()
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid workspace", result.stdout)
        self.assertIn("6 cases", result.stdout)
        self.assertEqual(result.stderr, "")

    def test_demo_is_byte_identical_when_written_twice(self):
        with open(self.demo("a.json"), "rb") as a, open(self.demo("b.json"), "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_demo_event_hashes_match_an_independent_implementation_of_the_documented_definition(self):
        workspace = self.read_json(os.path.basename(self.demo()))
        self.assertEqual(workspace["format"], "caseplan-workspace")
        self.assertEqual(workspace["version"], 2)
        for case in workspace["cases"]:
            for event in case["events"]:
                self.assertEqual(event_hash(case["id"], event), event["hash"], case["id"] + " " + event["id"])
            self.assertEqual(case["heads"], [case["events"][-1]["hash"]])

    def test_the_worked_hash_example_in_the_format_document_is_the_demo_event_and_its_hash(self):
        with open(os.path.join(HERE, "..", "..", "docs", "workspace-format.md"), encoding="utf-8") as f:
            doc = f.read()
        canonical_line = re.search(r"^    (\{\"at\":.*\})$", doc, re.M).group(1)
        digest = re.search(r"whose SHA-256 is `([0-9a-f]{64})`", doc).group(1)
        self.assertEqual(hashlib.sha256(canonical_line.encode("utf-8")).hexdigest(), digest)
        content = json.loads(canonical_line)
        case = next(c for c in self.read_json(os.path.basename(self.demo()))["cases"] if c["id"] == content["case"])
        event = next(e for e in case["events"] if e["id"] == content["id"])
        self.assertEqual(event["hash"], digest)
        self.assertEqual(canonical({**content, "case": case["id"]}), canonical_line)

    def test_demo_into_an_unwritable_place_is_a_file_error(self):
        result = self.run_cli("demo", self.path("no-such-folder/demo.json"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("cannot write", result.stderr)


# ---- plan ---------------------------------------------------------------------------------------

class Plan(CliTest):
    @classmethod
    def setUpClass(cls):
        cls.shared = tempfile.mkdtemp(prefix="caseplan-plan-")
        workspace = os.path.join(cls.shared, "demo.json")
        subprocess.run([CASEPLAN, "demo", workspace], check=True, capture_output=True)
        out = subprocess.run([CASEPLAN, "plan", "--today", TODAY, workspace], capture_output=True, text=True)
        cls.returncode, cls.stderr = out.returncode, out.stderr
        cls.plans = json.loads(out.stdout)
        with open(workspace, encoding="utf-8") as f:
            cls.workspace = json.load(f)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared)

    def test_plan_succeeds_and_gives_one_plan_per_case_in_workspace_order(self):
        self.assertEqual(self.returncode, 0, self.stderr)
        self.assertEqual([p["case"] for p in self.plans["plans"]], [c["id"] for c in self.workspace["cases"]])

    def test_plan_echoes_today_and_the_calendar_of_the_workspace_la_with_no_integrity_problems(self):
        self.assertEqual(self.plans["today"], TODAY)
        self.assertEqual(self.plans["calendar"], "worcestershire")
        self.assertEqual(self.plans["integrity"], [])

    def test_every_plan_has_the_documented_parts(self):
        for plan in self.plans["plans"]:
            for key in ("stage", "checklist", "deadlines", "alerts", "actions", "attendance", "readings"):
                self.assertIn(key, plan, plan["case"])
            for deadline in plan["deadlines"]:
                self.assertIn(deadline["status"], ("upcoming", "due", "overdue", "met"))
                self.assertTrue(deadline["citation"]["text"], deadline["rule"])
                self.assertNotIn("file", deadline["citation"])
            for alert in plan["alerts"]:
                self.assertIn(alert["level"], ("blocking", "warning", "info"))
                self.assertTrue(alert["citation"]["text"], alert["rule"])
                self.assertNotIn("file", alert["citation"])

    def test_worcestershire_direction_is_in_placement_with_its_review_overdue(self):
        plan = self.plan_of(self.plans, "DEMO-WO-1")
        self.assertEqual(plan["pack"], "worcestershire")
        self.assertEqual(plan["stage"], "placement")
        overdue = {d["rule"]: d for d in plan["deadlines"] if d["status"] == "overdue"}
        review = overdue.get("worcestershire/reviews-at-agreed-intervals")
        self.assertIsNotNone(review, sorted(overdue))
        self.assertEqual(review["date"], "2026-10-19")   # the postponed review that never happened
        self.assertIsNone(review["done_on"])
        self.assertIn("worcestershire/first-review-6-school-weeks", overdue)
        warnings = [a for a in plan["alerts"] if a["level"] == "warning"]
        self.assertTrue(any("Overdue since 19/10/2026" in a["message"] for a in warnings), warnings)

    def test_worcestershire_attendance_counts_the_recorded_weeks(self):
        plan = self.plan_of(self.plans, "DEMO-WO-1")
        attendance = plan["attendance"]
        self.assertEqual(attendance["weeks"], 6)
        self.assertEqual(attendance["present"] + attendance["absent"], attendance["possible"])

    def trial_plan(self):
        """DEMO-HF-1 as a school following Hammersmith & Fulham's 2019 wording would open it: a trial
        managed move (the demo itself follows the lawful path, an off-site direction converting)."""
        workspace = json.loads(json.dumps(self.workspace))
        case = next(c for c in workspace["cases"] if c["id"] == "DEMO-HF-1")
        case["events"][0]["payload"]["kind"] = "managed_move"
        reseal(case)
        path = self.write_json("trial.json", workspace)
        return self.plan_of(self.plan(path), "DEMO-HF-1")

    def test_the_demo_has_no_case_of_a_kind_the_statute_forbids(self):
        for plan in self.plans["plans"]:
            self.assertNotIn("england/no-trial-managed-move", [a["rule"] for a in plan["alerts"]], plan["case"])

    def test_hammersmith_fulham_trial_managed_move_is_blocked_by_statute(self):
        plan = self.trial_plan()
        self.assertEqual(plan["kind"], "managed_move")
        blocking = [a for a in plan["alerts"] if a["level"] == "blocking"]
        self.assertEqual([a["rule"] for a in blocking], ["england/no-trial-managed-move"])
        self.assertIn("cannot be a trial", blocking[0]["message"])
        starts = [a for a in plan["actions"] if a["action"] == "start_placement"]
        self.assertEqual(len(starts), 1)
        self.assertFalse(starts[0]["allowed"])
        self.assertNotIn("start_placement", plan["allowed_actions"])

    def test_hammersmith_fulham_local_trial_wording_is_shown_as_a_conflict_with_the_statute(self):
        plan = self.trial_plan()
        conflict = [a for a in plan["alerts"] if a["rule"] == "hammersmith-fulham/trial-transfer-vs-statute"]
        self.assertEqual(len(conflict), 1)
        self.assertIn("statutory_citation", conflict[0])
        self.assertIn("trial", conflict[0]["detail"])

    def test_thurrock_serious_breach_has_ended_the_placement(self):
        plan = self.plan_of(self.plans, "DEMO-TH-1")
        self.assertEqual(plan["stage"], "ending")
        blocking = [a["rule"] for a in plan["alerts"] if a["level"] == "blocking"]
        self.assertIn("thurrock/serious-breach-ends-at-once", blocking)

    def test_finished_cases_are_at_their_final_stage(self):
        self.assertEqual(self.plan_of(self.plans, "DEMO-WO-2")["stage"], "transferred")
        self.assertEqual(self.plan_of(self.plans, "DEMO-OX-1")["stage"], "returned")
        self.assertEqual(self.plan_of(self.plans, "DEMO-NO-1")["stage"], "preparing")

    def test_plan_depends_on_the_given_day_not_the_clock(self):
        result = self.run_cli("plan", "--today", "2026-10-01", os.path.join(self.shared, "demo.json"))
        self.assertEqual(result.returncode, 0, result.stderr)
        early = json.loads(result.stdout)
        self.assertEqual(early["today"], "2026-10-01")
        plan = self.plan_of(early, "DEMO-WO-1")
        statuses = {d["rule"]: d["status"] for d in plan["deadlines"]}
        self.assertNotEqual(statuses.get("worcestershire/reviews-at-agreed-intervals"), "overdue")


# ---- report -------------------------------------------------------------------------------------

class Report(CliTest):
    def report(self, workspace, start="2026-09-01", end="2027-08-31"):
        result = self.run_cli("report", "--from", start, "--to", end, workspace)
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        if rows:   # the last row is the total, each pupil once
            self.assertEqual(rows[-1]["Term"], "Total")
            self.total = rows.pop()
        return rows, result.stdout

    def test_report_has_the_documented_header(self):
        _, text = self.report(self.demo())
        self.assertEqual(text.splitlines()[0].split(","), REPORT_COLUMNS)

    def test_report_numbers_equal_those_worked_out_from_the_workspace(self):
        workspace_path = self.demo()
        rows, _ = self.report(workspace_path)
        workspace = self.read_json("demo.json")
        own = workspace["own_school"]["urn"]
        expected = {}   # urn -> {column: count}

        def count(urn, column):
            expected.setdefault(urn, {}).setdefault(column, 0)
            expected[urn][column] += 1

        for case in workspace["cases"]:
            events = live_events(case)
            opened = next(e["payload"] for e in events if e["type"] == "case_opened")
            home = opened.get("home_urn") or own
            host = None
            for e in events:
                if e["type"] == "host_decision":
                    if e["payload"]["accepted"]:
                        host = e["payload"]["urn"]
                    elif host == e["payload"]["urn"]:
                        host = None
            count(home, "proposed")
            for e in events:
                if e["type"] == "placement_started":
                    count(home, "started")
                    count(host, "received")
                if e["type"] == "outcome_recorded":
                    for urn in {home, host} - {None}:
                        count(urn, e["payload"]["outcome"])
        actual = {}
        for row in rows:
            for column in ("proposed", "started", "received", "transferred", "returned"):
                if int(row[COLUMN_OF[column]]):
                    actual.setdefault(row["URN"], {}).setdefault(column, 0)
                    actual[row["URN"]][column] += int(row[COLUMN_OF[column]])
        self.assertEqual(actual, expected)
        self.assertEqual(sum(int(r["Proposed"]) for r in rows), len(workspace["cases"]))
        # The total counts each pupil once: one outcome per case that has one.
        outcomes = [next((e["payload"]["outcome"] for e in live_events(c) if e["type"] == "outcome_recorded"), None)
                    for c in workspace["cases"]]
        for word in ("transferred", "returned"):
            self.assertEqual(int(self.total[COLUMN_OF[word]]), outcomes.count(word), word)
        self.assertEqual(int(self.total["Proposed"]), len(workspace["cases"]))

    def test_report_names_schools_from_the_directory_and_terms_from_the_calendar(self):
        rows, _ = self.report(self.demo())
        names = {s["urn"]: s["name"] for s in self.read_json("demo.json")["schools"]}
        for row in rows:
            self.assertEqual(row["School"], names[row["URN"]])
            self.assertEqual(row["Term"], "Autumn 2026")

    def test_report_outside_the_range_of_any_case_has_only_the_header(self):
        rows, text = self.report(self.demo(), "2020-01-01", "2020-12-31")
        self.assertEqual(rows, [])
        self.assertEqual(text.splitlines(), [",".join(REPORT_COLUMNS)])


# ---- documents ----------------------------------------------------------------------------------

class Documents(CliTest):
    def documents(self, workspace, case_id):
        result = self.run_cli("documents", "--today", TODAY, workspace, case_id)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_worcestershire_case_gets_the_worcestershire_forms_with_what_is_missing(self):
        docs = self.documents(self.demo(), "DEMO-WO-1")
        ids = [d["id"] for d in docs]
        for expected in ("worcs_notification", "worcs_passport", "worcs_initial_meeting", "direction_letter"):
            self.assertIn(expected, ids)
        for doc in docs:
            self.assertTrue(doc["title"])
            self.assertTrue(doc["sections"])
            self.assertIsInstance(doc["missing"], list)
        passport = next(d for d in docs if d["id"] == "worcs_passport")
        self.assertGreater(len(passport["missing"]), 0)

    def test_thurrock_case_gets_the_thurrock_contract(self):
        ids = [d["id"] for d in self.documents(self.demo(), "DEMO-TH-1")]
        self.assertIn("thurrock_contract", ids)

    def test_documents_fills_in_the_pupil_name(self):
        docs = self.documents(self.demo(), "DEMO-WO-1")
        values = [f["value"] for d in docs for s in d["sections"] for f in s["fields"]]
        self.assertIn("Ellis Ward (fictional)", values)

    def test_documents_of_an_unknown_case_fail_naming_the_case(self):
        result = self.run_cli("documents", "--today", TODAY, self.demo(), "NO-SUCH-CASE")
        self.assertEqual(result.returncode, 1)
        self.assertIn("NO-SUCH-CASE", result.stderr)


# ---- damaged and refused workspaces -------------------------------------------------------------

class DamagedWorkspaces(CliTest):
    def test_one_changed_payload_byte_fails_validate_naming_the_case_and_event(self):
        workspace = self.demo()
        data = self.read_json("demo.json")
        case = next(c for c in data["cases"] if c["id"] == "DEMO-TH-1")
        breach = next(e for e in case["events"] if e["type"] == "serious_breach")
        with open(workspace, "rb") as f:
            raw = f.read()
        needle = b"Assault on a pupil at lunchtime"
        self.assertGreaterEqual(raw.count(needle), 1)  # DEMO-TH-1's comes first (another pupil's case tells the same story)
        with open(workspace, "wb") as f:
            f.write(raw.replace(needle, b"Assault on a pupil at lunchtimE", 1))
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("case DEMO-TH-1", result.stderr)
        self.assertIn("event " + breach["id"], result.stderr)
        self.assertIn("changed after it was recorded", result.stderr)
        index = case["events"].index(breach)
        self.assertIn("/cases/%d/events/%d" % (data["cases"].index(case), index), result.stderr)

    def test_a_damaged_log_is_still_planned_but_the_problem_is_reported_and_the_exit_is_1(self):
        data = self.read_json(os.path.basename(self.demo()))
        data["cases"][0]["events"][3]["payload"]["name"] = "Someone Else"
        workspace = self.write_json("damaged.json", data)
        result = self.run_cli("plan", "--today", TODAY, workspace)
        self.assertEqual(result.returncode, 1)
        plans = json.loads(result.stdout)
        self.assertEqual(len(plans["plans"]), len(data["cases"]))
        self.assertEqual(len(plans["integrity"]), 1)
        self.assertIn("DEMO-WO-1", plans["integrity"][0]["message"])

    def test_a_removed_last_event_is_reported_as_the_end_of_the_log_missing(self):
        data = self.read_json(os.path.basename(self.demo()))
        dropped = data["cases"][4]["events"].pop()
        workspace = self.write_json("cut.json", data)
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("case " + data["cases"][4]["id"], result.stderr)
        self.assertIn("the end of the log was removed", result.stderr)
        self.assertIn(dropped["hash"][:12], result.stderr)

    def test_a_rewritten_event_with_a_recomputed_hash_is_caught_by_the_next_event(self):
        data = self.read_json(os.path.basename(self.demo()))
        case = data["cases"][1]
        event = case["events"][2]
        event["payload"]["name"] = "Forged Name"
        event["hash"] = event_hash(case["id"], event)
        workspace = self.write_json("forged.json", data)
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("event " + case["events"][3]["id"], result.stderr)
        self.assertIn("no longer in the log", result.stderr)

    def test_an_unknown_workspace_version_is_refused_with_a_clear_message(self):
        data = self.read_json(os.path.basename(self.demo()))
        data["version"] = 3
        workspace = self.write_json("v3.json", data)
        for args in (["validate", workspace], ["plan", "--today", TODAY, workspace]):
            result = self.run_cli(*args)
            self.assertEqual(result.returncode, 1, args)
            self.assertIn("/version", result.stderr)
            self.assertIn("version 3 is not supported", result.stderr)
            self.assertIn("reads versions 1 to 2 only", result.stderr)

    def test_a_file_that_is_not_a_workspace_is_refused(self):
        workspace = self.write_json("other.json", {"format": "something-else", "version": 1})
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a case planner workspace", result.stderr)

    def test_malformed_json_exits_1_with_the_position(self):
        with open(self.path("broken.json"), "w") as f:
            f.write('{"format": "caseplan-workspace", "version": 1,\n  "cases": [\n')
        for args in (["validate", "broken.json"], ["plan", "--today", TODAY, "broken.json"],
                     ["report", "--from", "2026-09-01", "--to", "2027-08-31", "broken.json"]):
            result = self.run_cli(*args)
            self.assertEqual(result.returncode, 1, args)
            self.assertIn("broken.json", result.stderr)
            self.assertIn("not valid JSON", result.stderr)
            self.assertIn("line 3", result.stderr)

    def test_a_number_too_large_for_a_double_is_invalid_json_not_a_crash(self):
        # Found by fuzzing (fuzz_vault, fuzz_pack): nlohmann throws out_of_range, not parse_error.
        with open(self.path("huge.json"), "w") as f:
            f.write('{"format": "caseplan-workspace", "version": 1, "cases": [], "x": 1e400}')
        with open(self.path("huge-pack.json"), "w") as f:
            f.write('{"format": "caseplan-pack", "version": 1e400}')
        for args in (["validate", "huge.json"], ["plan", "--today", TODAY, "huge.json"],
                     ["validate", "huge-pack.json"]):
            result = self.run_cli(*args)
            self.assertEqual(result.returncode, 1, args)
            self.assertIn("not valid JSON", result.stderr)
            self.assertIn("number overflow", result.stderr)

    def test_an_unknown_event_field_is_reported_with_its_path(self):
        data = self.read_json(os.path.basename(self.demo()))
        data["cases"][0]["events"][1]["payload"]["shoe_size"] = 5
        workspace = self.write_json("extra.json", data)
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("/cases/0/events/1/payload/shoe_size", result.stderr)


# ---- usage and file errors ----------------------------------------------------------------------

class Check(CliTest):
    """docs/cli.md, check: the app's recording check from the command line (issue 12 §7)."""

    def check(self, workspace, case, event_type, payload):
        return self.run_cli("check", "--today", TODAY, workspace, case, event_type, json.dumps(payload))

    def test_a_start_before_the_written_notice_is_refused_with_reg_3_and_the_file_is_unchanged(self):
        workspace = self.demo()
        with open(workspace, "rb") as f:
            before = f.read()
        result = self.check(workspace, "DEMO-HF-1", "placement_started", {"date": TODAY})
        self.assertEqual(result.returncode, 1, result.stderr)
        verdict = json.loads(result.stdout)
        self.assertFalse(verdict["allowed"])
        self.assertEqual(verdict["action"], "start_placement")
        notice = [a for a in verdict["blocking"] if a["rule"] == "england/notice-before-start"]
        self.assertEqual(len(notice), 1)
        self.assertIn("regulation 3", notice[0]["citation"]["text"])
        with open(workspace, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_a_fact_dated_after_today_is_refused(self):
        result = self.check(self.demo(), "DEMO-WO-1", "review_held", {"date": "2026-11-27", "outcome": "continue"})
        self.assertEqual(result.returncode, 1)
        self.assertIn("engine/fact-in-future", [a["rule"] for a in json.loads(result.stdout)["blocking"]])

    def test_a_note_is_allowed(self):
        result = self.check(self.demo(), "DEMO-NO-1", "note", {"text": "Parent phoned"})
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(json.loads(result.stdout), {"allowed": True, "action": "record_details", "blocking": [], "warnings": []})

    def test_an_unknown_event_type_or_a_payload_that_is_not_an_object_is_a_usage_error(self):
        workspace = self.demo()
        self.assert_usage_error(self.run_cli("check", "--today", TODAY, workspace, "DEMO-NO-1", "tea_break", "{}"))
        self.assert_usage_error(self.run_cli("check", "--today", TODAY, workspace, "DEMO-NO-1", "note", "[1]"))

    def test_an_unknown_case_exits_1(self):
        result = self.check(self.demo(), "NO-SUCH-CASE", "note", {"text": "x"})
        self.assertEqual(result.returncode, 1)
        self.assertIn("no case NO-SUCH-CASE", result.stderr)


class UsageAndFiles(CliTest):
    def test_no_command_is_a_usage_error(self):
        self.assert_usage_error(self.run_cli())

    def test_unknown_command_is_a_usage_error(self):
        result = self.run_cli("frobnicate")
        self.assert_usage_error(result)
        self.assertIn('unknown command "frobnicate"', result.stderr)

    def test_unknown_option_is_a_usage_error(self):
        result = self.run_cli("plan", "--yesterday", "2026-11-20", self.demo())
        self.assert_usage_error(result)
        self.assertIn("unknown option --yesterday", result.stderr)

    def test_plan_without_today_is_a_usage_error(self):
        result = self.run_cli("plan", self.demo())
        self.assert_usage_error(result)
        self.assertIn("--today", result.stderr)

    def test_an_impossible_date_is_a_usage_error(self):
        result = self.run_cli("plan", "--today", "2026-02-30", self.demo())
        self.assert_usage_error(result)
        self.assertIn('"2026-02-30"', result.stderr)

    def test_report_without_its_range_is_a_usage_error(self):
        self.assert_usage_error(self.run_cli("report", "--from", "2026-09-01", self.demo()))

    def test_an_option_without_its_value_is_a_usage_error(self):
        result = self.run_cli("validate", self.demo(), "--pack")
        self.assert_usage_error(result)
        self.assertIn("--pack needs a value", result.stderr)

    def test_wrong_number_of_files_is_a_usage_error(self):
        workspace = self.demo()
        self.assert_usage_error(self.run_cli("validate", workspace, workspace))
        self.assert_usage_error(self.run_cli("documents", "--today", TODAY, workspace))

    def test_help_prints_usage_and_succeeds(self):
        result = self.run_cli("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("caseplan validate", result.stdout)

    def test_a_missing_workspace_file_exits_2(self):
        for args in (["validate", "absent.json"], ["plan", "--today", TODAY, "absent.json"],
                     ["report", "--from", "2026-09-01", "--to", "2027-08-31", "absent.json"],
                     ["documents", "--today", TODAY, "absent.json", "DEMO-WO-1"]):
            result = self.run_cli(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn("cannot read", result.stderr)
            self.assertIn("absent.json", result.stderr)

    def test_a_missing_pack_file_exits_2(self):
        result = self.run_cli("plan", "--today", TODAY, "--pack", "absent-pack.json", self.demo())
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("absent-pack.json", result.stderr)


# ---- protocol packs loaded at run time -----------------------------------------------------------

class PacksAtRunTime(CliTest):
    def test_a_renamed_copy_of_a_shipped_pack_validates_as_a_pack(self):
        pack = self.write_json("kent.json", self.pack_copy("kent"))
        result = self.run_cli("validate", pack)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid protocol pack: kent.json", result.stdout)

    def test_a_case_using_a_pack_that_is_not_loaded_fails_validate_naming_the_pack(self):
        workspace = self.workspace_using("kent")
        result = self.run_cli("validate", workspace)
        self.assertEqual(result.returncode, 1)
        self.assertIn("case DEMO-NO-1", result.stderr)
        self.assertIn('"kent"', result.stderr)
        self.assertIn("--pack", result.stderr)

    def test_with_the_pack_given_the_same_workspace_validates_and_plans_without_rebuilding(self):
        workspace = self.workspace_using("kent")
        pack = self.write_json("kent.json", self.pack_copy("kent"))
        result = self.run_cli("validate", "--pack", pack, workspace)
        self.assertEqual(result.returncode, 0, result.stderr)
        plan = self.plan_of(self.plan(workspace, "--pack", pack), "DEMO-NO-1")
        self.assertEqual(plan["pack"], "kent")
        self.assertEqual(plan["stage"], "preparing")
        self.assertTrue(any(a["rule"].startswith("kent/") for a in plan["alerts"]), plan["alerts"])

    def test_without_the_pack_the_case_is_planned_with_a_blocking_unknown_pack_alert(self):
        plan = self.plan_of(self.plan(self.workspace_using("kent")), "DEMO-NO-1")
        self.assertEqual([a["rule"] for a in plan["alerts"]], ["engine/unknown-pack"])
        self.assertEqual(plan["alerts"][0]["level"], "blocking")

    def test_an_invalid_pack_names_the_file_the_path_and_what_was_expected(self):
        pack = self.pack_copy("kent")
        pack["rules"][0]["severity"] = "stop"
        pack["rules"][1]["params"]["action"] = "fly"
        pack["colour"] = "blue"
        path = self.write_json("kent-bad.json", pack)
        result = self.run_cli("validate", path)
        self.assertEqual(result.returncode, 1)
        lines = result.stderr.splitlines()
        self.assertIn('kent-bad.json /rules/0/severity: expected one of blocks, warns, informs; found "stop"', lines)
        self.assertTrue(any(l.startswith("kent-bad.json /rules/1/params/action: expected one of propose_host")
                            and l.endswith('found "fly"') for l in lines), lines)
        self.assertTrue(any(l.startswith("kent-bad.json /colour: unknown field") for l in lines), lines)

    def test_an_invalid_pack_given_with_plan_stops_the_plan(self):
        pack = self.pack_copy("kent")
        del pack["rules"][0]["kind"]
        path = self.write_json("kent-bad.json", pack)
        result = self.run_cli("plan", "--today", TODAY, "--pack", path, self.demo())
        self.assertEqual(result.returncode, 1)
        self.assertIn("kent-bad.json /rules/0/kind", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_a_pack_that_extends_nothing_loaded_is_refused(self):
        standalone = self.pack_copy("kent")
        del standalone["extends"]
        unknown = self.pack_copy("kent")
        unknown["extends"] = "surrey"
        for name, pack in (("kent-alone.json", standalone), ("kent-unknown.json", unknown)):
            result = self.run_cli("validate", self.write_json(name, pack))
            self.assertEqual(result.returncode, 1, name)
            self.assertIn(name + ' /extends', result.stderr)
            self.assertIn('"england-baseline"', result.stderr)

    def test_a_pack_adapting_a_neighbours_protocol_is_planned_with_its_rules_and_the_statutory_ones(self):
        # Kent adapts Norfolk's scheme: only its own source and one rule of its own.
        pack = {"format": "caseplan-pack", "version": 1, "id": "kent", "name": "Kent Scheme",
                "local_authority": "Kent County Council", "extends": "norfolk",
                "sources": [{"id": "kent-scheme", "title": "Scheme", "publisher": "Kent County Council",
                             "date": "2026"}],
                "rules": [{"id": "kent/advice", "kind": "info", "severity": "informs", "message": "Call us first.",
                           "citation": {"source": "kent-scheme", "paragraph": "1"}}]}
        path = self.write_json("kent-on-norfolk.json", pack)
        result = self.run_cli("validate", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        workspace = self.workspace_using("kent")
        plan = self.plan_of(self.plan(workspace, "--pack", path), "DEMO-NO-1")
        rules = {a["rule"] for a in plan["alerts"]} | {d["rule"] for d in plan["deadlines"]}
        self.assertIn("kent/advice", rules)
        self.assertTrue(any(r.startswith("norfolk/") for r in rules), rules)

    def test_a_pack_that_replaces_a_statutory_rule_is_refused(self):
        pack = self.pack_copy("kent")
        pack["replaces"] = ["england/no-trial-managed-move"]
        path = self.write_json("kent-statute.json", pack)
        result = self.run_cli("validate", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("kent-statute.json /replaces", result.stderr)
        self.assertIn("statutory", result.stderr)


class Vocabulary(CliTest):
    def test_vocabulary_prints_the_reference_the_guide_holds(self):
        result = self.run_cli("vocabulary")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(HERE, "..", "..", "docs", "protocol-packs.md"), encoding="utf-8") as f:
            guide = f.read()
        self.assertIn("<!-- generated by caseplan vocabulary: do not edit by hand -->\n" + result.stdout +
                      "<!-- end of the generated vocabulary -->", guide)
        for word in ("`gate`", "`hold_review`", "`step.<id>`", "`attendees`"):
            self.assertIn(word, result.stdout)

    def test_vocabulary_takes_no_file(self):
        self.assertEqual(self.run_cli("vocabulary", "x.json").returncode, 2)


class VersionOneWorkspace(CliTest):
    """tests/engine/fixtures/before-steps.json: three demonstration cases saved in workspace format
    version 1, before protocols declared their steps, with entries stored as gdpr_form_signed,
    visit_held, progress_check and nearest_schools_listed (docs/workspace-format.md, the version rule)."""

    FIXTURE = os.path.join(HERE, "..", "engine", "fixtures", "before-steps.json")

    def test_its_old_entries_keep_the_hashes_they_were_stored_with(self):
        with open(self.FIXTURE, encoding="utf-8") as f:
            workspace = json.load(f)
        self.assertEqual(workspace["version"], 1)
        old = [e for c in workspace["cases"] for e in c["events"]
               if e["type"] in ("gdpr_form_signed", "visit_held", "progress_check", "nearest_schools_listed")]
        self.assertEqual(len(old), 5)
        result = self.run_cli("validate", self.FIXTURE)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_it_plans_exactly_as_the_same_cases_recorded_today(self):
        before = self.plan(self.FIXTURE)["plans"]
        today = {p["case"]: p for p in self.plan(self.demo())["plans"]}
        self.assertEqual([p["case"] for p in before], ["DEMO-TH-1", "DEMO-OX-1", "DEMO-NO-1"])
        for plan in before:
            self.assertEqual(plan, today[plan["case"]], plan["case"])


class SixthAuthority(CliTest):
    """tests/packs/example-county.json: a fictional authority written only as data, with its own
    calendar, passport and forms, loaded by a program that has never seen it."""

    PACK = os.path.join(HERE, "..", "packs", "example-county.json")

    def test_it_validates(self):
        result = self.run_cli("validate", self.PACK)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid protocol pack: example-county.json", result.stdout)

    def test_a_case_under_it_is_planned_by_its_rules_and_calendar(self):
        workspace = self.workspace_using("example-county")
        plan = self.plan_of(self.plan(workspace, "--pack", self.PACK), "DEMO-NO-1")
        self.assertEqual(plan["pack"], "example-county")
        rules = {a["rule"] for a in plan["alerts"]}
        self.assertTrue(any(r.startswith("example-county/") for r in rules), rules)
        self.assertFalse(any(r.startswith("norfolk/") for r in rules), rules)

    def test_its_own_forms_print_with_its_passport_questions_and_checkpoints(self):
        workspace = self.workspace_using("example-county")
        result = self.run_cli("documents", "--today", TODAY, "--pack", self.PACK, workspace, "DEMO-NO-1")
        self.assertEqual(result.returncode, 0, result.stderr)
        docs = {d["id"]: d for d in json.loads(result.stdout)}
        self.assertIn("example_referral", docs)
        referral = docs["example_referral"]
        self.assertEqual(referral["title"], "Example County Managed Move Referral")
        self.assertTrue(referral["source"]["text"].startswith("Example County Council"), referral["source"])
        headings = [s["heading"] for s in referral["sections"]]
        self.assertEqual(headings, ["The pupil", "Learning", "Behaviour and support", "Exclusions this year", "Agreement"])
        self.assertIn("Learning: Reading age", referral["missing"])  # the school has not answered it yet
        checkpoints = docs["example_checkpoints"]
        self.assertIn("Checkpoint at 3 weeks", [s["heading"] for s in checkpoints["sections"]])
        self.assertIn("Checkpoint at 6 weeks", [s["heading"] for s in checkpoints["sections"]])


if __name__ == "__main__":
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        sys.exit("usage: /usr/bin/python3 tests/cli/test_cli.py PATH/TO/caseplan [unittest options]")
    CASEPLAN = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
