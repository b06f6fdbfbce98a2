"""Unit tests of tests/ktap.py: every way a guest run can go wrong must give
a FAIL that names it (python3 -m unittest discover tests/harness)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import ktap  # noqa: E402


def verdicts(text, xfail=()):
    return ktap.parse(text.splitlines(), set(xfail))


def fails(text, xfail=()):
    return [n for v, n in verdicts(text, xfail) if v == "FAIL"]


GOOD = """# script: a.sh
TAP version 13
1..2
ok 1 one
[   1.0] a kernel message in between
ok 2 two
# exit: a.sh 0
# kernel-log-checked: a.sh 3
GUEST-EXIT: 0
"""


class Ktap(unittest.TestCase):
    def test_clean_run(self):
        self.assertEqual(verdicts(GOOD), [("PASS", "one"), ("PASS", "two"),
                                          ("PASS", "a.sh: kernel log clean (3 lines)")])

    def test_short_count(self):
        self.assertIn("a.sh: KTAP block planned 2 tests, ran 1",
                      fails(GOOD.replace("ok 2 two\n", "")))

    def test_missing_plan(self):
        self.assertIn("a.sh: KTAP block has no plan", fails(GOOD.replace("1..2\n", "")))

    def test_bail_out(self):
        self.assertIn("a.sh: Bail out! broken", fails(GOOD.replace("ok 2 two", "ok 2 two\nBail out! broken")))

    def test_exit_code(self):
        self.assertIn("a.sh: exited 2", fails(GOOD.replace("# exit: a.sh 0", "# exit: a.sh 2")))

    def test_exit_4_is_a_skip(self):
        v = verdicts(GOOD.replace("# exit: a.sh 0", "# exit: a.sh 4"))
        self.assertIn(("SKIP", "a.sh: skipped (exit 4)"), v)

    def test_skip_all(self):
        v = verdicts("# script: k.sh\nTAP version 13\n1..0 # SKIP no kmemleak\n# exit: k.sh 4\nGUEST-EXIT: 0\n")
        self.assertEqual(v, [("SKIP", "k.sh: no kmemleak")])

    def test_guest_died_in_a_script(self):
        self.assertIn("a.sh: no exit status (the guest stopped in it)",
                      fails(GOOD.split("# exit:")[0]))

    def test_kernel_log_hit(self):
        text = GOOD.replace("# kernel-log-checked", "# kernel-log: a.sh: WARNING: at x\n# kernel-log-checked")
        self.assertIn("a.sh: kernel log: WARNING: at x", fails(text))
        self.assertNotIn(("PASS", "a.sh: kernel log clean (3 lines)"), verdicts(text))

    def test_todo_is_a_failure(self):
        self.assertIn("two # TODO flaky", fails(GOOD.replace("ok 2 two", "not ok 2 two # TODO flaky")))

    def test_expected_failure_and_unexpected_pass(self):
        self.assertIn(("SKIP", "expected failure: two"),
                      verdicts(GOOD.replace("ok 2 two", "not ok 2 two"), xfail={"two"}))
        self.assertIn("unexpected pass of an expected failure: two", fails(GOOD, xfail={"two"}))


    def test_missing_exit_line_between_scripts(self):
        # the "# exit:" line of a.sh lost (split by kernel output): the next
        # script's start must not close a.sh as if it had exited
        text = GOOD.replace("# exit: a.sh 0\n", "").replace(
            "GUEST-EXIT", "# script: b.sh\nTAP version 13\n1..1\nok 1 three\n# exit: b.sh 0\nGUEST-EXIT")
        self.assertIn("a.sh: no exit status (the guest stopped in it)", fails(text))

    def test_missing_guest_exit_line(self):
        self.assertIn("guest: no GUEST-EXIT line (the guest did not finish its script)",
                      fails(GOOD.replace("GUEST-EXIT: 0\n", "")))


# a runner's console: a kernel-log summary at the end (tests/guest/klog.sh)
RUN = """# kernel-log-checked: boot 100
# script: a.sh
TAP version 13
1..2
ok 1 one
ok 2 two
# exit: a.sh 0
# kernel-log: a.sh: WARNING: CPU: 0 PID: 1 at drivers/of/dynamic.c:1 x
# kernel-log-checked: a.sh 30
# kernel-log-checked: poweroff 0
# kernel-log-summary: 3 scans, 1 reports
GUEST-EXIT: 0
"""


def runner_fails(text, inv=None, boot="run-x.sh"):
    return [n for v, n in ktap.parse(text.splitlines(), set(), boot=boot, inventory=inv, runner=True)
            if v == "FAIL"]


class Summary(unittest.TestCase):
    def test_runner_log_as_printed(self):
        self.assertEqual(runner_fails(RUN), ["a.sh: kernel log: WARNING: CPU: 0 PID: 1 at drivers/of/dynamic.c:1 x"])

    def test_kernel_log_line_split_by_interleaved_output(self):
        # the report line broken by a kernel message printed in its middle:
        # neither half is a "# kernel-log:" line any more
        split = RUN.replace("# kernel-log: a.sh: WARNING",
                            "# kernel-lo[   12.345678] spi-nor spi1.0: w25q512jv (65536 Kbytes)\ng: a.sh: WARNING")
        f = runner_fails(split)
        self.assertNotIn("a.sh: kernel log: WARNING: CPU: 0 PID: 1 at drivers/of/dynamic.c:1 x", f)
        self.assertIn("kernel-log summary: the guest counted 3 scans and 1 reports, the console shows 3 and 0", f)

    def test_kernel_log_checked_line_split(self):
        split = RUN.replace("# kernel-log-checked: poweroff 0", "# kernel-log-[ 1.0] x\nchecked: poweroff 0")
        self.assertIn("kernel-log summary: the guest counted 3 scans and 1 reports, the console shows 2 and 1",
                      runner_fails(split))

    def test_missing_summary_line(self):
        text = RUN.replace("# kernel-log-summary: 3 scans, 1 reports\n", "")
        self.assertIn("kernel-log summary: no summary line (the scans cannot be counted)", runner_fails(text))
        # a clean run without its summary fails too
        clean = GOOD.replace("GUEST-EXIT", "# kernel-log-checked: poweroff 0\nGUEST-EXIT")
        self.assertIn("kernel-log summary: no summary line (the scans cannot be counted)", runner_fails(clean))

    def test_summary_agrees(self):
        clean = RUN.replace("# kernel-log: a.sh: WARNING: CPU: 0 PID: 1 at drivers/of/dynamic.c:1 x\n", "").replace(
            "1 reports", "0 reports")
        v = ktap.parse(clean.splitlines(), set(), runner=True)
        self.assertIn(("PASS", "kernel-log summary: 3 scans, 0 reports, as the console shows"), v)
        self.assertEqual([n for x, n in v if x == "FAIL"], [])

    def test_summary_checked_without_runner_flag(self):
        # a summary that is there is checked, whoever booted
        text = RUN.replace("1 reports", "2 reports")
        self.assertIn("kernel-log summary: the guest counted 3 scans and 2 reports, the console shows 3 and 1",
                      fails(text))

    def test_report_after_guest_exit(self):
        text = GOOD + "[   99.1] WARNING: CPU: 0 PID: 1 at kernel/reboot.c:1 x\nreboot: Power down\n"
        self.assertIn("after GUEST-EXIT: kernel log: [   99.1] WARNING: CPU: 0 PID: 1 at kernel/reboot.c:1 x",
                      fails(text))
        self.assertEqual(fails(GOOD + "reboot: Power down\n"), [])


if __name__ == "__main__":
    unittest.main()
