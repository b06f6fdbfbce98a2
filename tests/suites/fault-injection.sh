#!/usr/bin/env bash
# Fault injection on the AST2600's KASAN kernel (issue 25): one boot of the
# kernel of the reliability suite (board/config/debug.config has fault
# injection: FAULT_INJECTION, FAILSLAB, FAIL_PAGE_ALLOC and their debugfs
# files), in which tests/guest/run-fail-nth.sh fails every allocation of a
# status write in turn through /proc/thread-self/fail-nth
# (tests/guest/fail-nth.sh): attach and detach of the platform (gpio-leds),
# I2C (lm75), flash (spi-nor and MTD) and subtree (a dynamic simple-bus,
# board/ast2600/dynamic-test.dts) nodes, an invalid value and an "okay"
# whose probe fails. After every failure the write returned 0 or an error,
# the status and the devices agree, a clean cycle works and leaves the
# board as before; the kernel log is scanned after each path (KASAN,
# lockdep, WARN, refcount, OF: ERROR) and kmemleak runs at the end.
# Points past the first FAULT_FIRST (100) of a write are drawn with a seed,
# 33174 unless FAULT_SEED=N (or random) says otherwise; FAULT_SAMPLE,
# FAULT_PATHS, FAULT_POINTS and FAULT_VERBOSE go to the guest too (see
# fail-nth.sh).
# The host flash is guest-run.sh's blank scratch file: the AST2600's flash
# attach calibrates for 5 s when the flash's start holds data.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

export BOARD=ast2600 RESULT_PREFIX="ast2600 KASAN: "
work=$BUILD/tmp/fault-injection
"$ROOT/scripts/build-kernel.sh" kasan || { fail "KASAN kernel builds"; suite_summary; exit 0; }
"$ROOT/scripts/build-dtb.sh"
"$ROOT/scripts/guest-files.sh" "$work/files"
# no BIOS image is written here: 128 MiB less for the guest to unpack
rm -f "$work"/files/bios*.img "$work"/files/bios*.img.sha256
# make check draws the same points every run (a verdict must not depend on
# the draw); FAULT_SEED=random draws new ones, to explore
seed=${FAULT_SEED:-33174}
[ "$seed" != random ] || seed=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
{
	echo "FAULT_SEED=$seed"
	for v in FAULT_FIRST FAULT_SAMPLE FAULT_PATHS FAULT_POINTS FAULT_VERBOSE; do
		[ -z "${!v:-}" ] || printf '%s=%q\n' "$v" "${!v}"
	done
} >>"$work/files/env"
log "fault-injection seed: $seed (replay with FAULT_SEED=$seed)"

# slab_nomerge: failslab's cache filter flags each cache but those of
# kmemleak and debug objects, and a merged cache cannot be flagged
t0=$(date +%s)
KERNEL=kasan GUEST_FILES=$work/files GUEST_TIMEOUT=900 GUEST_CMDLINE="slab_nomerge" \
	guest_boot "$work/console.log" "$ROOT/tests/guest/run-fail-nth.sh"
log "fault-injection boot: $(($(date +%s) - t0)) s"
suite_summary
