#!/usr/bin/env bash
# make check: every test. Installs what it needs, prepares the kernel tree,
# runs each suite (each prints its own count line) and ends with the line
# "N passed, N failed, N skipped"; exits non-zero when anything failed.
. "$(dirname "$0")/../scripts/common.sh"

start=$(date +%s)
mkdir -p "$BUILD/tmp"
RESULTS=$BUILD/results.txt
export RESULTS
: >"$RESULTS"

step() { printf '\n==== %s (%ss)\n' "$*" $(($(date +%s) - start)); }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RESULTS"; }

step setup
"$ROOT/scripts/setup.sh" || record FAIL setup "scripts/setup.sh"
step "kernel tree"
"$ROOT/scripts/prepare-tree.sh" || record FAIL tree "scripts/prepare-tree.sh"

suites=(checkpatch bisect-build config-variants kunit guest trace-proof reliability)
[ -x "$ROOT/tests/suites/dtbs-check.sh" ] && suites+=(dtbs-check)
for s in "${suites[@]}"; do
	step "suite $s"
	if [ "$s" = guest ]; then
		# the tip of the series, whatever bisect-build did
		"$ROOT/scripts/build-kernel.sh" test && "$ROOT/scripts/build-dtb.sh" ||
			{ record FAIL build "test kernel and DTB"; continue; }
	fi
	SUITE=$s "$ROOT/tests/suites/$s.sh" || record FAIL "$s" "suite script exited $?"
done

step summary
grep -v '^PASS' "$RESULTS" | sed 's/^/  /' || true
p=$(grep -c '^PASS' "$RESULTS" || true)
f=$(grep -c '^FAIL' "$RESULTS" || true)
s=$(grep -c '^SKIP' "$RESULTS" || true)
echo "time: $(($(date +%s) - start)) s"
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
