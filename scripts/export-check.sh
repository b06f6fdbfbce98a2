#!/usr/bin/env bash
# Exit non-zero, saying what differs, when build/linux holds uncommitted
# changes or commits that patches/linux/ does not have.
. "$(dirname "$0")/common.sh"

[ -d "$KSRC/.git" ] || die "no kernel tree at $KSRC"
rc=0
dirty=$(git -C "$KSRC" status --porcelain | head -20)
if [ -n "$dirty" ]; then
	echo "build/linux has uncommitted changes:"
	echo "$dirty"
	rc=1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$SERIES_DIR/cover-letter.txt" "$tmp/" 2>/dev/null || true
SERIES_DIR=$SERIES_DIR "$ROOT/scripts/export.sh" "$tmp/out" >/dev/null
if ! diff -r -q -x cover-letter.txt "$SERIES_DIR" "$tmp/out" >"$tmp/diff"; then
	echo "build/linux commits and patches/linux differ (run 'make export'):"
	cat "$tmp/diff"
	rc=1
fi
exit $rc
