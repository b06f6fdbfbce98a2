#!/usr/bin/env bash
# make bench: one boot of the test kernel that measures the status write
# against what OpenBMC and the driver core offer for the same devices
# (tests/bench/bench.sh; see the README for P1-P5 and H). Prints the table
# and a last line "bench: P1=... P2=... P3=... P4=... P5=... H=...".
# TCG timings are noisy: only the ratios, measured side by side in one
# boot, mean something. BENCH_SMOKE=1 runs a few repetitions only (make
# check runs that, without thresholds, so that the bench cannot rot), and
# not P5, which builds and boots a kernel without the series
# (scripts/bench-p5.sh; BENCH_P5=0 skips it).
. "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/prepare-tree.sh"
"$ROOT/scripts/build-kernel.sh" test
"$ROOT/scripts/build-dtb.sh"

work=$BUILD/tmp/bench
"$ROOT/scripts/guest-files.sh" "$work/files" 2>/dev/null
cp "$ROOT/tests/bench/bench.sh" "$ROOT/tests/bench/profile.sh" "$work/files/"
# the timing helper, static for armel (the AST2500 cannot run armhf code)
wcycle=$BUILD/guest/wcycle
if [ ! -x "$wcycle" ] || [ "$ROOT/tests/bench/wcycle.c" -nt "$wcycle" ]; then
	arm-linux-gnueabi-gcc -O2 -Wall -Wextra -static -o "$wcycle" "$ROOT/tests/bench/wcycle.c"
fi
cp "$wcycle" "$work/files/"
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
	head -c $((256 * 1024)) /dev/urandom >"$work/files/bench.img"
	cat >>"$work/files/env" <<EOT
BENCH_ROUNDS=1
BENCH_CYCLES=3
BENCH_P4_CYCLES=20
BENCH_H_ROUNDS=1
BENCH_IMG=/guest/files/bench.img
EOT
else
	for v in BENCH_ROUNDS BENCH_CYCLES BENCH_P4_CYCLES BENCH_H_ROUNDS; do
		[ -n "${!v:-}" ] && echo "$v=${!v}" >>"$work/files/env"
	done
fi

# P5 needs a second kernel, without the series: not in the smoke run
P5=NA
rm -f "$work/p5.txt"
if [ "${BENCH_SMOKE:-0}" != 1 ] && [ "${BENCH_P5:-1}" = 1 ]; then
	"$ROOT/scripts/bench-p5.sh" >"$work/p5.txt" || die "P5 failed"
	P5=$(sed -n 's/^P5=//p' "$work/p5.txt")
fi

set +e
GUEST_FILES=$work/files GUEST_TIMEOUT=${BENCH_TIMEOUT:-7200} \
	"$ROOT/scripts/guest-run.sh" "$work/files/bench.sh" >"$work/console.log" 2>&1
rc=$?
set -e
[ "$rc" = 0 ] && grep -q '^bench: P1=' "$work/console.log" || {
	log "the bench did not finish (guest exit $rc): $work/console.log"
	exit 1
}
grep '^# ' "$work/console.log" | sed 's/^# //'
[ -f "$work/p5.txt" ] && grep '^# ' "$work/p5.txt" | sed 's/^# //'
echo "measured: $(date -u +%Y-%m-%d), $(qemu-system-arm --version | head -n 1)"
# the goals of issue 23 item 6, against which the figures are read
echo "goals: P1 <= 1.05, P2 <= 1.10, P3 <= 1.25 or the mechanism's share of a cycle <= 10 % (profile lines), P5 in bytes (no goal)"
grep '^bench: ' "$work/console.log" | sed "s/ P5=NA / P5=$P5 /"
