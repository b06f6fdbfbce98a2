#!/usr/bin/env python3
"""What make check must run: tests/inventory.txt, read here for
tests/check.sh (its suites, in order, and the fewest results each gives)
and for tests/ktap.py (the guest scripts of each boot and theirs).

Usage: inventory.py [--file FILE] suites
       inventory.py [--file FILE] check RESULTS SUITE...

"suites" prints the suites of make check, one a line; "check" prints a
verdict line "PASS|FAIL<TAB>name" per SUITE: FAIL when RESULTS (the
"VERDICT<TAB>suite<TAB>name" lines of tests/lib.sh) has fewer of its
results than the inventory says, or none, or the suite is not listed.

Lines of the inventory ("#" starts a comment):
  suite NAME MIN               tests/suites/NAME.sh, in make check's order
  runner BOOT SCRIPT MIN       SCRIPT, run by the guest runner BOOT
                               (tests/guest/BOOT, through runner.sh)
  alone BOOT MIN               BOOT booted on its own, without a runner
MIN is the fewest results (KTAP "ok"/"not ok" lines for the guest; 0:
it must run, whatever it gives).
"""
import os
import sys

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inventory.txt")


class Boot:
    def __init__(self, runner):
        self.runner = runner
        self.scripts = []  # (script, min) of a runner
        self.min = 0  # of a boot alone


class Inventory:
    def __init__(self):
        self.suites = []  # (name, min)
        self.boots = {}

    def suite_names(self):
        return [n for n, _ in self.suites]


def _int(word, line):
    if not word.isdigit():
        raise ValueError(f"tests/inventory.txt: not a number in: {line}")
    return int(word)


def parse(lines):
    inv = Inventory()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        w = line.split()
        if w[0] == "suite" and len(w) == 3:
            inv.suites.append((w[1], _int(w[2], line)))
        elif w[0] == "runner" and len(w) == 4:
            b = inv.boots.setdefault(w[1], Boot(True))
            if not b.runner:
                raise ValueError(f"tests/inventory.txt: {w[1]} is both a runner and alone")
            b.scripts.append((w[2], _int(w[3], line)))
        elif w[0] == "alone" and len(w) == 3:
            if w[1] in inv.boots:
                raise ValueError(f"tests/inventory.txt: {w[1]} listed twice")
            inv.boots[w[1]] = Boot(False)
            inv.boots[w[1]].min = _int(w[2], line)
        else:
            raise ValueError(f"tests/inventory.txt: cannot read: {line}")
    return inv


def load(path=DEFAULT):
    with open(path, encoding="utf-8") as f:
        return parse(f)


def check_suite(inv, results, suite):
    """verdicts for SUITE from the lines of a results file"""
    want = dict(inv.suites).get(suite)
    if want is None:
        return [("FAIL", f"{suite}: not in tests/inventory.txt")]
    n = sum(1 for l in results if l.rstrip("\n").split("\t")[1:2] == [suite])
    if n == 0:
        return [("FAIL", f"{suite}: did not run (no result; at least {want} expected)")]
    verdict = "PASS" if n >= want else "FAIL"
    return [(verdict, f"{suite}: {n} results, at least {want} expected (tests/inventory.txt)")]


def check_boot(inv, boot, counts, ran):
    """verdicts for the boot of BOOT: counts maps each script that ran (None:
    the boot's own results, no runner) to its number of results; ran lists
    the scripts that started"""
    entry = inv.boots.get(boot)
    if entry is None:
        return [("FAIL", f"{boot}: not in tests/inventory.txt")]
    out = []
    if not entry.runner:
        n = counts.get(None, 0)
        if n < entry.min:
            out.append(("FAIL", f"{boot}: gave {n} results, at least {entry.min} expected (tests/inventory.txt)"))
        else:
            out.append(("PASS", f"{boot}: {n} results, at least {entry.min} expected (tests/inventory.txt)"))
        return out
    listed = [s for s, _ in entry.scripts]
    for script, want in entry.scripts:
        if script not in ran:
            out.append(("FAIL", f"{boot}: {script} did not run (tests/inventory.txt)"))
        elif counts.get(script, 0) < want:
            out.append(("FAIL", f"{boot}: {script} gave {counts.get(script, 0)} results, "
                                f"at least {want} expected (tests/inventory.txt)"))
    for script in ran:
        if script not in listed:
            out.append(("FAIL", f"{boot}: {script} ran but is not in tests/inventory.txt"))
    if not out:
        out.append(("PASS", f"{boot}: the {len(listed)} scripts of tests/inventory.txt ran, each with its results"))
    return out


def main(argv):
    path = DEFAULT
    if argv[:1] == ["--file"]:
        path, argv = argv[1], argv[2:]
    inv = load(path)
    if argv[:1] == ["suites"] and len(argv) == 1:
        print("\n".join(inv.suite_names()))
    elif argv[:1] == ["check"] and len(argv) >= 3:
        with open(argv[1], encoding="utf-8") as f:
            results = f.readlines()
        for suite in argv[2:]:
            for verdict, name in check_suite(inv, results, suite):
                print(f"{verdict}\t{name}")
    else:
        sys.exit(__doc__.split("\n\n")[1])


if __name__ == "__main__":
    main(sys.argv[1:])
