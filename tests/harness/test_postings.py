"""Unit tests of the postings (scripts/postings.py, scripts/export.sh,
scripts/postings-mail.sh, scripts/make-cover-letter.py) on a toy git tree
with a stand-in get_maintainer.pl, no kernel needed: the commits base..HEAD
sliced by the definition file, one folder per posting with its cover
letter, recipients and prerequisite-patch-id lines; the mail-ready copy
refuses the placeholder identity and none, and keeps every other tag; the
per-posting checks fail on a bad posting (missing Fixes:, inconsistent
version, empty body, a dependency left out)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import postings as P  # noqa: E402

# git without the machine's configuration: no identity unless a test sets one
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
           GIT_AUTHOR_DATE="2026-11-22T00:00:00+0000", GIT_COMMITTER_DATE="2026-11-22T00:00:00+0000")
for k in [k for k in ENV if k.startswith("GIT_CONFIG_") and k not in ("GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL")]:
    del ENV[k]

# get_maintainer.pl's output for the files a patch touches
GET_MAINTAINER = r"""#!/usr/bin/perl
my %who = (
  "spi.c" => [q{Spi Maintainer <spi@maint.test> (maintainer:SPI SUBSYSTEM)}, q{linux-spi@lists.test (open list:SPI SUBSYSTEM)}],
  "mtd.c" => [q{Mtd Maintainer <mtd@maint.test> (maintainer:MTD SUBSYSTEM)}, q{linux-mtd@lists.test (open list:MTD SUBSYSTEM)}],
  "of.c" => [q{Of Maintainer <of@maint.test> (maintainer:OPEN FIRMWARE)}, q{Of Reviewer <ofr@maint.test> (reviewer:OPEN FIRMWARE)}, q{devicetree@lists.test (open list:OPEN FIRMWARE)}],
  "board.dts" => [q{Board Maintainer <board@maint.test> (maintainer:ARM/ASPEED)}, q{linux-aspeed@lists.test (moderated list:ARM/ASPEED)}],
);
my (%seen, @out);
for my $f (@ARGV) {
  open(my $fh, '<', $f) or next;
  while (<$fh>) {
    next unless m{^\+\+\+ b/(\S+)};
    for my $l (@{$who{$1} || []}) { push @out, $l unless $seen{$l}++; }
  }
}
print "$_\n" for @out;
"""

PLACEHOLDER_ID = ["-c", "user.name=BMC Kernel Team", "-c", "user.email=bmc-kernel@example.org"]

DEFINITION = """\
# name     | patches | kind    | depends on          | prefix   | title
spi-fixes  | 2       | fixes   | -                   | PATCH    | spi: two fixes
mtd-fix    | 1       | fixes   | -                   | PATCH    | mtd: one fix
feature    | 2       | feature | spi-fixes, mtd-fix  | PATCH v3 | of: the feature
board      | 1       | board   | feature             | PATCH    | ARM: dts: the board
"""

SENDER = ("Jöns Sender", "jons@sender.test")


def git(tree, *args, check=True):
    p = subprocess.run(["git", "-C", tree, *args], capture_output=True, text=True, env=ENV)
    if check and p.returncode:
        raise AssertionError(f"git {args}: {p.stderr}")
    return p.stdout


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def commit(tree, path, text, message):
    write(os.path.join(tree, path), text)
    git(tree, "add", path)
    git(tree, *PLACEHOLDER_ID, "commit", "-q", "-m", message)


def lines(n, tag=""):
    return "".join(f"line {i}{tag}\n" for i in range(1, n + 1))


def make_tree(top):
    """A toy kernel tree: a base, then 2 SPI fixes, 1 MTD fix, a feature
    that builds on both, a board DTS that needs the feature."""
    tree = os.path.join(top, "linux")
    os.makedirs(tree)
    git(tree, "init", "-q", "-b", "master")
    for f in ("spi.c", "mtd.c", "of.c", "board.dts"):
        write(os.path.join(tree, f), lines(20))
    write(os.path.join(tree, "scripts", "get_maintainer.pl"), GET_MAINTAINER)
    git(tree, "add", "-A")
    git(tree, "-c", "user.name=base", "-c", "user.email=base@localhost", "commit", "-q",
        "-m", "Linux 7.3.4 (Debian linux-source-7.3 7.3.4-1~bpo13+1), unmodified but for .gitignore")
    git(tree, "tag", "base")
    sob = "Signed-off-by: BMC Kernel Team <bmc-kernel@example.org>"
    fixes = 'Fixes: 0123456789ab ("spi: the commit it fixes")'
    spi = lines(20).replace("line 3\n", "line 3 fixed\n")
    commit(tree, "spi.c", spi, f"spi: fix the first thing\n\nWhy it was wrong.\n\n{fixes}\n{sob}")
    spi = spi.replace("line 10\n", "line 10 fixed\n")
    commit(tree, "spi.c", spi, f"spi: fix the second thing\n\nWhy it was wrong.\n\n{fixes}\n{sob}")
    commit(tree, "mtd.c", lines(20).replace("line 5\n", "line 5 fixed\n"),
           f"mtd: fix a thing\n\nWhy it was wrong.\n\n"
           f'Fixes: 89abcdef0123 ("mtd: the commit it fixes")\n{sob}')
    # the feature changes lines the fixes changed: it needs them
    commit(tree, "spi.c", spi.replace("line 3 fixed\n", "line 3 fixed, featured\n"),
           f"spi: use the feature\n\nWhat it does.\n\n{sob}")
    commit(tree, "of.c", lines(20, " of"), f"of: add the feature\n\nWhat it does.\n\n{sob}")
    commit(tree, "board.dts", lines(20).replace("line 1\n", "line 1 dynamic\n"),
           f"ARM: dts: board: use the feature\n\nThe flash is dynamic.\n\n{sob}")
    with open(os.path.join(tree, ".git", "base-version"), "w") as f:
        f.write("7.3.4 (Debian linux-source-7.3 7.3.4-1~bpo13+1)\n")
    return tree


def make_definition(top, text=DEFINITION, covers=("spi-fixes", "mtd-fix", "feature", "board")):
    d = os.path.join(top, "def")
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, "postings"), text)
    for name in covers:
        write(os.path.join(d, f"{name}.cover"), f"{name}: cover subject\n\nWhy {name}.\n")
    return os.path.join(d, "postings")


def run_postings(*args, env=None):
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "postings.py"), *args],
                          capture_output=True, text=True, env=env or ENV)


def verdicts(results):
    return {name: verdict for verdict, name, _ in results}


def failed(results):
    return [(name, detail) for verdict, name, detail in results if verdict == "FAIL"]


class Definition(unittest.TestCase):
    def test_parses_fields_and_dependencies(self):
        ps = P.parse_definition(DEFINITION)
        self.assertEqual([p.name for p in ps], ["spi-fixes", "mtd-fix", "feature", "board"])
        feature = ps[2]
        self.assertEqual((feature.count, feature.kind, feature.deps, feature.prefix, feature.title),
                         (2, "feature", ["spi-fixes", "mtd-fix"], "PATCH v3", "of: the feature"))
        self.assertEqual([p.name for p in P.closure(ps, ps[3])], ["spi-fixes", "mtd-fix", "feature"])

    def test_slices_the_commits_in_order(self):
        ps = P.slice_commits(P.parse_definition(DEFINITION), list("abcdef"))
        self.assertEqual([p.commits for p in ps], [["a", "b"], ["c"], ["d", "e"], ["f"]])
        self.assertEqual([p.start for p in ps], [0, 2, 3, 5])

    def test_counts_must_add_up_to_the_commits(self):
        for commits in ("abcde", "abcdefg"):
            with self.assertRaisesRegex(P.DefinitionError, rf"take 6 patches .* has {len(commits)} commits"):
                P.slice_commits(P.parse_definition(DEFINITION), list(commits))

    def test_bad_definitions_are_refused(self):
        bad = {
            "a | 1 | fixes | - | PATCH": "5 fields",
            "A | 1 | fixes | - | PATCH | t": "bad posting name",
            "series | 1 | fixes | - | PATCH | t": "bad posting name",
            "a | 0 | fixes | - | PATCH | t": "PATCHES must be",
            "a | 1 | fix | - | PATCH | t": "KIND",
            "a | 1 | fixes | b | PATCH | t": "not defined above",
            "a | 1 | fixes | a | PATCH | t": "depends on itself",
            "a | 1 | fixes | - | [PATCH] | t": "subject prefix",
            "a | 1 | fixes | - | PATCH |": "no title",
            "a | 1 | fixes | - | PATCH | t\na | 1 | fixes | - | PATCH | t": "defined twice",
            "b | 1 | misc | - | PATCH | t\na | 1 | fixes | b,b | PATCH | t": "named twice",
            "# nothing": "no posting",
        }
        for text, msg in bad.items():
            with self.subTest(text=text), self.assertRaisesRegex(P.DefinitionError, msg):
                P.parse_definition(text)

    def test_a_later_posting_cannot_be_a_dependency(self):
        text = "a | 1 | feature | b | PATCH | t\nb | 1 | fixes | - | PATCH | t\n"
        with self.assertRaisesRegex(P.DefinitionError, "not defined above"):
            P.parse_definition(text)


class Export(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.top = tempfile.mkdtemp()
        cls.tree = make_tree(cls.top)
        cls.definition = make_definition(cls.top)
        cls.out = os.path.join(cls.top, "out")
        cls.postings = P.read_definition(cls.definition)
        P.export(cls.tree, cls.out, cls.postings, os.path.dirname(cls.definition), log=lambda m: None)
        cls.work = os.path.join(cls.top, "am")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.top, ignore_errors=True)

    def copy(self):
        """A copy of the export to spoil."""
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        shutil.copytree(self.out, os.path.join(d, "out"))
        return os.path.join(d, "out")

    def read(self, rel, top=None):
        with open(os.path.join(top or self.out, rel), encoding="utf-8") as f:
            return f.read()

    def test_one_folder_per_posting_and_series_in_order(self):
        self.assertEqual(sorted(os.listdir(self.out)), ["board", "feature", "mtd-fix", "series", "spi-fixes"])
        series = P.read_series(self.out)
        self.assertEqual([s.split("/")[0] for s in series],
                         ["spi-fixes", "spi-fixes", "mtd-fix", "feature", "feature", "board"])
        self.assertEqual(series[3], "feature/0001-spi-use-the-feature.patch")
        for name, n in (("spi-fixes", 2), ("mtd-fix", 1), ("feature", 2), ("board", 1)):
            self.assertEqual(sorted(os.listdir(os.path.join(self.out, name)))[0], "0000-cover-letter.patch")
            self.assertEqual(len(os.listdir(os.path.join(self.out, name))), n + 1)

    def test_subjects_carry_each_postings_prefix_and_size(self):
        self.assertIn("Subject: [PATCH v3 2/2] of: add the feature",
                      self.read("feature/0002-of-add-the-feature.patch"))
        self.assertIn("Subject: [PATCH 0/2] spi-fixes: cover subject",
                      self.read("spi-fixes/0000-cover-letter.patch"))
        self.assertIn("Subject: [PATCH 1/1] mtd: fix a thing",
                      self.read("mtd-fix/0001-mtd-fix-a-thing.patch"))

    def test_recipients_come_from_the_postings_own_patches(self):
        spi = self.read("spi-fixes/0000-cover-letter.patch").partition("\n\n")[0]
        self.assertIn("To: Spi Maintainer <spi@maint.test>", spi)
        self.assertIn("Cc: linux-spi@lists.test", spi)
        self.assertNotIn("mtd", spi)
        feature = self.read("feature/0001-spi-use-the-feature.patch").partition("\n\n")[0]
        self.assertIn("Of Reviewer <ofr@maint.test>", feature.split("Cc:")[0])   # reviewers in To
        self.assertIn("devicetree@lists.test", feature.split("Cc:")[1])
        self.assertNotIn("mtd", feature)
        self.assertNotIn("aspeed", feature)

    def test_cover_letters_name_the_base_in_words_and_the_prerequisites(self):
        feature = self.read("feature/0000-cover-letter.patch")
        self.assertIn("Why feature.", feature)
        words = " ".join(feature.split())
        self.assertIn("Based on Linux 7.3.4 as Debian's linux-source-7.3 7.3.4-1~bpo13+1 ships it", words)
        self.assertNotIn("base-commit:", feature)
        self.assertIn("- spi-fixes: [PATCH 0/2] spi-fixes: cover subject", feature)
        self.assertIn("- mtd-fix: [PATCH 0/1] mtd-fix: cover subject", feature)
        want = []
        for c in git(self.tree, "rev-list", "--reverse", "base..HEAD").split()[:3]:
            ids = subprocess.run(["git", "patch-id", "--stable"], input=git(self.tree, "show", c),
                                 capture_output=True, text=True).stdout
            want.append(f"prerequisite-patch-id: {ids.split()[0]}")
        self.assertEqual(re.findall(r"^prerequisite-patch-id: .*$", feature, re.M), want)
        self.assertTrue(feature.endswith("\n" + "\n".join(want) + "\n"))
        spi = self.read("spi-fixes/0000-cover-letter.patch")
        self.assertIn("Based on Linux 7.3.4", spi)
        self.assertNotIn("prerequisite-patch-id", spi)
        self.assertNotIn("Applies on top", spi)
        board = self.read("board/0000-cover-letter.patch")
        self.assertEqual(len(re.findall(r"^prerequisite-patch-id: ", board, re.M)), 5)

    def test_export_is_deterministic_and_keeps_its_sources(self):
        out = self.copy()
        write(os.path.join(out, "stale", "0001-old.patch"), "old\n")
        write(os.path.join(out, "0001-flat.patch"), "old\n")
        write(os.path.join(out, "README"), "kept\n")
        P.export(self.tree, out, P.read_definition(self.definition), os.path.dirname(self.definition),
                 log=lambda m: None)
        self.assertFalse(os.path.exists(os.path.join(out, "stale")))
        self.assertFalse(os.path.exists(os.path.join(out, "0001-flat.patch")))
        os.unlink(os.path.join(out, "README"))
        r = subprocess.run(["diff", "-r", self.out, out], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_export_writes_nothing_when_the_counts_do_not_add_up(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        definition = make_definition(d, DEFINITION.replace("| 2       | fixes", "| 3       | fixes"))
        out = os.path.join(d, "out")
        r = run_postings("export", "--tree", self.tree, "--out", out, "--definition", definition)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("take 7 patches", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_export_sh_takes_an_output_folder_and_a_definition(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        env = dict(ENV, KSRC=self.tree, SERIES_DIR=os.path.join(d, "none"))
        r = subprocess.run([os.path.join(ROOT, "scripts", "export.sh"), "-d", self.definition,
                            os.path.join(d, "out")], capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = subprocess.run(["diff", "-r", self.out, os.path.join(d, "out")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_missing_template_fails_the_cover_letter_check(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        definition = make_definition(d, covers=("spi-fixes", "feature", "board"))
        out = os.path.join(d, "out")
        warned = []
        P.export(self.tree, out, P.read_definition(definition), os.path.dirname(definition),
                 log=warned.append)
        self.assertTrue(any("mtd-fix.cover" in w for w in warned), warned)
        self.assertIn("Subject: [PATCH 0/1] mtd: one fix", self.read("mtd-fix/0000-cover-letter.patch", out))
        v = verdicts(P.check_postings(out, P.read_definition(definition)))
        self.assertEqual(v["mtd-fix: the cover letter has its subject and text"], "FAIL")
        self.assertEqual(v["spi-fixes: the cover letter has its subject and text"], "PASS")

    def test_empty_cover_template_fails_the_cover_letter_check(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        definition = make_definition(d)
        write(os.path.join(d, "def", "feature.cover"), "of: the feature\n\n")   # no body
        write(os.path.join(d, "def", "board.cover"), "\n\nA body without a subject.\n")
        out = os.path.join(d, "out")
        P.export(self.tree, out, P.read_definition(definition), os.path.dirname(definition),
                 log=lambda m: None)
        v = verdicts(P.check_postings(out, P.read_definition(definition)))
        self.assertEqual(v["feature: the cover letter has its subject and text"], "FAIL")
        self.assertEqual(v["board: the cover letter has its subject and text"], "FAIL")
        self.assertEqual(v["mtd-fix: the cover letter has its subject and text"], "PASS")

    # ---- the per-posting checks

    def test_the_good_export_passes_every_check(self):
        res = P.check_postings(self.out, self.postings)
        self.assertEqual(failed(res), [])
        names = [n for _, n, _ in res]
        self.assertIn("spi-fixes: every patch of the fix posting has Fixes:", names)
        self.assertNotIn("feature: every patch of the fix posting has Fixes:", names)
        self.assertEqual(failed(P.order_check(self.tree, self.out)), [])

    def spoil(self, rel, old, new):
        out = self.copy()
        path = os.path.join(out, rel)
        text = self.read(rel, out)
        self.assertIn(old, text)
        write(path, text.replace(old, new, 1))
        return out

    def test_missing_fixes_fails(self):
        out = self.spoil("spi-fixes/0002-spi-fix-the-second-thing.patch", "Fixes: 0123456789ab", "Link: 0123456789ab")
        v = verdicts(P.check_postings(out, self.postings))
        self.assertEqual(v["spi-fixes: every patch of the fix posting has Fixes:"], "FAIL")
        self.assertEqual(v["mtd-fix: every patch of the fix posting has Fixes:"], "PASS")

    def test_inconsistent_version_fails(self):
        for old, new in (("[PATCH v3 2/2]", "[PATCH v2 2/2]"),     # another version
                         ("[PATCH v3 2/2]", "[PATCH v3 2/3]"),     # another size
                         ("[PATCH v3 2/2]", "[PATCH v3 1/2]"),     # numbered twice
                         ("[PATCH v3 2/2]", "[PATCH v3 02/2]")):   # padded differently
            with self.subTest(new=new):
                out = self.spoil("feature/0002-of-add-the-feature.patch", old, new)
                v = verdicts(P.check_postings(out, self.postings))
                self.assertEqual(v["feature: every subject is [PATCH v3 n/2], one version"], "FAIL")
                self.assertEqual(v["spi-fixes: every subject is [PATCH n/2], one version"], "PASS")
        out = self.spoil("feature/0000-cover-letter.patch", "[PATCH v3 0/2]", "[PATCH 0/2]")
        v = verdicts(P.check_postings(out, self.postings))
        self.assertEqual(v["feature: every subject is [PATCH v3 n/2], one version"], "FAIL")

    def test_empty_body_fails(self):
        out = self.spoil("feature/0002-of-add-the-feature.patch", "What it does.\n\n", "")
        v = verdicts(P.check_postings(out, self.postings))
        self.assertEqual(v["feature: every patch has a commit message body"], "FAIL")
        self.assertEqual(v["spi-fixes: every patch has a commit message body"], "PASS")

    def test_series_out_of_order_fails(self):
        out = self.copy()
        series = P.read_series(out)
        series[0], series[1] = series[1], series[0]
        write(os.path.join(out, "series"), "\n".join(series) + "\n")
        v = verdicts(P.check_postings(out, self.postings))
        self.assertEqual(v["series lists every posting's patches, in the definition's order"], "FAIL")
        self.assertEqual(failed(P.order_check(self.tree, out))[0][0].split(" (")[0],
                         "series order is the linear order of base..HEAD")

    def test_postings_apply_alone_on_the_base_with_their_dependencies(self):
        res = P.apply_check(self.tree, self.out, self.postings, self.work)
        self.assertEqual(failed(res), [])
        self.assertIn("feature: git am on the base + spi-fixes + mtd-fix applies (5/5 patches)",
                      [n for _, n, _ in res])
        self.assertIn("spi-fixes: git am on the base alone applies (2/2 patches)", [n for _, n, _ in res])

    def test_a_dependency_left_out_fails_to_apply(self):
        ps = P.parse_definition(DEFINITION.replace("spi-fixes, mtd-fix", "mtd-fix"))
        v = verdicts(P.apply_check(self.tree, self.out, ps, self.work))
        self.assertEqual(v["feature: git am on the base + mtd-fix applies (1/3 patches)"], "FAIL")
        self.assertEqual(v["mtd-fix: git am on the base alone applies (1/1 patches)"], "PASS")

    # ---- the mail-ready copy

    def project(self, name=None, addr=None):
        """A repository whose git config names the sender (or nobody)."""
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        git(d, "init", "-q")
        if name is not None:
            git(d, "config", "user.name", name)
        if addr is not None:
            git(d, "config", "user.email", addr)
        return d

    def mail(self, repo):
        out = os.path.join(tempfile.mkdtemp(), "postings")
        self.addCleanup(shutil.rmtree, os.path.dirname(out), True)
        r = run_postings("mail", "--repo", repo, "--src", self.out, "--out", out,
                         "--definition", self.definition)
        return r, out

    def test_mail_refuses_the_placeholder_identity(self):
        for name, addr in (("BMC Kernel Team", "bmc-kernel@example.org"),
                           ("BMC Kernel Team", "someone@sender.test"),
                           ("Someone", "bmc-kernel@example.org")):
            with self.subTest(name=name, addr=addr):
                r, out = self.mail(self.project(name, addr))
                self.assertEqual(r.returncode, 3, r.stderr)
                self.assertIn("placeholder identity", r.stderr)
                self.assertFalse(os.path.exists(out))

    def test_mail_refuses_no_identity(self):
        for name, addr, missing in ((None, None, "no user.name and no user.email"),
                                    ("Someone", None, "no user.email"),
                                    (None, "someone@sender.test", "no user.name")):
            with self.subTest(missing=missing):
                r, out = self.mail(self.project(name, addr))
                self.assertEqual(r.returncode, 3, r.stderr)
                self.assertIn(missing, r.stderr)
                self.assertFalse(os.path.exists(out))

    def test_postings_mail_sh_refuses_the_placeholder(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        env = dict(ENV, GIT_CONFIG_COUNT="2", GIT_CONFIG_KEY_0="user.name",
                   GIT_CONFIG_VALUE_0="BMC Kernel Team", GIT_CONFIG_KEY_1="user.email",
                   GIT_CONFIG_VALUE_1="bmc-kernel@example.org")
        r = subprocess.run([os.path.join(ROOT, "scripts", "postings-mail.sh"), "-d", self.definition,
                            "-s", self.out, os.path.join(d, "mail")], capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("refusing", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(d, "mail")))

    def test_mail_writes_the_senders_identity(self):
        r, out = self.mail(self.project(*SENDER))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(failed(P.check_postings(out, self.postings, SENDER)), [])
        patch = self.read("spi-fixes/0001-spi-fix-the-first-thing.patch", out)
        self.assertIn("From: =?utf-8?q?", patch.partition("\n\n")[0])
        self.assertIn("Content-Type: text/plain; charset=UTF-8", patch)
        self.assertIn("Signed-off-by: Jöns Sender <jons@sender.test>\n---\n", patch)
        self.assertNotIn("bmc-kernel@example.org", patch)
        self.assertIn("Jöns Sender (2):", self.read("spi-fixes/0000-cover-letter.patch", out))
        self.assertEqual(P.read_series(out), P.read_series(self.out))
        # the same files and, but for the identity, the same text
        for rel in P.read_series(self.out):
            a, b = self.read(rel).split("\n"), self.read(rel, out).split("\n")
            diff = [x for x in a if x not in b]
            self.assertEqual(sorted(set(diff)), ["From: BMC Kernel Team <bmc-kernel@example.org>",
                                                 "Signed-off-by: BMC Kernel Team <bmc-kernel@example.org>"])

    def test_the_placeholder_fails_the_mail_check(self):
        v = verdicts(P.check_postings(self.out, self.postings, SENDER))
        self.assertEqual(v["spi-fixes: mail-ready: From: and Signed-off-by: Jöns Sender <jons@sender.test>, "
                           "no placeholder"], "FAIL")


PATCH = """\
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: BMC Kernel Team <bmc-kernel@example.org>
Date: Sun, 22 Nov 2026 00:08:24 +0000
Subject: [PATCH 1/2] spi: fix a thing that is long enough to be folded
 over two lines
