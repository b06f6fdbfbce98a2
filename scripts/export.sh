#!/usr/bin/env bash
# Write the commits of build/linux since the tag "base" to patches/linux/ as
# "git format-patch" files, plus the "series" file and the cover letter, which
# is generated from patches/linux/cover-letter.txt (subject line, blank line,
# body). The output is deterministic: exporting twice, or applying and
# exporting again, gives no diff.
# Usage: export.sh [OUTDIR]   (default: patches/linux)
. "$(dirname "$0")/common.sh"

out=${1:-$SERIES_DIR}
[ -d "$KSRC/.git" ] || die "no kernel tree at $KSRC (run: make tree)"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count=$(git -C "$KSRC" rev-list --count base..HEAD)
if [ "$count" -gt 0 ]; then
	git -C "$KSRC" -c core.abbrev=12 -c diff.algorithm=myers -c diff.noprefix=false \
		-c diff.mnemonicPrefix=false -c format.signature= \
		format-patch -q --zero-commit --no-signature --cover-letter --notes \
		--no-base -o "$tmp" base..HEAD
	python3 "$ROOT/scripts/make-cover-letter.py" \
		"$SERIES_DIR/cover-letter.txt" "$tmp"/0000-cover-letter.patch "$tmp"/0*.patch
fi

# Replace the exported files, keep the cover letter template.
find "$out" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' -delete
: >"$out/series"
for f in "$tmp"/0*.patch; do
	[ -e "$f" ] || continue
	cp "$f" "$out/"
	b=${f##*/}
	[ "$b" = 0000-cover-letter.patch ] || echo "$b" >>"$out/series"
done
[ "$out" = "$SERIES_DIR" ] && log "exported $count patch(es) to patches/linux"
exit 0
