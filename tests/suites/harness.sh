#!/usr/bin/env bash
# The harness's own tests (tests/harness/, python3 -m unittest): the verdict
# parser (tests/ktap.py) gives a FAIL naming every way a guest run can go
# wrong, the inventory of what make check must run (tests/inventory.py),
# the guest runner's kernel-log scans (tests/guest/runner.sh, klog.sh, run
# on the host with a fake dmesg), and the in-guest checks that must be able
# to fail (overlap, KUnit case counts, the handover's images).
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

log=$BUILD/tmp/harness.log
mkdir -p "$BUILD/tmp"
rc=0
(cd "$ROOT/tests" && python3 -m unittest discover -v -s harness -t .) >"$log" 2>&1 || rc=$?
while read -r name verdict; do
	case $verdict in
	ok) pass "$name" ;;
	skipped*) skip "$name ($verdict)" ;;
	*) fail "$name ($verdict)" ;;
	esac
done < <(sed -n 's/^test_[a-z0-9_]* (harness\.\([A-Za-z0-9_.]*\)) \.\.\. \(.*\)$/\1 \2/p' "$log")
[ "$rc" -eq 0 ] || { tail -20 "$log"; fail "python3 -m unittest exited $rc"; }
grep -q '^test_' "$log" || fail "no harness test ran"
suite_summary
