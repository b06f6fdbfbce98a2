#!/usr/bin/env bash
# Exit non-zero, saying what differs, when build/linux holds uncommitted
# changes or commits that patches/linux/ does not have: the tree is exported
# again (scripts/export.sh, with patches/linux's definition file and cover
# letter templates) into a temporary folder and compared with patches/linux,
# posting folders included.
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
if ! SERIES_DIR=$SERIES_DIR "$ROOT/scripts/export.sh" "$tmp/out" >"$tmp/export.log" 2>&1; then
	cat "$tmp/export.log"
	echo "build/linux cannot be exported with patches/linux's definition (above)"
	exit 1
fi
# the sources of the export (definition, templates, README) are not its output
if ! diff -r -q -x cover-letter.txt -x postings -x '*.cover' -x README -x README.md \
	"$SERIES_DIR" "$tmp/out" >"$tmp/diff"; then
	echo "build/linux commits and patches/linux differ (run 'make export'):"
	cat "$tmp/diff"
	rc=1
fi
exit $rc
