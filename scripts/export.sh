#!/usr/bin/env bash
# Write the commits of build/linux since the tag "base" as "git format-patch"
# files, one folder per posting (OUTDIR/<posting>/0000-cover-letter.patch,
# 0001-...), and OUTDIR/series, the order they apply in (paths relative to
# OUTDIR). The definition file (patches/linux/postings, format in
# scripts/postings.py) slices the commits into postings; each posting's
# cover letter is filled from <posting>.cover next to it (subject line,
# blank line, body), with the base named in words and the postings it
# depends on (prerequisite-patch-id); its To/Cc come from get_maintainer.pl
# on its own patches. Without a definition file the series is one posting,
# [PATCH $SERIES_VERSION nn/NN], written directly in OUTDIR from
# patches/linux/cover-letter.txt (the layout before postings).
# The output is deterministic: exporting twice, or applying and exporting
# again, gives no diff. The committed patches keep the placeholder identity
# (patches/README); scripts/postings-mail.sh writes mail-ready copies.
# Usage: export.sh [-d DEFINITION] [-n] [OUTDIR]
#   (default: patches/linux/postings and patches/linux; -n: write nothing,
#   print how the definition slices the commits)
. "$(dirname "$0")/common.sh"

def='' cmd=export
while getopts d:n o; do
	case $o in
	d) def=$OPTARG ;;
	n) cmd=plan ;;
	*) die "usage: export.sh [-d DEFINITION] [-n] [OUTDIR]" ;;
	esac
done
shift $((OPTIND - 1))
out=${1:-$SERIES_DIR}
[ -d "$KSRC/.git" ] || die "no kernel tree at $KSRC (run: make tree)"
if [ -n "$def" ]; then
	[ -f "$def" ] || die "no definition file $def"
	args=(--definition "$def")
else
	# the project's definition, or the one-posting layout without it
	args=(--definition "$SERIES_DIR/postings" --legacy-prefix "PATCH $SERIES_VERSION"
		--legacy-template "$SERIES_DIR/cover-letter.txt")
fi
if [ "$cmd" = plan ]; then
	exec python3 "$ROOT/scripts/postings.py" plan --tree "$KSRC" "${args[@]:0:4}"
fi
[ "$out" = "$SERIES_DIR" ] || args+=(--quiet)
exec python3 "$ROOT/scripts/postings.py" export --tree "$KSRC" --out "$out" "${args[@]}"
