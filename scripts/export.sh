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

fp() {
	git -C "$KSRC" -c core.abbrev=12 -c diff.algorithm=myers -c diff.noprefix=false \
		-c diff.mnemonicPrefix=false -c format.signature= \
		format-patch -q --zero-commit --no-signature --cover-letter --notes \
		--subject-prefix="PATCH $SERIES_VERSION" --no-base "$@" base..HEAD
}

count=$(git -C "$KSRC" rev-list --count base..HEAD)
if [ "$count" -gt 0 ]; then
	# Recipients: get_maintainer.pl on the series, without git history
	# (the base has none): maintainers and reviewers in To, lists in Cc.
	fp -o "$tmp/pass1"
	rcpt=()
	while IFS= read -r line; do
		addr=${line%% (*}
		case $line in
		*"(maintainer:"* | *"(reviewer:"* | *"(supporter:"*) rcpt+=(--to="$addr") ;;
		*) rcpt+=(--cc="$addr") ;;
		esac
	done < <(cd "$KSRC" && perl scripts/get_maintainer.pl --no-git --no-git-fallback \
		"$tmp"/pass1/0*.patch 2>/dev/null | grep -v '^$')
	fp -o "$tmp" "${rcpt[@]}"
	rm -rf "$tmp/pass1"
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
