#!/usr/bin/env bash
# KUnit on UML: drivers/of/.kunitconfig of the patched tree (the OF tests and
# the series' own suite). The verdict is kunit.py's: its exit status and its
# parsed results (--json), one result per test case; the series' suite must
# be there with every case its source declares.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

log_file=$BUILD/tmp/kunit.log
json=$BUILD/tmp/kunit.json
mkdir -p "$BUILD/kunit" "$BUILD/tmp"
rm -f "$json" "$BUILD/tmp/kunit.results"
(
	cd "$KSRC"
	unset ARCH CROSS_COMPILE
	python3 tools/testing/kunit/kunit.py run --arch=um --build_dir="$BUILD/kunit" \
		--kunitconfig=drivers/of/.kunitconfig --jobs="$JOBS" \
		--make_options CC="ccache gcc" --json="$json"
) >"$log_file" 2>&1
rc=$?
[ "$rc" -eq 0 ] || { tail -30 "$log_file"; fail "kunit.py run exited $rc"; }

suite=of_dynamic_status
want=$(grep -cE 'KUNIT_CASE(_SLOW)?\(' "$KSRC/drivers/of/dynamic_status_test.c")
python3 - "$json" "$suite" "$want" >"$BUILD/tmp/kunit.results" <<'PY' ||
import json, sys
path, suite, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path) as f:
    top = json.load(f)
found = {}
def walk(group, prefix):
    for case in group.get("test_cases", []):
        status = case["status"]
        verdict = {"PASS": "PASS", "SKIP": "SKIP"}.get(status, "FAIL")
        print(f"{verdict}\t{prefix}{case['name']}" + ("" if verdict != "FAIL" else f" ({status})"))
        found.setdefault(group["name"], 0)
        found[group["name"]] += 1
    for sub in group.get("sub_groups", []):
        walk(sub, sub["name"] + ".")
walk(top, "")
# the series' suites: of_dynamic_status and of_dynamic_status_live (which
# skips unless booted with dynamic_status_test.live=1: it attaches a
# board's real devices; the reliability suite's boot asks for it)
n = sum(v for k, v in found.items() if k == suite or k.startswith(suite + "_"))
print(f"{'PASS' if n == want else 'FAIL'}\tsuites {suite}* ran {n} of their {want} cases")
PY
	echo "FAIL	kunit.py's JSON results ($json) could not be read" >"$BUILD/tmp/kunit.results"
while IFS=$'\t' read -r verdict name; do
	case $verdict in
	PASS) pass "$name" ;;
	SKIP) skip "$name" ;;
	*) fail "$name" ;;
	esac
done <"$BUILD/tmp/kunit.results"
suite_summary
