# shellcheck shell=bash
# Result bookkeeping for the host-side test suites. Source after common.sh.
# Each result is a line "PASS|FAIL|SKIP<TAB>suite<TAB>name" in $RESULTS; a
# suite that runs on several boards sets RESULT_PREFIX="<board>: ".
RESULTS=${RESULTS:-$BUILD/results.txt}
SUITE=${SUITE:-${0##*/}}
SUITE=${SUITE%.sh}

result() {
	local verdict=$1
	shift
	printf '%s\t%s\t%s\n' "$verdict" "$SUITE" "${RESULT_PREFIX:-}$*" >>"$RESULTS"
	printf '%s: %s: %s\n' "$SUITE" "$verdict" "${RESULT_PREFIX:-}$*"
}
pass() { result PASS "$@"; }
fail() { result FAIL "$@"; }
skip() { result SKIP "$@"; }

# ktap_results FILE: the strict verdicts of a guest console log (see
# tests/ktap.py) as results; tests/xfail.txt names the expected failures.
ktap_results() {
	local verdict name
	while IFS=$'\t' read -r verdict name; do
		case $verdict in
		PASS) pass "$name" ;;
		SKIP) skip "$name" ;;
		*) fail "$name" ;;
		esac
	done < <(python3 "$ROOT/tests/ktap.py" "$1" "$ROOT/tests/xfail.txt" ||
		printf 'FAIL\tparsing %s\n' "$1")
}

# runner_result RC WHAT: a guest runner's exit status as a result
runner_result() {
	case $1 in
	0) pass "$2: the guest runner exited 0" ;;
	125) fail "$2: the guest did not finish (panic, hang or timeout)" ;;
	*) fail "$2: the guest runner exited $1" ;;
	esac
}

# suite_summary: print this suite's own count line
suite_summary() {
	local p f s
	p=$(grep -c "^PASS	$SUITE	" "$RESULTS" || true)
	f=$(grep -c "^FAIL	$SUITE	" "$RESULTS" || true)
	s=$(grep -c "^SKIP	$SUITE	" "$RESULTS" || true)
	echo "suite $SUITE: $p passed, $f failed, $s skipped"
}
