"""Every character our own text uses is kept by the font subset.

    /usr/bin/python3 tests/site/test_glyphs.py [build/wasm]

The app's fonts are cut down at build time to the ranges of src/app/font_glyphs.txt, and Dear ImGui
draws any character outside them as '?'. The sources and assets are scanned (string escapes such as
\\u2014 and UTF-8 written as \\xE2\\x80\\x94 included) and each character the list would drop is
named with its file and line. When the wasm build is there, the subset fonts themselves are
checked too: each must map every listed character that the original face has.
"""
import glob
import os
import re
import subprocess
import sys
import unicodedata
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GLYPHS = os.path.join(ROOT, "src", "app", "font_glyphs.txt")
FONT_DIR = "/usr/share/fonts/truetype/noto"
FACES = ("NotoSans-Regular", "NotoSans-Bold")
WASM = os.path.join(ROOT, "build", "wasm")   # the command line may name another build folder

SOURCE_EXTENSIONS = (".cpp", ".h", ".hpp", ".inc", ".js", ".json", ".glsl", ".txt")
ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|((?:\\x[0-9A-Fa-f]{2})+)")


def kept_ranges():
    ranges = []
    with open(GLYPHS, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        m = re.match(r"([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?(?:\s|$)", line)
        if m:
            first = int(m.group(1), 16)
            ranges.append((first, int(m.group(2) or m.group(1), 16)))
    return ranges


def scanned_files():
    files = [f for f in glob.glob(os.path.join(ROOT, "src", "**", "*"), recursive=True)
             if f.endswith(SOURCE_EXTENSIONS)]
    files += glob.glob(os.path.join(ROOT, "assets", "protocols", "*.json"))
    files += glob.glob(os.path.join(ROOT, "assets", "calendars", "**", "*"), recursive=True)
    return sorted(f for f in files if os.path.isfile(f))


def escaped(match):
    """The characters a string escape stands for; \\x runs that are not UTF-8 are bytes, not text."""
    if match.group(1) or match.group(2):
        return chr(int(match.group(1) or match.group(2), 16))
    data = bytes(int(h, 16) for h in re.findall(r"\\x([0-9A-Fa-f]{2})", match.group(3)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return ""


CODE_EXTENSIONS = (".cpp", ".h", ".hpp", ".inc", ".js", ".glsl")


def strings_of(text):
    """(line, text) of each string or character literal in C++ or JavaScript source: comments are
    never drawn. A small scanner, not a parser: enough for quotes, escapes and C++ raw strings."""
    out, i, line, n = [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c == "R" and text.startswith('"', i + 1) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end
            out.append((line, text[i + m.end():end]))
            line += text.count("\n", i, end)
            i = end + len(m.group(1)) + 2
        elif c in "\"'`":
            j = i + 1
            while j < n and text[j] != c and (c == "`" or text[j] != "\n"):
                j += 2 if text[j] == "\\" else 1
            out.append((line, text[i + 1:j]))
            line += text.count("\n", i, j)
            i = j + 1
        else:
            line += c == "\n"
            i += 1
    return out


def characters_used():
    """{character: first "file:line" it occurs at}, for every non-ASCII character in a string of our
    code or anywhere in the other files (JSON assets, lists)."""
    used = {}
    for path in scanned_files():
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(CODE_EXTENSIONS):
            pieces = strings_of(text)
        else:
            pieces = list(enumerate(text.splitlines(), 1))
        for number, piece in pieces:
            piece += "".join(escaped(m) for m in ESCAPE.finditer(piece))
            for ch in piece:
                if ord(ch) > 0x7E and ch not in used:
                    used[ch] = f"{rel}:{number}"
    return used


def describe(ch):
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '(unnamed)')}"


class SourceText(unittest.TestCase):
    def test_the_list_parses(self):
        ranges = kept_ranges()
        self.assertTrue(any(a <= 0x41 <= b for a, b in ranges), "Basic Latin missing from the list")
        for a, b in ranges:
            self.assertLessEqual(a, b)
            self.assertLessEqual(b, 0xFFFF, "Dear ImGui is built with 16-bit ImWchar")

    def test_every_character_we_write_is_kept(self):
        ranges = kept_ranges()
        # Control characters are never drawn (tabs, new lines, the byte-order mark).
        dropped = {ch: where for ch, where in characters_used().items()
                   if unicodedata.category(ch) not in ("Cc", "Cf") and not any(a <= ord(ch) <= b for a, b in ranges)}
        self.assertFalse(dropped, "the font subset would drop (add them to src/app/font_glyphs.txt):\n" +
                         "\n".join(f"  {describe(ch)} first in {where}" for ch, where in sorted(dropped.items())))

    def test_the_scan_sees_escapes(self):
        line = 'a "\\u2014" b "\\xE2\\x80\\x99" c "\\x00\\xff"'
        found = "".join(escaped(m) for m in ESCAPE.finditer(line))
        self.assertEqual(found, "\u2014\u2019")

    def test_the_scan_reads_strings_not_comments(self):
        code = ('// a \u2192 comment\nint x; /* \u2212\n */ const char* s = "caf\u00e9 \\" \u2014";\n'
                "char c = '\u00a3'; auto r = R\"x(\u20ac \")x\"; // \u2713\nlet t = `\u2026\n`;")
        self.assertEqual(strings_of(code), [(3, "caf\u00e9 \\\" \u2014"), (4, "\u00a3"), (4, "\u20ac \""),
                                            (5, "\u2026\n")])


def cmap(path):
    """The code points a font maps, read by Debian's fontTools (installed with pyftsubset)."""
    code = ("import sys\nfrom fontTools.ttLib import TTFont\n"
            "print(' '.join(str(c) for c in TTFont(sys.argv[1]).getBestCmap()))")
    out = subprocess.run(["/usr/bin/python3", "-c", code, path], check=True, capture_output=True, text=True).stdout
    return {int(c) for c in out.split()}


class SubsetFonts(unittest.TestCase):
    def setUp(self):
        if not os.path.isdir(os.path.join(WASM, "fonts")):
            self.skipTest(f"no subset fonts in {WASM} (scripts/build.sh site makes them)")

    def test_each_subset_keeps_what_the_face_has(self):
        wanted = set()
        for a, b in kept_ranges():
            wanted.update(range(a, b + 1))
        for face in FACES:
            with self.subTest(face=face):
                subset = os.path.join(WASM, "fonts", face + ".ttf")
                original = cmap(os.path.join(FONT_DIR, face + ".ttf"))
                missing = (wanted & original) - cmap(subset)
                self.assertFalse(missing, f"{subset} lacks " + ", ".join(describe(chr(c)) for c in sorted(missing)))
                # The point of the subset: far smaller than the face.
                self.assertLess(os.path.getsize(subset), os.path.getsize(os.path.join(FONT_DIR, face + ".ttf")) / 4)

    def test_what_we_write_has_a_glyph(self):
        used = {ord(ch) for ch in characters_used()
                if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")}
        for face in FACES:
            with self.subTest(face=face):
                missing = used - cmap(os.path.join(WASM, "fonts", face + ".ttf"))
                names = ", ".join(describe(chr(c)) for c in sorted(missing))
                self.assertFalse(missing, f"{face} has no glyph for {names}: Dear ImGui would draw '?'")


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        WASM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
