#!/usr/bin/env bash
# The kernel's own device-tree unit tests (CONFIG_OF_UNITTEST, which run at
# boot) on the test kernel's configuration, with the series and at "base"
# (the worktree of scripts/bench-p5.sh), each booted once on the board's
# test DTB. Prints both summaries and exits non-zero when the series fails
# a test the base passes. By hand (two kernel builds): not in make check.
. "$(dirname "$0")/common.sh"

work=$BUILD/tmp/of-unittest
mkdir -p "$work"
printf 'CONFIG_OF_UNITTEST=y\n' >"$ROOT/board/config/unittest.config.tmp"
trap 'rm -f "$ROOT/board/config/unittest.config.tmp" "$ROOT/board/config/unittest.config"' EXIT
mv "$ROOT/board/config/unittest.config.tmp" "$ROOT/board/config/unittest.config"

# the series
"$ROOT/scripts/build-kernel.sh" unittest >&2
# the base, in the worktree bench-p5.sh lays out like the clone
p5=$BUILD/p5
wt=$p5/build/linux
if [ ! -e "$wt/.git" ] || ! git -C "$wt" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	rm -rf "$wt"
	git -C "$KSRC" worktree prune
	git -C "$KSRC" worktree add -q --detach "$wt" base
fi
git -C "$wt" checkout -q --detach base
BUILD=$p5/build CCACHE_BASEDIR=$p5 ALLOW_MISSING="CONFIG_OF_DYNAMIC_STATUS" \
	"$ROOT/scripts/build-kernel.sh" unittest >&2
ln -sfn "$p5/build/kernel-unittest" "$(kernel_out unittest-base)"

printf '#!/bin/sh\necho of-unittest: done\n' >"$work/script.sh"
for k in unittest unittest-base; do
	KERNEL=$k GUEST_CMDLINE="loglevel=7" "$ROOT/scripts/guest-run.sh" "$work/script.sh" \
		>"$work/$k.log" 2>&1 || true
	sed -n 's/.*### dt-test ### end of unittest - \(.*\)$/\1/p' "$work/$k.log" >"$work/$k.sum"
	echo "$k: $(cat "$work/$k.sum")"
done
grep '### dt-test ### FAIL' "$work/unittest.log" | sed 's/^\[[ 0-9.]*\] //' | sort >"$work/unittest.fails"
grep '### dt-test ### FAIL' "$work/unittest-base.log" | sed 's/^\[[ 0-9.]*\] //' | sort >"$work/base.fails"
new=$(comm -23 "$work/unittest.fails" "$work/base.fails")
[ -s "$work/unittest.sum" ] && [ -s "$work/unittest-base.sum" ] || die "a kernel did not report its unittest"
if [ -n "$new" ]; then
	echo "failed with the series only:"
	echo "$new"
	exit 1
fi
echo "of-unittest: no test fails with the series that passes at base"
