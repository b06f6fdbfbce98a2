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
        v = verdicts("# script: k.sh\nTAP version 13\n1..0 # SKIP no kmemleak\n# exit: k.sh 4\n")
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


if __name__ == "__main__":
    unittest.main()
