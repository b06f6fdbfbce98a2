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

# ktap_verdicts LOG [BOOT]: the strict verdicts of a guest console log
# (tests/ktap.py), one "PASS|FAIL|SKIP<TAB>name" line each; tests/xfail.txt
# names the expected failures. BOOT, the script guest-run.sh booted: what
# tests/inventory.txt says it must run, and give, is checked too.
ktap_verdicts() {
	python3 "$ROOT/tests/ktap.py" "$1" "$ROOT/tests/xfail.txt" ${2:+--boot "$2"} ||
		printf 'FAIL\tparsing %s\n' "$1"
}

# ktap_results LOG [BOOT]: those verdicts as results
ktap_results() {
	local verdict name
	while IFS=$'\t' read -r verdict name; do
		case $verdict in
		PASS) pass "$name" ;;
		SKIP) skip "$name" ;;
		*) fail "$name" ;;
		esac
	done < <(ktap_verdicts "$@")
}

# guest_console LOG SCRIPT: boot the guest (scripts/guest-run.sh SCRIPT,
# with the GUEST_* settings of the environment), its console streamed and
# kept in LOG; GUEST_RC is its exit status (125: it did not finish)
guest_console() {
	set +e
	"$ROOT/scripts/guest-run.sh" "$2" | tee "$1"
	GUEST_RC=${PIPESTATUS[0]}
	set -e
}

# guest_boot LOG SCRIPT [WHAT]: guest_console, then the verdicts of its
# console (checked against tests/inventory.txt for SCRIPT) and the exit
# status of SCRIPT (named WHAT) as results
guest_boot() {
	guest_console "$1" "$2"
	ktap_results "$1" "${2##*/}"
	runner_result "$GUEST_RC" "${3:-${2##*/}}"
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
