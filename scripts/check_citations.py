#!/usr/bin/env python3
"""Check that every citation in the protocol packs points at a paragraph that exists in its source.

    python3 scripts/check_citations.py ../shared/seeds          # check; exit 1 if any citation is wrong
    python3 scripts/check_citations.py ../shared/seeds --show   # also print the text each citation points at

The source documents are not in this repository: give the folder that holds them. Each local
authority's source (the pack's `sources` table) is matched to its file below; the baseline cites
legislation and DfE guidance, which are not in that folder, so its citations are only checked for a
known source and a non-empty paragraph, and are counted as "not checked against a text".

A citation's paragraph is one or more parts separated by "; ". A part is a section, optionally followed
by an item: "Process, bullet 7", "section 7 (Procedures), paragraph 6a", "Appendix A, terms 1-4",
"Form Templates, form 5 (Sample Letter), paragraph 4". A range ("bullets 7-8") must exist in full; a
title in brackets after "section N" or "form N" must match the document's heading; words in quotes
at the end ("('alert the Exclusion … Team')") must occur in the paragraph cited.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACKS = os.path.join(HERE, "..", "assets", "protocols")

# (pack id, source id) -> file name in the folder of source documents
FILES = {
    ("oxfordshire", "protocol"): "000_e5e0b1769d64b933.txt",
    ("hammersmith-fulham", "guidance"): "001_ddfdf87d99ff56c7.txt",
    ("thurrock", "procedures"): "002_51d3a4d919b20124.txt",
    ("norfolk", "scheme"): "003_a300e7c698b79f09.txt",
    ("worcestershire", "protocol"): "004_db4daf6c9cf2ba51.txt",
}


def norm(s):
    return re.sub(r"\s+", " ", s.replace("*", "").replace("’", "'")).strip().lower()


def paragraphs(lines):
    """Prose paragraphs of a block of lines: blank-line separated; a paragraph that starts in lower
    case continues the previous one (the text was split by a page break)."""
    out, cur = [], []
    for ln in lines + [""]:
        if ln.strip():
            cur.append(ln.strip())
            continue
        if cur:
            text = " ".join(cur)
            if out and text[0].islower():
                out[-1] += " " + text
            else:
                out.append(text)
            cur = []
    return out


def add(index, key, text):
    index[key] = index.get(key, "") + (" " if key in index else "") + text


# ---- one parser per document: locator -> text ------------------------------------------------


def parse_norfolk(text):
    idx, section, n = {}, None, 0
    for ln in text.splitlines():
        m = re.match(r"^(\w[\w ]*):\s*$", ln)
        if m:
            section, n = m.group(1), 0
            continue
        if section and ln.startswith("- "):
            n += 1
            add(idx, f"{section}, bullet {n}", ln[2:])
        elif section and ln.startswith(" ") and n:
            add(idx, f"{section}, bullet {n}", ln.strip())
        if section and ln.strip():
            add(idx, section, ln.strip())
    return idx


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def parse_oxfordshire(text):
    idx, lines = {}, text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "Protocol")
    principles = [ln for ln in lines[:start] if ln.strip() != "Principles"]
    prose, letters = [], []
    for ln in principles:
        m = re.match(r"^([A-F])\. (.*)", ln)
        if m:
            idx[f"Principles, {m.group(1)}"] = m.group(2)
            prose.append("")
        else:
            prose.append(ln)
    for i, p in enumerate(paragraphs(prose), 1):
        idx[f"Principles, paragraph {i}"] = p
    idx["Principles"] = " ".join(ln.strip() for ln in principles if ln.strip())
    num, letter, sub = None, None, None
    for ln in lines[start + 1:]:
        s = ln.strip()
        m = re.match(r"^(\d+)\. (.*)", s)
        if m:
            num, letter, sub = m.group(1), None, None
            add(idx, f"Protocol, paragraph {num}", m.group(2))
            continue
        if not num or not s:
            continue
        add(idx, f"Protocol, paragraph {num}", s)
        m = re.match(r"^([a-h])\. (.*)", s)
        r = re.match(r"^([ivx]+)\. (.*)", s)
        if m:
            letter, sub = m.group(1), None
            add(idx, f"Protocol, paragraph {num}{letter}", m.group(2))
        elif r and r.group(1) in ROMAN:
            # romans straight after "b" belong to it; the list after "d" stands on its own (3.i-3.v)
            key = f"{num}{letter}.{r.group(1)}" if letter and letter != "d" else f"{num}.{r.group(1)}"
            add(idx, f"Protocol, paragraph {key}", r.group(2))
        elif letter:
            add(idx, f"Protocol, paragraph {num}{letter}", s)
            add(idx, f"Protocol, paragraph {num}, after {letter}", s)
            idx[f"Protocol, paragraph {num}, last paragraph"] = s
    return idx


def parse_hammersmith(text):
    idx, sec, title, n_bullet, num = {}, None, "", 0, None
    prose = {}
    for ln in text.splitlines():
        s = ln.strip()
        m = re.match(r"^(\d+)\) (.*)", s)
        if m:
            sec, title, n_bullet, num = m.group(1), m.group(2).strip(), 0, None
            idx[f"title {sec}"] = title
            prose[sec] = []
            continue
        if not sec:
            continue
        if s:
            add(idx, f"section {sec}", s)
        if s.startswith("·"):
            n_bullet += 1
            idx[f"section {sec}, bullet {n_bullet}"] = s[1:].strip()
            continue
        m = re.match(r"^(\d+)\. (.*)", s)
        if m:
            num = m.group(1)
            add(idx, f"section {sec}, paragraph {num}", m.group(2))
            continue
        m = re.match(r"^([a-h])\. (.*)", s)
        if m and num:
            add(idx, f"section {sec}, paragraph {num}", s)
            add(idx, f"section {sec}, paragraph {num}{m.group(1)}", m.group(2))
            continue
        if num and s:
            add(idx, f"section {sec}, paragraph {num}", s)
    return idx


def parse_thurrock(text):
    idx, lines = {}, text.splitlines()
    heads = ["Key Principles", "Criteria for a Managed Move", "Data Collection", "The Process & Procedure", "APPENDIX A"]
    pos = {h: next(i for i, ln in enumerate(lines) if ln.strip() == h) for h in heads}
    order = sorted(pos, key=pos.get)

    def block(h):
        i = order.index(h)
        end = pos[order[i + 1]] if i + 1 < len(order) else len(lines)
        return lines[pos[h] + 1:end]

    kp = block("Key Principles")
    n = 0
    for ln in kp:
        if ln.startswith("- "):
            n += 1
            if n <= 9:
                idx[f"Key Principles, bullet {n}"] = ln[2:]
        if ln.strip().startswith("The types"):
            break
    idx["Key Principles"] = " ".join(x.strip() for x in kp if x.strip())
    cr = block("Criteria for a Managed Move")
    n = 0
    for i, ln in enumerate(cr):
        if ln.startswith("- "):
            n += 1
            idx[f"Criteria for a Managed Move, bullet {n}"] = ln[2:] + " " + cr[i + 1].strip()
    idx["Criteria for a Managed Move, last paragraph"] = paragraphs([x for x in cr if not x.startswith("- ")])[-1]
    idx["Data Collection"] = " ".join(x.strip() for x in block("Data Collection") if x.strip())
    # The three points after bullet 1 ("Parent must be made aware that;") are its sub-points.
    sub = ("- Transport", "- Uniform", "- The host school will provide Free School Meal")
    n = 0
    for ln in block("The Process & Procedure"):
        if ln.startswith("- ") and not ln.startswith(sub):
            n += 1
        if ln.startswith("- ") and n:
            add(idx, f"The Process & Procedure, bullet {n}", ln[2:])
    app = block("APPENDIX A")
    idx["Appendix A"] = " ".join(x.strip() for x in app if x.strip())
    end = next(i for i, ln in enumerate(app) if ln.strip() == "4 Week Review")
    terms_done = False
    n = 0
    for ln in app[:end]:
        m = re.match(r"^([1-4])\t(.*)", ln)
        if m:
            idx[f"Appendix A, term {m.group(1)}"] = m.group(2)
            terms_done = True
            continue
        if terms_done and ln.strip() and "\t" not in ln:
            n += 1
            idx[f"Appendix A, paragraph {n}"] = ln.strip()
    return idx


WORCS_HEADS = ["Background", "Context", "Criteria for Off-site Directions", "Review", "Attendance Coding",
               "Intervention", "Procedure", "Off-site Direction Meetings", "Managed Move", "Funding", "Transport",
               "Form Templates"]


def parse_worcestershire(text):
    idx, lines = {}, text.splitlines()
    body = next(i for i, ln in enumerate(lines) if ln.strip() == "Background")
    blocks, cur = {}, None
    for ln in lines[body:]:
        if ln.strip() in WORCS_HEADS and cur != "Form Templates":
            cur = ln.strip()
            blocks[cur] = []
            continue
        blocks[cur].append(ln)
    for h, blk in blocks.items():
        if h == "Form Templates":
            continue
        idx[h] = " ".join(x.strip() for x in blk if x.strip())
        n = 0
        for x in blk:
            if x.startswith("- "):
                n += 1
                idx[f"{h}, bullet {n}"] = x[2:]
        prose = ["" if x.startswith("- ") or x.startswith(" ") else x for x in blk]
        for i, p in enumerate(paragraphs(prose), 1):
            idx[f"{h}, paragraph {i}"] = p
    forms, cur = {}, None
    for ln in blocks["Form Templates"]:
        m = re.match(r"^(\d)\. (.*)$", ln.strip())
        if m and ("Off-site Direction" in m.group(2) or m.group(2) == "Sample Letter"):
            cur = m.group(1)
            forms[cur] = []
            idx[f"title {cur}"] = m.group(2)
            continue
        if cur:
            forms[cur].append(ln)
    for f, blk in forms.items():
        idx[f"Form Templates, form {f}"] = " ".join(x.strip() for x in blk if x.strip())
    idx["Form Templates, form 1, note"] = next(x for x in forms["1"] if x.strip().startswith("Consent"))
    idx["Form Templates, form 4, NB"] = next(x for x in forms["4"] if x.strip().startswith("NB"))
    letter = forms["5"]
    start = next(i for i, x in enumerate(letter) if x.startswith("Further to"))
    prose = ["" if x.startswith("- ") or x.startswith(" ") else x for x in letter[start:]]
    for i, p in enumerate(paragraphs(prose), 1):
        idx[f"Form Templates, form 5, paragraph {i}"] = p
    return idx


PARSERS = {
    "000_e5e0b1769d64b933.txt": parse_oxfordshire,
    "001_ddfdf87d99ff56c7.txt": parse_hammersmith,
    "002_51d3a4d919b20124.txt": parse_thurrock,
    "003_a300e7c698b79f09.txt": parse_norfolk,
    "004_db4daf6c9cf2ba51.txt": parse_worcestershire,
}

# ---- resolving a citation ----------------------------------------------------------------------

PLURAL = {"bullets": "bullet", "paragraphs": "paragraph", "terms": "term"}


def resolve_part(part, idx):
    """Returns (list of (locator, text), error or None)."""
    quote = None
    m = re.search(r" \('([^']*)'\)$", part)
    if m:
        quote, part = m.group(1), part[: m.start()]
    # "section 7 (Procedures)" / "form 5 (Sample Letter)": the title must match the heading
    for m in list(re.finditer(r"\b(section|form) (\d+) \(([^)]*)\)", part)):
        title = idx.get(f"title {m.group(2)}", "")
        if not norm(title).startswith(norm(m.group(3))):
            return [], f"'{m.group(3)}' is not the heading of {m.group(1)} {m.group(2)} ('{title}')"
    part = re.sub(r"\b(section|form) (\d+) \([^)]*\)", r"\1 \2", part)
    keys = [part]
    m = re.match(r"^(.*), (bullets|paragraphs|terms) (\d+)-(\d+)$", part)
    if m:
        a, b = int(m.group(3)), int(m.group(4))
        if a >= b:
            return [], f"range {a}-{b} is empty"
        keys = [f"{m.group(1)}, {PLURAL[m.group(2)]} {i}" for i in range(a, b + 1)]
    found = []
    for k in keys:
        if k not in idx:
            return [], f"no '{k}' in the document"
        found.append((k, idx[k]))
    if quote and not any(norm(quote.rstrip("…").strip()) in norm(t) for _, t in found):
        return found, f"the words '{quote}' are not in {part}"
    return found, None


def check(seeds, show=False):
    parsed = {}
    for f, parse in PARSERS.items():
        path = os.path.join(seeds, f)
        if os.path.exists(path):
            parsed[f] = parse(open(path, encoding="utf-8").read())
    packs = {}
    for path in sorted(glob.glob(os.path.join(PACKS, "*.json"))):
        p = json.load(open(path, encoding="utf-8"))
        packs[p["id"]] = p
    base = packs.get("england-baseline", {"sources": []})
    errors, checked, unchecked = [], 0, 0
    for pid, p in packs.items():
        sources = {s["id"]: (pid, s) for s in p.get("sources", [])}
        if pid != "england-baseline":
            sources.update({s["id"]: ("england-baseline", s) for s in base["sources"] if s["id"] not in sources})
        cites = [(f"rules/{r['id']}", r["citation"]) for r in p.get("rules", [])]
        cites += [(f"readings/{r['topic']}", r["citation"]) for r in p.get("readings", [])]
        cites += [(f"conflicts/{c['id']}", c["citation"]) for c in p.get("conflicts", [])]
        for where, c in cites:
            label = f"{pid}.json {where}"
            if "file" in c:
                errors.append(f"{label}: cites a file ({c['file']}), not a source")
                continue
            if c.get("source") not in sources:
                errors.append(f"{label}: no source '{c.get('source')}' in the pack's sources or the baseline's")
                continue
            owner, src = sources[c["source"]]
            seed = FILES.get((owner, src["id"]))
            if not seed:
                unchecked += 1
                if show:
                    print(f"{label}\n    {c['paragraph']}  [{src['title']}: not checked against a text]")
                continue
            if seed not in parsed:
                errors.append(f"{label}: the source document {seed} is not in {seeds}")
                continue
            for part in c["paragraph"].split("; "):
                found, err = resolve_part(part, parsed[seed])
                if err:
                    errors.append(f"{label}: '{part}': {err}")
                elif show:
                    for k, t in found:
                        print(f"{label}\n    {k}: {t[:160]}")
            checked += 1
    for e in errors:
        print("WRONG", e)
    print(f"{checked} citations checked against their documents, {unchecked} cite laws or guidance not in "
          f"{seeds} (not checked against a text), {len(errors)} wrong")
    return not errors


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1 or not os.path.isdir(args[0]):
        print(__doc__)
        return 2
    return 0 if check(args[0], show="--show" in argv) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
