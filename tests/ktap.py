#!/usr/bin/env python3
"""Strict verdicts from the console log of a guest run.

Usage: ktap.py LOG [XFAIL_LIST] [--boot SCRIPT [--inventory FILE]]

The guest runners (tests/guest/run-*.sh) run each script the way kselftest's
runner does and print, around it, "# script: NAME" and "# exit: NAME RC".
Each script prints one KTAP block ("TAP version 13", a plan "1..N", then
"ok"/"not ok" lines). Prints one line per result, "PASS|FAIL|SKIP<TAB>name":

- every "ok"/"not ok" line ("ok ... # SKIP reason" is a SKIP);
- a block without a plan, or whose count of results differs from its plan,
  a "Bail out!", is a FAIL naming the script;
- "1..0 # SKIP reason" is a SKIP with its reason;
- a script's exit code: 0 is fine, 4 (KSFT_SKIP) is a SKIP, anything else
  a FAIL naming the script; a script that started but has no exit line
  (the guest died in it, or the line was lost) is a FAIL;
- no "GUEST-EXIT: RC" line (printed by /init when the script it ran
  returned) is a FAIL;
- "# kernel-log: NAME: LINE" (a report in the kernel log after script
  NAME, see tests/guest/klog.sh) is a FAIL; "# kernel-log-checked: NAME
  N" without such a report is a PASS;
- "# kernel-log-summary: N scans, M reports" (/init, after the runner's
  last script) must count as many "# kernel-log-checked:" and "#
  kernel-log:" lines as the console shows: a report line split by
  interleaved kernel output is not read as one, and fails here; a runner's
  console (--boot SCRIPT of a runner in the inventory) without a summary
  fails;
- a console line after GUEST-EXIT (the reboot path) that matches the
  kernel-log patterns of tests/guest/klog.sh is a FAIL;
- with --boot SCRIPT: the inventory (tests/inventory.txt) names the
  scripts that the runner SCRIPT must run and the fewest results each must
  give (or, for a script booted alone, the fewest of the console): a FAIL
  for each that did not run or gave fewer, and for a script that ran but is
  not listed;
- "not ok ... # TODO" is a FAIL unless XFAIL_LIST (one test name per line)
  names the test; then it is an expected failure (SKIP), and an allowlisted
  test that passes is a FAIL ("unexpected pass").
Kernel messages interleaved with the KTAP lines are ignored.
"""
import os
import re
import sys

import inventory as inventory_mod

RESULT = re.compile(r"^(not ok|ok) (\d+)(?: (.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)(?:\s*#\s*(.*))?$")
SUMMARY = re.compile(r"^# kernel-log-summary: (\d+) scans, (\d+) reports$")
KLOG_SH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "guest", "klog.sh")


def klog_patterns(path=KLOG_SH):
    """(patterns, expected) of the guest's kernel-log scans, from klog.sh"""
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(KLOG_PATTERNS|KLOG_EXPECTED)='(.*)'$", line.rstrip("\n"))
            if m:
                found[m.group(1)] = m.group(2)
    return re.compile(found["KLOG_PATTERNS"]), found["KLOG_EXPECTED"]


class Block:
    def __init__(self, script):
        self.script = script
        self.plan = None
        self.count = 0


