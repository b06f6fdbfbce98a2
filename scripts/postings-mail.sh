#!/usr/bin/env bash
# Mail-ready postings: a copy of the exported postings (patches/linux) in
# OUTDIR (default build/postings, replaced), with the sender's identity,
# "git config user.name" and "user.email" of this repository, as the From:
# and Signed-off-by: of every patch in place of the placeholder identity
# the committed patches carry (patches/README); every other tag is kept.
# Refuses (exit 3, and writes nothing) when the sender has no identity or
# the placeholder's. Send a posting with:
#   git send-email build/postings/<posting>/*.patch
# Usage: postings-mail.sh [-d DEFINITION] [-s SRCDIR] [OUTDIR]
. "$(dirname "$0")/common.sh"

def='' src=$SERIES_DIR
while getopts d:s: o; do
	case $o in
	d) def=$OPTARG ;;
	s) src=$OPTARG ;;
	*) die "usage: postings-mail.sh [-d DEFINITION] [-s SRCDIR] [OUTDIR]" ;;
	esac
done
shift $((OPTIND - 1))
out=${1:-$BUILD/postings}
if [ -n "$def" ]; then
	args=(--definition "$def")
else
	args=(--definition "$src/postings" --legacy-prefix "PATCH $SERIES_VERSION")
fi
exec python3 "$ROOT/scripts/postings.py" mail --src "$src" --out "$out" "${args[@]}"
