"""Unit tests of tests/inventory.py and of ktap.py's use of it: a host
suite or a guest script that make check must run and that did not run, or
gave fewer results than tests/inventory.txt says, fails."""
import glob
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, TESTS)
import inventory  # noqa: E402
import ktap  # noqa: E402

INV = """# a comment
suite alpha 2
suite beta 1
runner run-x.sh a.sh 2
runner run-x.sh b.sh 0
alone teeth.sh 2
"""


def load(text=INV):
    return inventory.parse(text.splitlines())


def results(*lines):
    return ["\t".join(l.split()) + "\n" for l in lines]


class Suites(unittest.TestCase):
    def test_order(self):
        self.assertEqual(load().suite_names(), ["alpha", "beta"])

    def test_enough(self):
        v = inventory.check_suite(load(), results("PASS alpha x", "FAIL alpha y", "PASS beta z"), "alpha")
        self.assertEqual(v, [("PASS", "alpha: 2 results, at least 2 expected (tests/inventory.txt)")])

    def test_fewer(self):
        v = inventory.check_suite(load(), results("PASS alpha x", "PASS beta z"), "alpha")
        self.assertEqual(v, [("FAIL", "alpha: 1 results, at least 2 expected (tests/inventory.txt)")])

    def test_did_not_run(self):
        v = inventory.check_suite(load(), results("PASS alpha x"), "beta")
        self.assertEqual(v, [("FAIL", "beta: did not run (no result; at least 1 expected)")])

    def test_unknown_suite(self):
        self.assertEqual(inventory.check_suite(load(), [], "gamma"),
                         [("FAIL", "gamma: not in tests/inventory.txt")])

    def test_bad_line(self):
        with self.assertRaises(ValueError):
            load("suite alpha two\n")
        with self.assertRaises(ValueError):
            load("nonsense a b\n")

    def test_cli(self):
        with tempfile.TemporaryDirectory() as d:
            inv = os.path.join(d, "inv.txt")
            res = os.path.join(d, "results.txt")
            with open(inv, "w") as f:
                f.write(INV)
            with open(res, "w") as f:
                f.writelines(results("PASS alpha x"))
            run = lambda *a: subprocess.run([sys.executable, os.path.join(TESTS, "inventory.py"), "--file", inv, *a],
                                            capture_output=True, text=True, check=True).stdout
            self.assertEqual(run("suites"), "alpha\nbeta\n")
            self.assertEqual(run("check", res, "alpha", "beta"),
                             "FAIL\talpha: 1 results, at least 2 expected (tests/inventory.txt)\n"
                             "FAIL\tbeta: did not run (no result; at least 1 expected)\n")

    def test_the_inventory_names_every_suite(self):
        # tests/check.sh runs the suites of the inventory, in its order: every
        # suite script is in it, and nothing else
        inv = inventory.load(os.path.join(TESTS, "inventory.txt"))
        scripts = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(TESTS, "suites", "*.sh")))
        self.assertEqual(sorted(inv.suite_names()), scripts)

    def test_the_inventory_names_guest_scripts_that_exist(self):
        inv = inventory.load(os.path.join(TESTS, "inventory.txt"))
        guest = os.path.join(TESTS, "guest")
        for boot, entry in inv.boots.items():
            self.assertTrue(os.path.exists(os.path.join(guest, boot)), boot)
            for script, _ in entry.scripts:
                if not script.startswith("dt/"):  # the series' kselftest
                    self.assertTrue(os.path.exists(os.path.join(guest, script)), script)
                    with open(os.path.join(guest, boot)) as f:
                        self.assertIn(f"run {script}", f.read(), f"{boot} runs {script}")

    def test_every_runner_script_is_in_the_inventory(self):
        # what a runner runs ("run SCRIPT" in tests/guest/run-*.sh) is listed
        # for that runner: a boot would fail on it ("ran but is not in
        # tests/inventory.txt"); caught here without a boot
        inv = inventory.load(os.path.join(TESTS, "inventory.txt"))
        for path in sorted(glob.glob(os.path.join(TESTS, "guest", "run-*.sh"))):
            boot = os.path.basename(path)
            with open(path) as f:
                runs = [l.split()[1] for l in f if l.startswith("run ")]
            if not runs:
                continue
            with self.subTest(boot):
                self.assertIn(boot, inv.boots)
                self.assertTrue(inv.boots[boot].runner)
                listed = [s for s, _ in inv.boots[boot].scripts]
                self.assertEqual([s for s in runs if s not in listed], [])

    def test_check_sh_takes_its_suites_from_the_inventory(self):
        with open(os.path.join(TESTS, "check.sh")) as f:
            text = f.read()
        self.assertIn("inventory.py", text)
        self.assertNotIn("all=(harness", text)


LOG = """# kernel-log-checked: boot 10
# script: a.sh
TAP version 13
1..2
ok 1 one
ok 2 two
# exit: a.sh 0
# kernel-log-checked: a.sh 0
# script: b.sh
TAP version 13
1..0 # SKIP nothing here
# exit: b.sh 4
# kernel-log-checked: b.sh 0
# kernel-log-checked: poweroff 0
# kernel-log-summary: 4 scans, 0 reports
GUEST-EXIT: 0
"""


def boot_fails(text, boot="run-x.sh", inv=INV):
    return [n for v, n in ktap.parse(text.splitlines(), set(), boot=boot, inventory=load(inv)) if v == "FAIL"]


class GuestScripts(unittest.TestCase):
    def test_as_listed(self):
        v = ktap.parse(LOG.splitlines(), set(), boot="run-x.sh", inventory=load())
        self.assertEqual([n for x, n in v if x == "FAIL"], [])
        self.assertIn(("PASS", "run-x.sh: the 2 scripts of tests/inventory.txt ran, each with its results"), v)

    def test_script_did_not_run(self):
        text = LOG.replace("# script: b.sh", "# script: c.sh").replace("# exit: b.sh", "# exit: c.sh")
        f = boot_fails(text)
        self.assertIn("run-x.sh: b.sh did not run (tests/inventory.txt)", f)
        self.assertIn("run-x.sh: c.sh ran but is not in tests/inventory.txt", f)

    def test_fewer_results(self):
        text = LOG.replace("1..2\nok 1 one\n", "1..1\n")
        self.assertIn("run-x.sh: a.sh gave 1 results, at least 2 expected (tests/inventory.txt)", boot_fails(text))

    def test_runner_needs_its_summary(self):
        text = LOG.replace("# kernel-log-summary: 4 scans, 0 reports\n", "")
        self.assertIn("kernel-log summary: no summary line (the scans cannot be counted)", boot_fails(text))

    def test_boot_not_in_inventory(self):
        self.assertIn("run-y.sh: not in tests/inventory.txt", boot_fails(LOG, boot="run-y.sh"))

    def test_alone(self):
        alone = "TAP version 13\n1..1\nok 1 x\nGUEST-EXIT: 0\n"
        self.assertIn("teeth.sh: gave 1 results, at least 2 expected (tests/inventory.txt)",
                      boot_fails(alone, boot="teeth.sh"))
        # no runner: no kernel-log summary expected
        self.assertEqual(boot_fails(alone.replace("1..1\nok 1 x", "1..2\nok 1 x\nok 2 y"), boot="teeth.sh"), [])


if __name__ == "__main__":
    unittest.main()
