"""Unit tests of in-guest checks that must be able to fail: the overlap
rule (tests/guest/overlap.sh), the handover's image that differs from what
the flash holds (scripts/guest-files.sh, flashrom.sh, handover.sh)."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
ROOT = os.path.dirname(TESTS)
GUEST = os.path.join(TESTS, "guest")
KSRC = os.path.join(ROOT, "build", "linux")
KTAP_HELPERS = os.path.join(KSRC, "tools", "testing", "selftests", "kselftest", "ktap_helpers.sh")
sys.path.insert(0, TESTS)
import ktap  # noqa: E402


def sh(script, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=e, timeout=120)


class Overlap(unittest.TestCase):
    def rule(self, *args):
        p = sh('. "$F"; overlap_needed ' + " ".join(map(str, args)),
               {"F": os.path.join(GUEST, "overlap.sh"), "OVERLAP_RULE_ONLY": "1"})
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.strip()

    def test_needed_follows_the_detach(self):
        # floor(detach / pair / 4), at least 2
        self.assertEqual(self.rule(700, 7), "25")
        self.assertEqual(self.rule(1120, 3), "93")
        self.assertEqual(self.rule(100, 10), "2")
        self.assertEqual(self.rule(700, 0), "175")  # a pair under 1 ms counts as 1 ms

    def test_one_cycle_is_not_enough(self):
        p = sh('. "$F"; n=$(overlap_needed 700 7); [ 1 -ge "$n" ]',
               {"F": os.path.join(GUEST, "overlap.sh"), "OVERLAP_RULE_ONLY": "1"})
        self.assertNotEqual(p.returncode, 0)


class Handover(unittest.TestCase):
    def img(self, script):
        with open(os.path.join(GUEST, script)) as f:
            m = re.search(r"^IMG=(\S+)$", f.read(), re.M)
        return m and m.group(1)

    def test_flashrom_writes_another_image_than_the_handover(self):
        self.assertEqual(self.img("handover.sh"), "/guest/files/bios.img")
        self.assertEqual(self.img("flashrom.sh"), "/guest/files/bios-alt.img")

    def test_handover_checks_the_flash_before_it_writes(self):
        with open(os.path.join(GUEST, "handover.sh")) as f:
            text = f.read()
        check = text.find("differs from the new image")
        self.assertGreater(check, 0)
        self.assertLess(check, text.find("flashcp -v $IMG"))

    @unittest.skipUnless(os.path.exists(KTAP_HELPERS), "no kernel tree (ktap_helpers.sh)")
    def test_guest_files_has_two_images_that_differ(self):
        with tempfile.TemporaryDirectory() as d:
            p = subprocess.run([os.path.join(ROOT, "scripts", "guest-files.sh"), os.path.join(d, "f")],
                               capture_output=True, text=True, env=dict(os.environ, BOARD="ast2500"))
            self.assertEqual(p.returncode, 0, p.stderr)
            f = os.path.join(d, "f")
            with open(os.path.join(f, "bios.img"), "rb") as i:
                a = i.read()
            with open(os.path.join(f, "bios-alt.img"), "rb") as i:
                b = i.read()
            self.assertEqual(len(a), len(b))
            # every 4 KiB sector differs: a write that skipped any would show
            self.assertTrue(all(a[i:i + 4096] != b[i:i + 4096] for i in range(0, len(a), 4096)))
            for name, data in (("bios.img", a), ("bios-alt.img", b)):
                with open(os.path.join(f, name + ".sha256")) as s:
                    self.assertEqual(s.read().split()[0], hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    unittest.main()
