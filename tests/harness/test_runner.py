"""Unit tests of the guest runner's kernel-log scans (tests/guest/runner.sh,
tests/guest/klog.sh), run on the host with sh and a fake dmesg: what the
scans report, and that tests/ktap.py reads it back."""
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
sys.path.insert(0, TESTS)
import ktap  # noqa: E402

# dmesg -c, call N: prints log.N, or fails when fail.N exists
FAKE_DMESG = """#!/bin/sh
n=$(($(cat "$FAKE/count" 2>/dev/null || echo 0) + 1))
echo $n >"$FAKE/count"
[ -f "$FAKE/fail.$n" ] && { echo "dmesg: klogctl: Operation not permitted" >&2; exit 1; }
[ -f "$FAKE/log.$n" ] && cat "$FAKE/log.$n"
exit 0
"""

SCRIPT = """#!/bin/sh
echo "TAP version 13"
echo "1..1"
echo "ok 1 fine"
"""

# the runner as run-*.sh use it, then what /init does after the runner
RUNNER = """cd "$FILES" || exit 1
. ./runner.sh
run a.sh
run b.sh
r=$rc
. ./klog.sh
klog_final poweroff
echo "GUEST-EXIT: $r"
"""


class Runner(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.files = os.path.join(self.dir, "files")
        self.fake = os.path.join(self.dir, "fake")
        os.makedirs(self.files)
        os.makedirs(self.fake)
        for f in ("runner.sh", "klog.sh"):
            src = os.path.join(TESTS, "guest", f)
            if os.path.exists(src):
                shutil.copy(src, self.files)
        for f in ("a.sh", "b.sh"):
            with open(os.path.join(self.files, f), "w") as fh:
                fh.write(SCRIPT)
        with open(os.path.join(self.fake, "dmesg"), "w") as f:
            f.write(FAKE_DMESG)
        os.chmod(os.path.join(self.fake, "dmesg"), 0o755)
        with open(os.path.join(self.fake, "tainted"), "w") as f:
            f.write("0\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def log(self, n, text):
        """kernel log lines that dmesg call n returns (1: boot, 2: a.sh, 3: b.sh, 4: poweroff)"""
        with open(os.path.join(self.fake, f"log.{n}"), "w") as f:
            f.write(text)

    def run_guest(self):
        env = dict(os.environ, FAKE=self.fake, FILES=self.files, PATH=self.fake + ":" + os.environ["PATH"],
                   KLOG_TAINTED=os.path.join(self.fake, "tainted"), KLOG_STATE=os.path.join(self.dir, "state"),
                   TMPDIR=self.dir)
        p = subprocess.run(["sh", "-c", RUNNER], env=env, capture_output=True, text=True, timeout=60)
        self.output = p.stdout
        return p.stdout

    def fails(self):
        """the reports the guest printed, as tests/ktap.py names them"""
        out = self.run_guest()
        return [l[len("# kernel-log: "):].replace(": ", ": kernel log: ", 1)
                for l in out.splitlines() if l.startswith("# kernel-log: ")]

    def verdicts(self):
        return ktap.parse(self.output.splitlines(), set(), runner=True)

    def test_clean(self):
        self.log(1, "[    0.000000] Booting Linux\n")
        self.assertEqual(self.fails(), [], self.output)
        self.assertIn("# kernel-log-summary: 4 scans, 0 reports\n", self.output)
        v = self.verdicts()
        self.assertEqual([n for x, n in v if x != "PASS"], [], self.output)
        self.assertIn(("PASS", "kernel-log summary: 4 scans, 0 reports, as the console shows"), v)

    def test_reports_reach_the_host(self):
        self.log(2, "[   1.0] BUG: one\n")
        self.log(4, "[   9.0] WARNING: two\n")
        self.run_guest()
        fails = [n for x, n in self.verdicts() if x == "FAIL"]
        self.assertEqual(fails, ["a.sh: kernel log: [   1.0] BUG: one", "poweroff: kernel log: [   9.0] WARNING: two"],
                         self.output)

    def test_patterns(self):
        lines = {
            "OF: ERROR": "[   12.1] OF: ERROR: of_node_release() detected bad of_node_put() on /ahb/spi@1e630000/flash@0",
            "sysfs": "[   12.2] sysfs: cannot create duplicate filename '/devices/platform/leds'",
            "Hardware name": "[   12.3] Hardware name: Generic DT based system",
            "rcu INFO": "[   12.4] rcu: INFO: rcu_sched detected stalls on CPUs/tasks:",
            "rcu self-detected": "[   12.5] rcu: INFO: rcu_sched self-detected stall on CPU",
            "detected stalls": "[   12.6] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
            "device link": "[   12.7] pca954x 4-0070: Failed to create device link (0x180) with supplier 1e780000.gpio",
        }
        for what, line in lines.items():
            with self.subTest(what):
                self.tearDown()
                self.setUp()
                self.log(2, "[   12.0] an ordinary line\n" + line + "\n")
                self.assertIn(f"a.sh: kernel log: {line}", self.fails(), self.output)

    def test_expected_overlay_warning_is_not_a_report(self):
        self.log(2, "[   1.0] OF: overlay: WARNING: memory leak will occur if overlay removed, property: /x/status\n")
        self.assertEqual(self.fails(), [], self.output)

    def test_failed_dmesg_fails(self):
        open(os.path.join(self.fake, "fail.2"), "w").close()
        f = self.fails()
        self.assertTrue([n for n in f if n.startswith("a.sh: kernel log: dmesg -c failed")], (f, self.output))

    def test_log_after_the_last_script_is_read(self):
        # written after b.sh's scan: only the final scan (as /init does it
        # after the runner exited and the filesystems synced) can see it
        self.log(4, "[   50.0] WARNING: CPU: 0 PID: 1 at fs/sync.c:1 x\n")
        self.assertIn("poweroff: kernel log: [   50.0] WARNING: CPU: 0 PID: 1 at fs/sync.c:1 x", self.fails(),
                      self.output)
        self.assertIn("# kernel-log-summary: 4 scans, 1 reports\n", self.output)

    def test_summary_counts_every_report(self):
        self.log(2, "[   1.0] BUG: one\n[   1.1] WARNING: two\n")
        open(os.path.join(self.fake, "fail.3"), "w").close()
        self.run_guest()
        self.assertIn("# kernel-log-summary: 4 scans, 3 reports\n", self.output)
        hits = [l for l in self.output.splitlines() if l.startswith("# kernel-log: ")]
        self.assertEqual(len(hits), 3, self.output)

    def test_taint(self):
        with open(os.path.join(self.fake, "tainted"), "w") as f:
            f.write("512\n")
        self.assertIn("boot: kernel log: the kernel is tainted (512)", self.fails(), self.output)


class Init(unittest.TestCase):
    def test_init_scans_after_sync_and_before_guest_exit(self):
        with open(os.path.join(ROOT, "board", "initramfs", "init")) as f:
            lines = [l.strip() for l in f]
        where = {}
        for i, l in enumerate(lines):
            for key, pat in (("sync", r"^sync$"), ("final", r"klog_final "), ("exit", r"GUEST-EXIT"),
                             ("source", r"\. /guest/files/klog\.sh")):
                if re.search(pat, l) and key not in where:
                    where[key] = i
        self.assertEqual(sorted(where), ["exit", "final", "source", "sync"], lines)
        self.assertLess(where["sync"], where["source"])
        self.assertLess(where["source"], where["final"])
        self.assertLess(where["final"], where["exit"])


if __name__ == "__main__":
    unittest.main()
