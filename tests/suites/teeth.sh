#!/usr/bin/env bash
# The leak checks have teeth: the test kernel's configuration built with a
# leak (the teeth kernel: tests/teeth/leak.patch on a worktree of
# build/linux at HEAD, build/teeth/linux; one kmalloc(16) kept on a list
# per status change to "okay", which kmemleak cannot see), booted on each
# board (BOARDS) to run the endurance test with few cycles
# (tests/guest/run-teeth.sh), and on the AST2500 with riser card A in the
# slot to run the riser test (run-teeth-riser.sh). Every leak check of
# those scripts (leak_check in tests/guest/nodes.sh, the one the guest and
# riser suites run on the test kernel) must fail, and name kmalloc-64:
# each that does is a pass here, each that passes a failure. Their other
# results count as they are (kernel log, the riser's devices...).
# TEETH_FLAVOUR=kasan-teeth builds the KASAN configuration instead (by
# hand: BOARDS=ast2600, the KASAN kernel does not boot on the AST2500);
# TEETH_REV=REV builds build/linux at REV instead of HEAD.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

flavour=${TEETH_FLAVOUR:-teeth}
work=$BUILD/tmp/teeth
mkdir -p "$work"

# the teeth tree: a worktree of build/linux at its HEAD, with the leak
src=$(kernel_src "$flavour")
head=$(git -C "$KSRC" rev-parse "${TEETH_REV:-HEAD}^{commit}")
if ! git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
	rm -rf "$src"
	git -C "$KSRC" worktree prune
	mkdir -p "${src%/*}"
	git -C "$KSRC" worktree add -q --detach "$src" "$head"
fi
if git -C "$src" checkout -q -f --detach "$head" && git -C "$src" reset -q --hard &&
	git -C "$src" apply "$ROOT/tests/teeth/leak.patch"; then
	pass "the leak (tests/teeth/leak.patch) applies to build/linux at ${TEETH_REV:-HEAD} ($(git -C "$KSRC" log -1 --format=%h "$head"))"
else
	fail "the leak (tests/teeth/leak.patch) applies to build/linux at ${TEETH_REV:-HEAD} ($(git -C "$KSRC" log -1 --format=%h "$head"))"
	suite_summary
	exit 0
fi
t0=$(date +%s)
if "$ROOT/scripts/build-kernel.sh" "$flavour" >"$work/build.log" 2>&1 && "$ROOT/scripts/build-dtb.sh" >>"$work/build.log" 2>&1; then
	pass "the $flavour kernel builds ($(($(date +%s) - t0)) s)"
else
	tail -20 "$work/build.log"
	fail "the $flavour kernel builds"
	suite_summary
	exit 0
fi

# teeth_boot NAME RUNNER WHAT...: boot the teeth kernel with the runner
# RUNNER (console in $work/NAME.log); each WHAT (the name of a leak check,
# as leak_check prints it) must have failed, naming kmalloc-64; every
# other result counts as it is, but the runner's script and the runner
# exit 1 for the leak checks that failed
teeth_boot() {
	local name=$1 runner=$2 log=$work/$1.log verdict test what line caught
	shift 2
	KERNEL=$flavour GUEST_FILES=$work/files GUEST_TIMEOUT=900 guest_console "$log" "$ROOT/tests/guest/$runner"
	case $GUEST_RC in
	1) pass "$runner: the guest runner exited 1 (its leak checks failed)" ;;
	*) runner_result "$GUEST_RC" "$runner" ;;
	esac
	while IFS=$'\t' read -r verdict test; do
		case $test in
		*"no slab cache gains "*) ;;
		*.sh": exited 1") continue ;;
		*)
			result "$verdict" "$test"
			continue ;;
		esac
		what=${test%%: *}
		line=$(grep -F "# leak: $what" "$log" | grep -m1 -F ": kmalloc-64 " || true)
		if [ "$verdict" = FAIL ] && [ -n "$line" ]; then
			pass "the leak is caught: $test: ${line#\# leak: }"
			caught="${caught:-} $what"
		else
			fail "the leak is caught: $test ($verdict; ${line:-no leak of kmalloc-64 named})"
		fi
	done < <(ktap_verdicts "$log" "$runner")
	for what in "$@"; do
		case " ${caught:-} " in
		*" $what "*) ;;
		*) fail "the leak is caught on $what: no such leak check ran" ;;
		esac
	done
}

t0=$(date +%s)
for board in $BOARDS; do
	export BOARD=$board RESULT_PREFIX="$board $flavour: "
	"$ROOT/scripts/guest-files.sh" "$work/files" >/dev/null 2>&1
	for v in TEETH_CYCLES TEETH_FLASH_CYCLES TEETH_RISER_CYCLES; do
		[ -n "${!v:-}" ] && echo "$v=${!v}" >>"$work/files/env"
	done
	teeth_boot "$board" run-teeth.sh "platform (gpio-leds)" "I2C (lm75)" "SPI (host flash, spi-nor)"
	# the riser slot is the AST2500's (board/ast2500/riser.sh)
	if [ -x "$ROOT/board/$board/riser.sh" ]; then
		GUEST_RISER=a teeth_boot "$board-riser-a" run-teeth-riser.sh RISER-A
	fi
done
echo "teeth: boots in $(($(date +%s) - t0)) s"
suite_summary
