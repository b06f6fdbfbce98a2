#!/usr/bin/env bash
# R1-R5 on the KASAN kernel of the AST2600 (board/config/debug.config and
# kasan.config: generic KASAN, lockdep, atomic-sleep checks, kmemleak,
# debug objects), two boots:
# - teeth: KASAN's own KUnit cases for kmalloc out-of-bounds and
#   use-after-free must be reported (tests/guest/kasan-teeth.sh), in a boot
#   of its own, away from the log scans;
# - reliability: the series' KUnit suites at boot, failed probes, unbound
#   parents and a detach under an open MTD device, concurrent writers and
#   readers with the parents rebinding, endurance, kmemleak, and a kernel
#   log scan after each script (tests/guest/run-reliability.sh).
# The AST2500's debug kernel (no KASAN: a false report on its ARMv6 core)
# gave way to this one, which has every option it had and KASAN, on two
# CPUs; `make guest-run DEBUG=1` still boots it by hand.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

export BOARD=ast2600 RESULT_PREFIX="ast2600 KASAN: "
work=$BUILD/tmp/reliability
"$ROOT/scripts/build-kernel.sh" kasan || { fail "KASAN kernel builds"; suite_summary; exit 0; }
"$ROOT/scripts/build-dtb.sh"
"$ROOT/scripts/guest-files.sh" "$work/files"

# boot NAME SCRIPT FILTER [ARGS]: boot the KASAN kernel with the KUnit
# suites FILTER picks run at boot (and the kernel parameters ARGS), run
# SCRIPT, read its verdicts
boot() {
	KERNEL=kasan GUEST_FILES=$work/files GUEST_TIMEOUT=1800 \
		GUEST_CMDLINE="kunit.enable=1 kunit.filter_glob=$3 ${4:-}" \
		guest_boot "$work/$1.log" "$ROOT/tests/guest/$2"
}

boot teeth kasan-teeth.sh 'kasan.kmalloc_[ou][oa][bf]*'
# the live suite toggles the board's dynamic nodes only when asked; the
# parent/child teardown race runs for 60 s on two CPUs here
boot reliability run-reliability.sh 'of_dynamic_status*' \
	"dynamic_status_test.live=1 dynamic_status_test.teardown_ms=60000"
suite_summary
