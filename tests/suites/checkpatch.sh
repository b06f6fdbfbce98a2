#!/usr/bin/env bash
# Every patch of the series passes scripts/checkpatch.pl --strict.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

n=0
while read -r p; do
	[ -n "$p" ] || continue
	n=$((n + 1))
	out=$("$KSRC/scripts/checkpatch.pl" --strict --no-tree -q --showfile \
		--ignore FILE_PATH_CHANGES,UNKNOWN_COMMIT_ID "$SERIES_DIR/$p" 2>&1) && rc=0 || rc=$?
	if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
		pass "checkpatch --strict $p"
	else
		echo "$out" | head -40
		fail "checkpatch --strict $p"
	fi
done < <(grep -v '^#' "$SERIES_DIR/series")
[ "$n" -gt 0 ] || skip "checkpatch: the series is empty"
suite_summary