To: Spi Maintainer <spi@maint.test>
Cc: linux-spi@lists.test

Why it was wrong.

Fixes: 0123456789ab ("spi: the commit it fixes")
Reported-by: Some One <some@one.test>
Co-developed-by: BMC Kernel Team <bmc-kernel@example.org>
Reviewed-by: Other Person <other@person.test>
Cc: stable@vger.kernel.org
Link: https://lore.kernel.org/r/123@x
Signed-off-by: BMC Kernel Team <bmc-kernel@example.org>
Tested-by: Tester <tester@person.test>
---

Notes:
    A remark for reviewers.

 spi.c | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/spi.c b/spi.c
--- a/spi.c
+++ b/spi.c
@@ -1,1 +1,1 @@
-Signed-off-by: BMC Kernel Team <bmc-kernel@example.org>
+From: BMC Kernel Team <bmc-kernel@example.org>
"""


class Identity(unittest.TestCase):
    def test_rewrite_keeps_every_other_tag(self):
        out = P.rewrite_identity(PATCH, "Ada Sender", "ada@sender.test")
        head, _, body = out.partition("\n\n")
        self.assertIn("\nFrom: Ada Sender <ada@sender.test>\n", head)
        self.assertIn("Subject: [PATCH 1/2] spi: fix a thing that is long enough to be folded\n over two lines\n", head)
        msg = body.split("\n---\n")[0]
        self.assertEqual(msg.split("\n\n")[1].split("\n"), [
            'Fixes: 0123456789ab ("spi: the commit it fixes")',
            "Reported-by: Some One <some@one.test>",
            "Co-developed-by: Ada Sender <ada@sender.test>",
            "Reviewed-by: Other Person <other@person.test>",
            "Cc: stable@vger.kernel.org",
            "Link: https://lore.kernel.org/r/123@x",
            "Signed-off-by: Ada Sender <ada@sender.test>",
            "Tested-by: Tester <tester@person.test>",
        ])
        # below "---": notes and diff untouched
        self.assertEqual(out.partition("\n---\n")[2], PATCH.partition("\n---\n")[2])
        self.assertNotIn("MIME-Version", out)

    def test_rewrite_does_not_sign_twice_and_signs_when_unsigned(self):
        signed = PATCH.replace("Tested-by: Tester <tester@person.test>\n",
                               "Signed-off-by: Ada Sender <ada@sender.test>\n")
        out = P.rewrite_identity(signed, "Ada Sender", "ada@sender.test")
        self.assertEqual(out.count("Signed-off-by: Ada Sender <ada@sender.test>"), 1)
        unsigned = "From: BMC Kernel Team <bmc-kernel@example.org>\nSubject: [PATCH] x: y\n\nBody.\n---\n x | 1 +\n"
        out = P.rewrite_identity(unsigned, "Ada Sender", "ada@sender.test")
        self.assertIn("\n\nBody.\n\nSigned-off-by: Ada Sender <ada@sender.test>\n---\n", out)

    def test_rewrite_encodes_a_non_ascii_name(self):
        out = P.rewrite_identity(PATCH, "Jöns Sender", "jons@sender.test")
        head = out.partition("\n\n")[0]
        self.assertIn("From: =?utf-8?q?", head)
        self.assertIn("Content-Type: text/plain; charset=UTF-8", head)
        self.assertIn("Content-Transfer-Encoding: 8bit", head)
        self.assertEqual(P.header_value(P.split_mail(out)[0], "From"), "Jöns Sender <jons@sender.test>")

    def test_identity_checks(self):
        P.check_identity("Ada Sender", "ada@sender.test")
        for name, addr in (("", "ada@sender.test"), ("Ada", ""), ("", ""),
                           ("BMC Kernel Team", "ada@sender.test"), ("Ada", "BMC-Kernel@example.org"),
                           ("Ada", "not-an-address"), ("Ada <x>", "ada@sender.test")):
            with self.subTest(name=name, addr=addr), self.assertRaises(P.Refusal):
                P.check_identity(name, addr)


class CoverLetter(unittest.TestCase):
    def test_folded_from_is_replaced_whole(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        cover = os.path.join(d, "0000-cover-letter.patch")
        write(cover, "From 0 Mon Sep 17 00:00:00 2001\nFrom: A Long Committer Name\n <committer@somewhere.test>\n"
                     "Date: now\nSubject: [PATCH 0/1] *** SUBJECT HERE ***\n\n*** BLURB HERE ***\n\n"
                     "X (1):\n  y\n\n x | 1 +\n\n")
        patch = os.path.join(d, "0001-y.patch")
        write(patch, "From 0 Mon Sep 17 00:00:00 2001\nFrom: Author <a@b.test>\nDate: then\nSubject: [PATCH 1/1] y\n\nz\n")
        template = os.path.join(d, "t.cover")
        write(template, "the subject\n\nthe body\n")
        r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-cover-letter.py"), template,
                            cover, patch, "--base", "Linux 7.3.4 somewhere", "--depends", "a: [PATCH 0/1] x",
                            "--prerequisite-patch-id", "1234"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(cover, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("From 0 Mon Sep 17 00:00:00 2001\nFrom: Author <a@b.test>\nDate: then\n"
                                        "Subject: [PATCH 0/1] the subject\n\nthe body\n\nBased on Linux 7.3.4 "
                                        "somewhere.\n\nApplies on top of"), text)
        self.assertTrue(text.endswith(" x | 1 +\n\n\nprerequisite-patch-id: 1234\n"), text)


if __name__ == "__main__":
    unittest.main()
