"""Unit tests of in-guest checks that must be able to fail: the overlap
rule (tests/guest/overlap.sh), the KUnit run judged against the cases the
source declares (scripts/kunit-cases.py, tests/guest/kunit.sh), the
handover's image that differs from what the flash holds
(scripts/guest-files.sh, flashrom.sh, handover.sh), the leak check's
judgement of the slab counters (leak_check in tests/guest/nodes.sh; the
teeth suite shows it fail in the guest)."""
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


SOURCE = """
static struct kunit_case first_cases[] = {
	KUNIT_CASE(a),
	KUNIT_CASE_SLOW(b),
	/* KUNIT_CASE(commented_out), */
	KUNIT_CASE_PARAM(c, c_gen_params),
	{}
};

static struct kunit_case second_cases[] = {
	KUNIT_CASE_SLOW(d),
	{}
};

static struct kunit_suite first_suite = {
	.name = "of_dynamic_status",
	.test_cases = first_cases,
};

static struct kunit_suite second_suite = {
	.name = "of_dynamic_status_live",
	.init = live_init,
	.test_cases = second_cases,
};

static struct kunit_suite other_suite = {
	.name = "something_else",
	.test_cases = second_cases,
};
"""


class KunitCases(unittest.TestCase):
    def run_counter(self, *args):
        return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "kunit-cases.py"), *args],
                              capture_output=True, text=True)

    def test_counts_each_suite(self):
        with tempfile.NamedTemporaryFile("w", suffix=".c") as f:
            f.write(SOURCE)
            f.flush()
            p = self.run_counter("of_dynamic_status", f.name)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "of_dynamic_status 3\nof_dynamic_status_live 1\n")

    def test_no_suite_is_an_error(self):
        with tempfile.NamedTemporaryFile("w", suffix=".c") as f:
            f.write("int x;\n")
            f.flush()
            self.assertNotEqual(self.run_counter("of_dynamic_status", f.name).returncode, 0)

    @unittest.skipUnless(os.path.isdir(os.path.join(KSRC, "drivers", "of")), "no kernel tree")
    def test_the_series_source(self):
        p = self.run_counter("of_dynamic_status", *sorted(
            os.path.join(KSRC, "drivers", "of", f) for f in os.listdir(os.path.join(KSRC, "drivers", "of"))
            if f.endswith(".c")))
        self.assertEqual(p.returncode, 0, p.stderr)
        counts = dict(l.split() for l in p.stdout.splitlines())
        self.assertIn("of_dynamic_status", counts)
        self.assertIn("of_dynamic_status_live", counts)
        self.assertGreater(int(counts["of_dynamic_status"]), 1)


