#!/usr/bin/env bash
# make check: every test; tests/check.sh SUITE...: those suites only (the
# Makefile's single-suite targets). Installs what it needs, prepares the
# kernel tree, runs each suite (each prints its own count line, then its
# time) and ends with the line "N passed, N failed, N skipped"; exits
# non-zero when anything failed. The suites and their order come from
# tests/inventory.txt, with the fewest results each must give: a suite that
# gives fewer, or none, fails (result "inventory: SUITE: ...").
. "$(dirname "$0")/../scripts/common.sh"

mapfile -t all < <(python3 "$ROOT/tests/inventory.py" suites)
[ ${#all[@]} -gt 0 ] || die "no suite in tests/inventory.txt"
if [ $# -gt 0 ]; then
	for s in "$@"; do
		if [ ! -x "$ROOT/tests/suites/$s.sh" ] || [[ " ${all[*]} " != *" $s "* ]]; then
			die "no suite $s (suites: ${all[*]})"
		fi
	done
	suites=("$@")
else
	suites=("${all[@]}")
fi

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
tree=1
"$ROOT/scripts/prepare-tree.sh" || { record FAIL tree "scripts/prepare-tree.sh"; tree=0; }

built=0
times=()
for s in "${suites[@]}"; do
	step "suite $s"
	if [ "$tree" = 0 ] && [ "$s" != harness ]; then
		record FAIL "$s" "not run: no kernel tree"
		continue
	fi
	t0=$(date +%s)
	case $s in
	submission | struct-sizes | guest | riser | trace-proof | dtbs-check)
		# the tip of the series, whatever bisect-build did
		if [ "$built" = 0 ]; then
			if "$ROOT/scripts/build-kernel.sh" test && "$ROOT/scripts/build-dtb.sh"; then
				built=1
			else
				record FAIL build "test kernel and DTB"
				continue
			fi
		fi ;;
	esac
	SUITE=$s "$ROOT/tests/suites/$s.sh" || record FAIL "$s" "suite script exited $?"
	t=$(($(date +%s) - t0))
	times+=("$s ${t}s")
	echo "suite $s: ${t} s"
done

step inventory
# every suite that was to run gave at least the results tests/inventory.txt
# names (one that was not run, for want of a tree or a kernel, gave none)
while IFS=$'\t' read -r verdict name; do
	record "$verdict" inventory "$name"
	echo "inventory: $verdict: $name"
done < <(python3 "$ROOT/tests/inventory.py" check "$RESULTS" "${suites[@]}" ||
	printf 'FAIL\ttests/inventory.py check failed\n')

step summary
grep -v '^PASS' "$RESULTS" | sed 's/^/  /' || true
echo "suite times: ${times[*]}"
p=$(grep -c '^PASS' "$RESULTS" || true)
f=$(grep -c '^FAIL' "$RESULTS" || true)
s=$(grep -c '^SKIP' "$RESULTS" || true)
echo "time: $(($(date +%s) - start)) s"
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