def parse(lines, xfail, boot=None, inventory=None, runner=False):
    out = []
    script = None
    block = None
    skipped_all = False
    klog_hits = set()
    scans = reports = 0
    summaries = []
    guest_exit = False
    counts = {}
    ran = []
    patterns, expected = klog_patterns()
    if inventory is not None and boot in inventory.boots:
        runner = inventory.boots[boot].runner

    def close():
        nonlocal block, skipped_all
        if block is None:
            return
        where = f"{block.script or 'guest'}: KTAP block"
        if block.plan is None:
            out.append(("FAIL", f"{where} has no plan"))
        elif block.plan != block.count and block.plan != 0:
            out.append(("FAIL", f"{where} planned {block.plan} tests, ran {block.count}"))
        block = None

    for raw in lines:
        line = raw.rstrip("\r\n")
        if guest_exit:
            # the reboot path: its kernel messages reach the console only
            if patterns.search(line) and expected not in line:
                out.append(("FAIL", f"after GUEST-EXIT: kernel log: {line}"))
            continue
        if re.match(r"^GUEST-EXIT: \d+$", line):
            guest_exit = True
            continue
        if line.startswith("# script: "):
            close()
            if script is not None:
                out.append(("FAIL", f"{script}: no exit status (the guest stopped in it)"))
            script = line[len("# script: "):].strip()
            ran.append(script)
            skipped_all = False
            continue
        m = re.match(r"^# exit: (\S+) (\d+)$", line)
        if m:
            close()
            name, rc = m.group(1), int(m.group(2))
            if rc == 4:
                if not skipped_all:
                    out.append(("SKIP", f"{name}: skipped (exit 4)"))
            elif rc != 0:
                out.append(("FAIL", f"{name}: exited {rc}"))
            script = None
            continue
        m = SUMMARY.match(line)
        if m:
            summaries.append((int(m.group(1)), int(m.group(2))))
            continue
        m = re.match(r"^# kernel-log: ([^:]+): (.*)$", line)
        if m:
            reports += 1
            klog_hits.add(m.group(1))
            out.append(("FAIL", f"{m.group(1)}: kernel log: {m.group(2)}"))
            continue
        m = re.match(r"^# kernel-log-checked: (\S+) (\d+)$", line)
        if m:
            scans += 1
            if m.group(1) not in klog_hits:
                out.append(("PASS", f"{m.group(1)}: kernel log clean ({m.group(2)} lines)"))
            continue
        if line.startswith("TAP version"):
            close()
            block = Block(script)
            continue
        if line.startswith("Bail out!"):
            out.append(("FAIL", f"{script or 'guest'}: {line}"))
            continue
        m = PLAN.match(line)
        if m and block is not None and block.plan is None:
            block.plan = int(m.group(1))
            if block.plan == 0:
                reason = (m.group(2) or "").strip()
                if reason.upper().startswith("SKIP"):
                    skipped_all = True
                    out.append(("SKIP", f"{script or 'guest'}: {reason[4:].strip() or 'skipped'}"))
                else:
                    out.append(("FAIL", f"{script or 'guest'}: empty plan without SKIP"))
            continue
        m = RESULT.match(line)
        if not m:
            continue
        if block is None:
            block = Block(script)
        block.count += 1
        counts[script] = counts.get(script, 0) + 1
        verdict, desc = m.group(1), (m.group(3) or "").strip()
        name, _, directive = desc.partition(" # ")
        name = name.strip()
        directive = directive.strip()
        if directive.upper().startswith("SKIP"):
            out.append(("SKIP", f"{name} {directive[4:].strip()}".strip()))
        elif name in xfail:
            if verdict == "ok":
                out.append(("FAIL", f"unexpected pass of an expected failure: {name}"))
            else:
                out.append(("SKIP", f"expected failure: {name}"))
        elif verdict == "ok":
            out.append(("PASS", name))
        else:
            out.append(("FAIL", name + (f" # {directive}" if directive else "")))
    close()
    if script is not None:
        out.append(("FAIL", f"{script}: no exit status (the guest stopped in it)"))
    if not guest_exit:
        out.append(("FAIL", "guest: no GUEST-EXIT line (the guest did not finish its script)"))
    if len(summaries) > 1:
        out.append(("FAIL", f"kernel-log summary: {len(summaries)} summary lines, one expected"))
    elif summaries:
        want = summaries[0]
        if want == (scans, reports):
            out.append(("PASS", f"kernel-log summary: {scans} scans, {reports} reports, as the console shows"))
        else:
            out.append(("FAIL", f"kernel-log summary: the guest counted {want[0]} scans and {want[1]} reports, "
                                f"the console shows {scans} and {reports}"))
    elif runner:
        out.append(("FAIL", "kernel-log summary: no summary line (the scans cannot be counted)"))
    if inventory is not None and boot is not None:
        out.extend(inventory_mod.check_boot(inventory, boot, counts, ran))
    return out


def main():
    args = sys.argv[1:]
    boot = inv = None
    if "--boot" in args:
        i = args.index("--boot")
        boot = args[i + 1]
        del args[i:i + 2]
    if "--inventory" in args:
        i = args.index("--inventory")
        inv = inventory_mod.load(args[i + 1])
        del args[i:i + 2]
    elif boot is not None:
        inv = inventory_mod.load()
    xfail = set()
    if len(args) > 1:
        with open(args[1], encoding="utf-8") as f:
            xfail = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    with open(args[0], encoding="utf-8", errors="replace") as f:
        results = parse(f, xfail, boot=boot, inventory=inv)
    for verdict, name in results:
        print(f"{verdict}\t{name}")


if __name__ == "__main__":
    main()
