"""Interoperability of the export file with an independent implementation (python3-nacl).

Run with Debian's interpreter, which has python3-nacl:
    /usr/bin/python3 tests/interop/test_export_interop.py build/native/cpcrypt

The Python side below is written from docs/export-format.md, not from the C++ code: if the two
disagree about a single byte of the format, these tests fail. The recipe printed in the document
is also extracted and run, so the document cannot drift from the format either.
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

import nacl.bindings as sodium
import nacl.encoding
import nacl.hash
import nacl.pwhash
import nacl.utils

CPCRYPT = None  # set from the command line in __main__
HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(HERE, "..", "..", "docs", "export-format.md")

MIN_OPS, MIN_MEM = 2, 19 * 1024 * 1024
PASSPHRASE = "maple orbit kettle canyon"


# ---- the format, per docs/export-format.md ------------------------------------------------------

def b64(data):
    return base64.b64encode(data).decode("ascii")


def unb64(text):
    return base64.b64decode(text, validate=True)


def subkey(master, label):
    return nacl.hash.blake2b(label, digest_size=32, key=master, encoder=nacl.encoding.RawEncoder)


def canonical_header(doc):
    header = {k: v for k, v in doc.items() if k not in ("header_mac", "ciphertext")}
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def master_key(passphrase, kdf):
    return nacl.pwhash.argon2id.kdf(32, passphrase.encode("utf-8"), unb64(kdf["salt"]),
                                    opslimit=kdf["opslimit"], memlimit=kdf["memlimit"])


def py_open(text, passphrase):
    doc = json.loads(text)
    master = master_key(passphrase, doc["kdf"])
    ad = canonical_header(doc)
    if subkey(master, b"caseplan-export v1 key check") != unb64(doc["key_check"]):
        raise ValueError("wrong passphrase")
    mac = nacl.hash.blake2b(ad, digest_size=32, key=subkey(master, b"caseplan-export v1 header mac key"),
                            encoder=nacl.encoding.RawEncoder)
    if mac != unb64(doc["header_mac"]):
        raise ValueError("header changed")
    plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        unb64(doc["ciphertext"]), ad, unb64(doc["aead"]["nonce"]),
        subkey(master, b"caseplan-export v1 content key"))
    return json.loads(plain.decode("utf-8"))


def py_seal(contents, passphrase, ops=MIN_OPS, mem=MIN_MEM):
    doc = {
        "format": "caseplan-export",
        "version": 1,
        "kdf": {"alg": "argon2id13", "salt": b64(nacl.utils.random(16)), "opslimit": ops, "memlimit": mem},
        "aead": {"alg": "xchacha20poly1305-ietf", "nonce": b64(nacl.utils.random(24))},
    }
    master = master_key(passphrase, doc["kdf"])
    doc["key_check"] = b64(subkey(master, b"caseplan-export v1 key check"))
    ad = canonical_header(doc)
    doc["header_mac"] = b64(nacl.hash.blake2b(ad, digest_size=32,
                                              key=subkey(master, b"caseplan-export v1 header mac key"),
                                              encoder=nacl.encoding.RawEncoder))
    plain = json.dumps(contents, ensure_ascii=False).encode("utf-8")
    doc["ciphertext"] = b64(sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        plain, ad, unb64(doc["aead"]["nonce"]), subkey(master, b"caseplan-export v1 content key")))
    return doc


SAMPLE = {
    "kind": "case-package",
    "note": "For Mrs Okafor: Zoë's review is on Friday — ring first.",
    "created": "2026-09-14T15:30:00Z",
    "payload": {"cases": [{"id": "c-17", "pupil": "Zoë Ašić", "events": [{"id": "e1", "type": "referral"}]}]},
}


# ---- helpers around the native tool -------------------------------------------------------------

class Workdir(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.passfile = self.path("pass.txt")
        self.write(self.passfile, PASSPHRASE + "\n")

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, path, text):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def cpcrypt(self, *args):
        return subprocess.run([CPCRYPT, *args], capture_output=True, text=True, timeout=120)

    def cpcrypt_encrypt(self, contents, ops=MIN_OPS, mem=MIN_MEM):
        self.write(self.path("payload.json"), json.dumps(contents["payload"], ensure_ascii=False))
        r = self.cpcrypt("encrypt", "--passphrase-file", self.passfile, "--kind", contents["kind"],
                         "--note", contents["note"], "--created", contents["created"],
                         "--opslimit", str(ops), "--memlimit", str(mem),
                         self.path("payload.json"), self.path("out.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        return self.read(self.path("out.json"))

    def cpcrypt_decrypt(self, text, passfile=None):
        self.write(self.path("in.json"), text)
        r = self.cpcrypt("decrypt", "--passphrase-file", passfile or self.passfile,
                         self.path("in.json"), self.path("dec.json"))
        return r, (json.loads(self.read(self.path("dec.json"))) if r.returncode == 0 else None)

    def assert_refused(self, text, code):
        r, _ = self.cpcrypt_decrypt(text)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("error: " + code + ":", r.stderr)


# ---- the tests ----------------------------------------------------------------------------------

class NativeToPython(Workdir):
    def test_python_opens_a_cpcrypt_file(self):
        text = self.cpcrypt_encrypt(SAMPLE)
        self.assertEqual(py_open(text, PASSPHRASE), SAMPLE)

    def test_python_opens_a_cpcrypt_file_at_the_default_params(self):
        text = self.cpcrypt_encrypt(SAMPLE, ops=3, mem=64 * 1024 * 1024)
        doc = json.loads(text)
        self.assertEqual((doc["kdf"]["opslimit"], doc["kdf"]["memlimit"]), (3, 67108864))
        self.assertEqual(py_open(text, PASSPHRASE), SAMPLE)

    def test_python_refuses_the_wrong_passphrase(self):
        text = self.cpcrypt_encrypt(SAMPLE)
        with self.assertRaises(ValueError):
            py_open(text, PASSPHRASE + "!")

    def test_header_is_what_the_document_says(self):
        doc = json.loads(self.cpcrypt_encrypt(SAMPLE))
        self.assertEqual(set(doc), {"format", "version", "kdf", "aead", "key_check", "header_mac", "ciphertext"})
        self.assertEqual(set(doc["kdf"]), {"alg", "salt", "opslimit", "memlimit"})
        self.assertEqual(set(doc["aead"]), {"alg", "nonce"})
        self.assertEqual(len(unb64(doc["kdf"]["salt"])), 16)
        self.assertEqual(len(unb64(doc["aead"]["nonce"])), 24)
        # The associated data cpcrypt reports equals Python's canonical dump of the header.
        r = self.cpcrypt("inspect", self.path("out.json"))
        self.assertEqual(r.returncode, 0, r.stderr)
        line = [l for l in r.stdout.splitlines() if l.startswith("associated data ")][0]
        self.assertEqual(line[len("associated data "):].encode("ascii"), canonical_header(doc))


class PythonToNative(Workdir):
    def test_cpcrypt_opens_a_python_file(self):
        r, contents = self.cpcrypt_decrypt(json.dumps(py_seal(SAMPLE, PASSPHRASE)))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(contents, SAMPLE)

    def test_layout_does_not_matter(self):
        # Members in another order, indented, non-ASCII written raw: the header is canonicalised.
        doc = py_seal(SAMPLE, PASSPHRASE)
        reordered = dict(reversed(list(doc.items())))
        r, contents = self.cpcrypt_decrypt(json.dumps(reordered, indent=4, ensure_ascii=False))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(contents, SAMPLE)

    def test_cpcrypt_refuses_the_wrong_passphrase(self):
        other = self.path("other.txt")
        self.write(other, "maple orbit kettle canyoN\n")
        r, _ = self.cpcrypt_decrypt(json.dumps(py_seal(SAMPLE, PASSPHRASE)), passfile=other)
        self.assertEqual(r.returncode, 1)
        self.assertIn("error: wrong_passphrase:", r.stderr)
        self.assertIn("The passphrase is wrong, or the file was changed after it was exported", r.stderr)

    def test_cpcrypt_refuses_each_tampered_header_field(self):
        doc = py_seal(SAMPLE, PASSPHRASE)

        def flipped(text):
            raw = bytearray(unb64(text))
            raw[0] ^= 1
            return b64(bytes(raw))

        cases = [
            ("format", lambda d: d.update(format="caseplan-exports"), "not_an_export"),
            ("version", lambda d: d.update(version=2), "newer_version"),
            ("kdf.alg", lambda d: d["kdf"].update(alg="argon2i13"), "invalid_field"),
            ("kdf.salt", lambda d: d["kdf"].update(salt=flipped(d["kdf"]["salt"])), "wrong_passphrase"),
            ("kdf.opslimit", lambda d: d["kdf"].update(opslimit=3), "wrong_passphrase"),
            ("kdf.memlimit", lambda d: d["kdf"].update(memlimit=20 * 1024 * 1024), "wrong_passphrase"),
            ("kdf.memlimit huge", lambda d: d["kdf"].update(memlimit=8 << 30), "kdf_too_costly"),
            ("kdf.opslimit low", lambda d: d["kdf"].update(opslimit=1), "kdf_too_weak"),
            ("aead.alg", lambda d: d["aead"].update(alg="aes256gcm"), "invalid_field"),
            ("aead.nonce", lambda d: d["aead"].update(nonce=flipped(d["aead"]["nonce"])), "header_changed"),
            ("key_check", lambda d: d.update(key_check=flipped(d["key_check"])), "wrong_passphrase"),
            ("header_mac", lambda d: d.update(header_mac=flipped(d["header_mac"])), "header_changed"),
            ("extra member", lambda d: d.update(sender="Riverside Academy"), "invalid_field"),
            ("ciphertext", lambda d: d.update(ciphertext=flipped(d["ciphertext"])), "content_changed"),
        ]
        for name, edit, code in cases:
            with self.subTest(field=name):
                bad = json.loads(json.dumps(doc))
                edit(bad)
                self.assert_refused(json.dumps(bad), code)

    def test_cpcrypt_refuses_a_truncated_python_file(self):
        text = json.dumps(py_seal(SAMPLE, PASSPHRASE))
        for cut in (1, len(text) // 3, len(text) // 2, len(text) - 1):
            with self.subTest(cut=cut):
                self.assert_refused(text[:cut], "truncated")

    def test_cpcrypt_refuses_params_outside_the_limits_python_would_accept(self):
        # Python happily makes a file with OWASP-weak params; the app must not open it.
        self.assert_refused(json.dumps(py_seal(SAMPLE, PASSPHRASE, ops=1, mem=MIN_MEM)), "kdf_too_weak")
        self.assert_refused(json.dumps(py_seal(SAMPLE, PASSPHRASE, ops=2, mem=8 * 1024 * 1024)), "kdf_too_weak")


class DocumentRecipe(Workdir):
    def recipe(self):
        with open(DOC, encoding="utf-8") as f:
            blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
        self.assertTrue(blocks, "docs/export-format.md has no ```python block")
        namespace = {}
        exec(blocks[0], namespace)  # the recipe defines open_export(path, passphrase)
        return namespace["open_export"]

    def test_the_recipe_in_the_document_opens_a_cpcrypt_file(self):
        self.cpcrypt_encrypt(SAMPLE)
        self.assertEqual(self.recipe()(self.path("out.json"), PASSPHRASE), SAMPLE)

    def test_the_recipe_refuses_a_tampered_file(self):
        doc = json.loads(self.cpcrypt_encrypt(SAMPLE))
        doc["aead"]["nonce"] = b64(bytes(24))
        self.write(self.path("bad.json"), json.dumps(doc))
        with self.assertRaises(Exception):
            self.recipe()(self.path("bad.json"), PASSPHRASE)


if __name__ == "__main__":
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        sys.exit("usage: /usr/bin/python3 test_export_interop.py PATH/TO/cpcrypt [unittest options]")
    CPCRYPT = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
