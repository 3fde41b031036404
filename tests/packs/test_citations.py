#!/usr/bin/env python3
"""Every citation in assets/protocols points at a paragraph that exists in its source document.

    /usr/bin/python3 tests/packs/test_citations.py

Runs scripts/check_citations.py against ../shared/seeds beside the repository (or $CASEPLAN_SEEDS)
when that folder exists; the source documents are not in the repository, so the test is skipped without them.
"""
import os
import subprocess
import sys
import unittest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SEEDS = os.environ.get("CASEPLAN_SEEDS", os.path.normpath(os.path.join(ROOT, "..", "shared", "seeds")))
SCRIPT = os.path.join(ROOT, "scripts", "check_citations.py")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import check_citations  # noqa: E402


@unittest.skipUnless(os.path.isdir(SEEDS), f"no source documents in {SEEDS}")
class CitationsExist(unittest.TestCase):
    def test_every_citation_paragraph_exists(self):
        run = subprocess.run([sys.executable, SCRIPT, SEEDS], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertIn(" 0 wrong", run.stdout)

    def test_a_wrong_bullet_is_found(self):
        idx = check_citations.parse_norfolk(open(os.path.join(SEEDS, "003_a300e7c698b79f09.txt")).read())
        self.assertIsNone(check_citations.resolve_part("Process, bullet 15", idx)[1])
        self.assertIn("no 'Process, bullet 16'", check_citations.resolve_part("Process, bullet 16", idx)[1])
        self.assertIn("not in", check_citations.resolve_part("Process, bullet 8 ('Joint meeting')", idx)[1])

    def test_a_wrong_section_title_is_found(self):
        idx = check_citations.parse_hammersmith(open(os.path.join(SEEDS, "001_ddfdf87d99ff56c7.txt")).read())
        self.assertIsNone(check_citations.resolve_part("section 7 (Procedures), paragraph 6a", idx)[1])
        self.assertIn("is not the heading", check_citations.resolve_part("section 7 (Funding), paragraph 1", idx)[1])


if __name__ == "__main__":
    unittest.main(verbosity=2)
