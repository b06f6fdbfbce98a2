#!/usr/bin/env bash
# The harness's own verdict parser (tests/ktap.py): unit tests that every
# way a guest run can go wrong gives a FAIL naming it.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

log=$BUILD/tmp/harness.log
mkdir -p "$BUILD/tmp"
rc=0
(cd "$ROOT/tests" && python3 -m unittest -v harness.test_ktap) >"$log" 2>&1 || rc=$?
while read -r name verdict; do
	case $verdict in
	ok) pass "ktap.py: $name" ;;
	*) fail "ktap.py: $name ($verdict)" ;;
	esac
done < <(sed -n 's/^\(test_[a-z0-9_]*\) (.*) \.\.\. \(.*\)$/\1 \2/p' "$log")
[ "$rc" -eq 0 ] || { tail -20 "$log"; fail "python3 -m unittest exited $rc"; }
grep -q '^test_' "$log" || fail "no parser test ran"
suite_summary