@unittest.skipUnless(os.path.exists(KTAP_HELPERS), "no kernel tree (ktap_helpers.sh)")
class KunitInGuest(unittest.TestCase):
    """tests/guest/kunit.sh on the host, with a fake debugfs"""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.files = os.path.join(self.dir, "files")
        os.makedirs(os.path.join(self.files, "kselftest"))
        shutil.copy(KTAP_HELPERS, os.path.join(self.files, "kselftest"))
        self.debugfs = os.path.join(self.dir, "kunit")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def suite(self, name, cases):
        os.makedirs(os.path.join(self.debugfs, name))
        with open(os.path.join(self.debugfs, name, "results"), "w") as f:
            f.write(f"KTAP version 1\n# Subtest: {name}\n1..{len(cases)}\n")
            for i, c in enumerate(cases, 1):
                f.write(f"    ok {i} {c}\n")
            f.write(f"ok 1 {name}\n")

    def run_kunit(self, declared):
        with open(os.path.join(self.files, "kunit.cases"), "w") as f:
            f.write(declared)
        p = sh('sh "$S"', {"S": os.path.join(GUEST, "kunit.sh"), "GUEST_FILES_DIR": self.files,
                           "KUNIT_DEBUGFS": self.debugfs})
        return [n for v, n in ktap.parse(p.stdout.splitlines() + ["GUEST-EXIT: 0"], set()) if v == "FAIL"], p

    def test_all_cases_ran(self):
        self.suite("of_dynamic_status", ["a", "b", "c"])
        self.suite("of_dynamic_status_live", ["d"])
        f, p = self.run_kunit("of_dynamic_status 3\nof_dynamic_status_live 1\n")
        self.assertEqual(f, [], p.stdout)
        self.assertEqual(p.returncode, 0, p.stdout)

    def test_fewer_cases_than_declared(self):
        self.suite("of_dynamic_status", ["a", "b"])
        self.suite("of_dynamic_status_live", ["d"])
        f, p = self.run_kunit("of_dynamic_status 3\nof_dynamic_status_live 1\n")
        self.assertIn("of_dynamic_status: ran 2 of the 3 cases its source declares", f, p.stdout)
        self.assertNotEqual(p.returncode, 0)

    def test_a_suite_that_did_not_run(self):
        self.suite("of_dynamic_status", ["a", "b", "c"])
        f, p = self.run_kunit("of_dynamic_status 3\nof_dynamic_status_live 1\n")
        self.assertIn("of_dynamic_status_live: ran at boot (no results in debugfs)", f, p.stdout)

    def test_no_declared_counts(self):
        self.suite("of_dynamic_status", ["a"])
        f, p = self.run_kunit("")
        self.assertTrue(f, p.stdout)
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
            with open(os.path.join(f, "kunit.cases")) as s:
                self.assertRegex(s.read(), r"^of_dynamic_status \d+\nof_dynamic_status_live \d+\n$")


if __name__ == "__main__":
    unittest.main()


