#!/usr/bin/env bash
# KUnit on UML: drivers/of/.kunitconfig of the patched tree (the OF tests and
# the series' own suite).
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

log_file=$BUILD/tmp/kunit.log
mkdir -p "$BUILD/kunit" "$BUILD/tmp"
(
	cd "$KSRC"
	unset ARCH CROSS_COMPILE
	python3 tools/testing/kunit/kunit.py run --arch=um --build_dir="$BUILD/kunit" \
		--kunitconfig=drivers/of/.kunitconfig --jobs="$JOBS" \
		--make_options CC="ccache gcc" --raw_output=kunit
) >"$log_file" 2>&1
rc=$?
# --raw_output=kunit gives the KTAP of every suite; count the test cases.
grep -E '^ +(not )?ok [0-9]+ ' "$log_file" | sed 's/^ *//' >"$log_file.cases"
ktap_results "$log_file.cases"
if [ "$rc" -ne 0 ] || [ ! -s "$log_file.cases" ]; then
	tail -30 "$log_file"
	fail "kunit.py run (exit $rc)"
fi
suite_summary
