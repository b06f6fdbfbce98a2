#!/usr/bin/env bash
# Install a sparse that understands Linux 7.3 into build/sparse/bin/sparse, for
# `make C=1 CHECK=build/sparse/bin/sparse`. Idempotent, and quick (no network)
# when a sparse that passes scripts/sparse-selftest.sh is already there.
#
# Bookworm's sparse 0.6.4 does not know __typeof_unqual__, so kbuild's
# scripts/checker-valid.sh rejects it and C=1 quietly checks nothing. Debian
# sid has 0.6.5~rc1 or later. This takes sparse from sid without touching the
# machine's apt configuration: a private sources list, lists and cache in
# build/apt-sid, passed to apt-get with -o. sid's binary package is used when
# this machine's libc is new enough for it (bookworm's 2.36 is not: sid's
# 0.6.5~rc1-2 needs 2.38); otherwise sid's source package is built, only the
# `sparse` program (no c2xml, semind, test-inspect, sparse-llvm, docs), with
# the machine's gcc and make. What was installed is recorded in
# build/sparse/VERSION.
#
# SPARSE_DEB_VERSION=V asks for that version of the package (sid only carries
# its newest one); SPARSE_JOBS (default 1) sets make's -j.
. "$(dirname "$0")/common.sh"

DIR=$BUILD/sparse
BIN=$DIR/bin/sparse
SELFTEST=$ROOT/scripts/sparse-selftest.sh

if [ -x "$BIN" ] && [ -s "$DIR/VERSION" ] && "$SELFTEST" "$BIN" >/dev/null 2>&1; then
	exit 0
fi

# Private apt configuration for Debian sid.
APTDIR=$BUILD/apt-sid
mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
cat >"$APTDIR/sources.list" <<'EOF'
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
EOF
APT_OPTS=(
	-o "Dir::Etc::SourceList=$APTDIR/sources.list"
	-o Dir::Etc::SourceParts=/dev/null
	-o Dir::Etc::Preferences=/dev/null
	-o Dir::Etc::PreferencesParts=/dev/null
	-o "Dir::State::Lists=$APTDIR/lists"
	-o "Dir::Cache=$APTDIR/cache"
	-o Dir::State::status=/dev/null
	-o "APT::Architectures=$(dpkg --print-architecture)"
	-o APT::Default-Release=
	-o Acquire::Languages=none
	-o Acquire::Retries=3
)
sid_apt_get() { apt-get -q "${APT_OPTS[@]}" "$@"; }
[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] ||
	die "no /usr/share/keyrings/debian-archive-keyring.gpg (apt-get install debian-archive-keyring)"

log "updating the private package lists of Debian sid in $APTDIR"
sid_apt_get update -qq >/dev/null || die "apt-get update of Debian sid failed"
pkg=sparse${SPARSE_DEB_VERSION:+=$SPARSE_DEB_VERSION}

# A scratch directory for downloads; apt downloads as the _apt user.
rm -rf "$DIR/dl" "$DIR/new"
mkdir -p "$DIR/dl" "$DIR/new/bin"
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$DIR/dl"; fi

# libc_ok DEPENDS: is this machine's libc6 at least what the binary package's
# "libc6 (>= X)" dependency (in DEPENDS) asks?
libc_ok() {
	local need have
	need=$(sed -n 's/.*\blibc6 (>= \([^)]*\)).*/\1/p' <<<"$1")
	have=$(dpkg-query -W -f='${Version}' libc6 2>/dev/null) || return 1
	[ -z "$need" ] || dpkg --compare-versions "$have" ge "$need"
}

how=
info=$(apt-cache "${APT_OPTS[@]}" show --no-all-versions "$pkg" 2>/dev/null) ||
	die "Debian sid has no binary package $pkg"
bver=$(sed -n 's/^Version: //p' <<<"$info")
deps=$(sed -n 's/^\(Pre-\)\?Depends: //p' <<<"$info")
if libc_ok "$deps"; then
	log "sid's binary sparse $bver fits this libc: trying it"
	(cd "$DIR/dl" && sid_apt_get download -qq "sparse=$bver" >/dev/null)
	dpkg-deb -x "$DIR/dl"/sparse_*.deb "$DIR/dl/root"
	install -m 0755 "$DIR/dl/root/usr/bin/sparse" "$DIR/new/bin/sparse"
	if "$SELFTEST" "$DIR/new/bin/sparse" >/dev/null 2>&1; then
		how="Debian sid binary package sparse $bver"
	else
		log "sid's binary sparse $bver does not work here: building it from source"
		rm -f "$DIR/new/bin/sparse"
	fi
else
	log "sid's binary sparse $bver needs $(grep -o 'libc6 ([^)]*)' <<<"$deps"), this machine has libc6 $(dpkg-query -W -f='${Version}' libc6): building from source"
fi

if [ -z "$how" ]; then
	# Only what building the `sparse` program takes.
	install_debs gcc make libc6-dev dpkg-dev
	log "fetching the source package $pkg from Debian sid"
	(cd "$DIR/dl" && sid_apt_get source --download-only -qq "$pkg" >/dev/null)
	dsc=$(ls "$DIR/dl"/sparse_*.dsc)
	sver=$(sed -n 's/^Version: //p' "$dsc")
	uver=${sver#*:}; uver=${uver%-*}
	# apt has checked the files against sid's signed Release file.
	# (so dpkg-source's "cannot verify inline signature" is not shown).
	dpkg-source -x "$dsc" "$DIR/dl/src" >"$DIR/dl/unpack.log" 2>&1 ||
		{ cat "$DIR/dl/unpack.log" >&2; die "dpkg-source -x $dsc failed"; }
	log "building sparse $sver (make -j${SPARSE_JOBS:-1})"
	# Debian's patches set CC=gcc-16: use this machine's gcc. The HAVE_*=no
	# leave out the programs that need libxml2, sqlite, GTK or LLVM.
	make -C "$DIR/dl/src" -j"${SPARSE_JOBS:-1}" CC=gcc HAVE_LLVM=no \
		HAVE_LIBXML=no HAVE_SQLITE=no HAVE_GTK=no \
		SPARSE_VERSION="$uver (Debian: $sver)" sparse >"$DIR/dl/build.log" 2>&1 ||
		{ tail -n 30 "$DIR/dl/build.log" >&2; die "building sparse $sver failed"; }
	install -m 0755 "$DIR/dl/src/sparse" "$DIR/new/bin/sparse"
	how="Debian sid source package sparse $sver, built with $(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)"
fi

"$SELFTEST" "$DIR/new/bin/sparse" >&2 || die "the new sparse fails scripts/sparse-selftest.sh"
mkdir -p "$DIR/bin"
mv -f "$DIR/new/bin/sparse" "$BIN"
{
	"$BIN" --version
	echo "from: $how"
	echo "installed: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$DIR/VERSION"
rm -rf "$DIR/dl" "$DIR/new"
log "installed $BIN: $(head -1 "$DIR/VERSION") ($how)"