class LeakCheck(unittest.TestCase):
    """leak_check (tests/guest/nodes.sh) on the host, with slab_counts files
    written here: a cache that gains LEAK_LIMIT objects per cycle fails and
    is named"""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        shutil.copy(os.path.join(ROOT, "board", "ast2500", "nodes.sh"), os.path.join(self.dir, "board.sh"))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def check(self, before, after, cycles, *extra):
        for name, rows in (("before", before), ("after", after)):
            with open(os.path.join(self.dir, name), "w") as f:
                f.writelines(" ".join(map(str, r)) + "\n" for r in rows)
        p = sh('. "$N"; leak_check "$W" "$D/before" "$D/after" ' + str(cycles) + " " + " ".join(extra),
               {"N": os.path.join(GUEST, "nodes.sh"), "GUEST_FILES_DIR": self.dir, "D": self.dir,
                "W": "platform (gpio-leds)", "LEAK_BYTES": os.path.join(self.dir, "bytes")})
        with open(os.path.join(self.dir, "bytes")) as f:
            return p.returncode, p.stdout, float(f.read())

    # DIR ALLOC_FASTPATH ALLOC_SLOWPATH FREE_FASTPATH FREE_SLOWPATH FREE_RCU_SHEAF OBJECT_SIZE NAMES
    QUIET = [":0000040", 500, 0, 400, 0, 0, 40, "ftrace_event_field,nsproxy"]

    def test_one_object_per_cycle_fails_and_names_the_cache(self):
        rc, out, b = self.check([["kmalloc-64", 1000, 10, 900, 5, 3, 64, "-"], self.QUIET],
                                [["kmalloc-64", 1030, 12, 910, 6, 4, 64, "-"], self.QUIET], 20)
        self.assertEqual(rc, 1, out)
        self.assertIn("# leak: platform (gpio-leds): kmalloc-64 +20 objects in 20 cycles, 1.00 per cycle", out)
        self.assertNotIn(":0000040", out)
        self.assertEqual(b, 64.0)

    def test_under_the_limit_passes_and_is_printed(self):
        rc, out, _ = self.check([["kmalloc-64", 1000, 0, 900, 0, 0, 64, "-"]],
                                [["kmalloc-64", 1009, 0, 900, 0, 0, 64, "-"]], 20)
        self.assertEqual(rc, 0, out)
        self.assertIn("# slab: platform (gpio-leds): kmalloc-64 +9 objects, 0.45 per cycle", out)
        self.assertNotIn("# leak:", out)

    def test_the_limit_itself_fails(self):
        rc, out, _ = self.check([["kmalloc-64", 1000, 0, 900, 0, 0, 64, "-"]],
                                [["kmalloc-64", 1010, 0, 900, 0, 0, 64, "-"]], 20)
        self.assertEqual(rc, 1, out)

    def test_merged_caches_are_named_by_their_aliases(self):
        rc, out, _ = self.check([[":0000096", 0, 0, 0, 0, 0, 96, "eventpoll_epi,pid"]],
                                [[":0000096", 30, 0, 0, 0, 0, 96, "eventpoll_epi,pid"]], 20)
        self.assertEqual(rc, 1, out)
        self.assertIn("# leak: platform (gpio-leds): :0000096 (eventpoll_epi,pid) +30 objects", out)

    def test_every_free_counter_counts(self):
        rc, out, _ = self.check([["kmalloc-128", 0, 0, 0, 0, 0, 128, "-"]],
                                [["kmalloc-128", 50, 10, 20, 20, 20, 128, "-"]], 20)
        self.assertEqual(rc, 0, out)
        self.assertNotIn("kmalloc-128", out)

    def test_a_counter_that_wraps(self):
        rc, out, _ = self.check([["kmalloc-64", 4294967290, 0, 0, 0, 0, 64, "-"]],
                                [["kmalloc-64", 14, 0, 0, 0, 0, 64, "-"]], 20)
        self.assertEqual(rc, 1, out)
        self.assertIn("kmalloc-64 +20 objects", out)

    def test_caches_not_judged(self):
        rc, out, b = self.check([["maple_node", 0, 0, 0, 0, 0, 256, "-"], [":0000040", 0, 0, 0, 0, 0, 40, "nsproxy,vmap_area"],
                                 ["debug_objects_cache", 0, 0, 0, 0, 0, 24, "-"]],
                                [["maple_node", 0, 0, 0, 100, 0, 256, "-"], [":0000040", 100, 0, 0, 0, 0, 40, "nsproxy,vmap_area"],
                                 ["debug_objects_cache", 100, 0, 0, 0, 0, 24, "-"]], 20)
        self.assertEqual(rc, 0, out)
        self.assertIn("debug_objects_cache +100 objects, 5.00 per cycle (not judged)", out)
        self.assertIn("(nsproxy,vmap_area) +100 objects, 5.00 per cycle (not judged)", out)
        self.assertIn("maple_node -100 objects, -5.00 per cycle (not judged)", out)
        self.assertEqual(b, 0.0)

    def test_print_does_not_judge(self):
        rc, out, _ = self.check([["kmalloc-64", 0, 0, 0, 0, 0, 64, "-"]],
                                [["kmalloc-64", 40, 0, 0, 0, 0, 64, "-"]], 20, "print")
        self.assertEqual(rc, 0, out)
        self.assertIn("# slab: platform (gpio-leds): kmalloc-64 +40 objects, 2.00 per cycle", out)
        self.assertNotIn("# leak:", out)

    def test_the_limit_is_stated_once(self):
        found = []
        for d, _, files in os.walk(TESTS):
            for f in files:
                if f.endswith(".sh"):
                    with open(os.path.join(d, f)) as i:
                        found += [(f, l) for l in i if re.match(r"\s*(export\s+)?LEAK_LIMIT=", l)]
        self.assertEqual([f for f, _ in found], ["nodes.sh"], found)
        self.assertLess(float(found[0][1].split("=")[1].split()[0]), 1.0)
