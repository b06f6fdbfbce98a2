# shellcheck shell=bash
# Result bookkeeping for the host-side test suites. Source after common.sh.
# Each result is a line "PASS|FAIL|SKIP<TAB>suite<TAB>name" in $RESULTS.
RESULTS=${RESULTS:-$BUILD/results.txt}
SUITE=${SUITE:-${0##*/}}
SUITE=${SUITE%.sh}

result() {
	local verdict=$1
	shift
	printf '%s\t%s\t%s\n' "$verdict" "$SUITE" "$*" >>"$RESULTS"
	printf '%s: %s: %s\n' "$SUITE" "$verdict" "$*"
}
pass() { result PASS "$@"; }
fail() { result FAIL "$@"; }
skip() { result SKIP "$@"; }

# ktap_results FILE: turn the KTAP "ok"/"not ok" lines of FILE into results
ktap_results() {
	local line name
	while IFS= read -r line; do
		case $line in
		"ok "*"# SKIP"*)
			name=${line#ok [0-9]* }; skip "${name%%# SKIP*}" ;;
		"not ok "*"# TODO"*)
			name=${line#not ok [0-9]* }; skip "expected failure: $name" ;;
		"ok "[0-9]*)
			pass "${line#ok [0-9]* }" ;;
		"not ok "[0-9]*)
			fail "${line#not ok [0-9]* }" ;;
		esac
	done <"$1"
}

# suite_summary: print this suite's own count line
suite_summary() {
	local p f s
	p=$(grep -c "^PASS	$SUITE	" "$RESULTS" || true)
	f=$(grep -c "^FAIL	$SUITE	" "$RESULTS" || true)
	s=$(grep -c "^SKIP	$SUITE	" "$RESULTS" || true)
	echo "suite $SUITE: $p passed, $f failed, $s skipped"
}
