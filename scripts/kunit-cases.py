#!/usr/bin/env python3
"""The number of cases each KUnit suite declares in its source.

Usage: kunit-cases.py PREFIX FILE...

Prints "SUITE COUNT" for each suite (struct kunit_suite) in FILE... whose
name is PREFIX or starts with PREFIX_, in the order of the source: the
KUNIT_CASE*() entries of the kunit_case array its .test_cases names (a
parameterized case counts once, as KUnit reports it at the case level).
Exits 1 when no suite matched. scripts/guest-files.sh gives the guest these
counts (kunit.cases), so that tests/guest/kunit.sh fails a suite that ran
fewer cases than its source declares.
"""
import re
import sys


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def suites(text, prefix):
    text = strip_comments(text)
    arrays = {m.group(1): len(re.findall(r"\bKUNIT_CASE\w*\s*\(", m.group(2)))
              for m in re.finditer(r"struct\s+kunit_case\s+(\w+)\s*\[\s*\]\s*=\s*\{(.*?)\n\s*\};", text, re.S)}
    out = []
    for m in re.finditer(r"struct\s+kunit_suite\s+\w+\s*=\s*\{(.*?)\n\s*\};", text, re.S):
        name = re.search(r"\.name\s*=\s*\"([^\"]+)\"", m.group(1))
        cases = re.search(r"\.test_cases\s*=\s*(\w+)", m.group(1))
        if not name or not cases:
            continue
        name = name.group(1)
        if name != prefix and not name.startswith(prefix + "_"):
            continue
        if cases.group(1) not in arrays:
            raise SystemExit(f"kunit-cases.py: suite {name}: no array {cases.group(1)}")
        out.append((name, arrays[cases.group(1)]))
    return out


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    prefix, found = argv[0], []
    for path in argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            found += suites(f.read(), prefix)
    if not found:
        print(f"kunit-cases.py: no KUnit suite {prefix}* in {' '.join(argv[1:])}", file=sys.stderr)
        return 1
    for name, n in found:
        print(f"{name} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
