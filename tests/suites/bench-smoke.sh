#!/usr/bin/env bash
# make bench, a few repetitions and no thresholds (scripts/bench.sh with
# BENCH_SMOKE=1): it runs to its end and prints every figure, so that it
# cannot rot. The figures themselves are make bench's business.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

out=$BUILD/tmp/bench-smoke.log
if BENCH_SMOKE=1 "$ROOT/scripts/bench.sh" >"$out" 2>&1; then
	pass "make bench (smoke) runs to its end in one boot"
else
	tail -20 "$out"
	fail "make bench (smoke) runs to its end in one boot"
fi
line=$(grep '^bench: ' "$out" | tail -n 1)
echo "$line"
if echo "$line" | grep -Eq '^bench: P1=[0-9.]+ P2=[0-9.]+ P3=[0-9.]+ P4=-?[0-9.]+ P5=NA H=[0-9.]+$' &&
	[ "$(tail -n 1 "$out")" = "$line" ]; then
	pass "make bench (smoke) prints P1-P4 and H as numbers, on its last line"
else
	fail "make bench (smoke) prints P1-P4 and H as numbers, on its last line"
fi
# the split of P2 and P3 into the mechanism, the device and its probe
if [ "$(grep -cE '^(lm75|gpio-leds): status [0-9]+ us = ' "$out")" = 2 ]; then
	pass "make bench (smoke) splits the status cycles of P2 and P3"
else
	fail "make bench (smoke) splits the status cycles of P2 and P3"
fi
suite_summary
