"""Unit tests of in-guest checks that must be able to fail: the
handover's image that differs from what the flash holds
(scripts/guest-files.sh, flashrom.sh, handover.sh)."""
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
