#!/usr/bin/env bash
# Every patch of the series builds on its own: build the test kernel at each
# commit from the first patch to the last (incrementally, in one output
# tree), ending at the tip, which is the kernel the guest tests boot.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

cd "$KSRC"
branch=$(git symbolic-ref --short HEAD)
trap 'git -C "$KSRC" checkout -q "$branch"' EXIT
commits=$(git rev-list --reverse base..HEAD)
[ -n "$commits" ] || skip "bisect build: the series is empty"
for c in $commits; do
	subject=$(git log -1 --format=%s "$c")
	git checkout -q --detach "$c"
	# the series' own option exists only from the patch that adds it
	if ALLOW_MISSING=CONFIG_OF_DYNAMIC_STATUS "$ROOT/scripts/build-kernel.sh" test \
		>"$BUILD/tmp/bisect.log" 2>&1; then
		pass "builds alone: $subject"
	else
		tail -30 "$BUILD/tmp/bisect.log"
		fail "builds alone: $subject"
	fi
done
git checkout -q "$branch"
trap - EXIT
suite_summary
