#!/usr/bin/env bash
# Fetch the kernel base, Debian's $KBASE_PKG from $KBASE_SUITE, without
# touching the machine's apt configuration: a private sources list, lists
# and cache under build/apt, "apt-get download", "dpkg-deb -x". Prints the
# path of the source tarball on stdout; the exact version goes to
# build/src/$KBASE_PKG.version.
. "$(dirname "$0")/common.sh"

src=$BUILD/src
tarball=$src/$KBASE_PKG.tar.xz
if [ -f "$tarball" ] && [ -f "$src/$KBASE_PKG.version" ]; then
	log "$KBASE_PKG $(cat "$src/$KBASE_PKG.version") (cached)"
	echo "$tarball"
	exit 0
fi

apt=$BUILD/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$src"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $KBASE_MIRROR $KBASE_SUITE main" \
	>"$apt/sources.list"
# Only the native architecture's index (linux-source is "all"): the machine
# may have foreign architectures (armel, for the guest) that we need not read.
opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
      -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
      -o Dir::State::status=/dev/null -o APT::Sandbox::User=root
      -o "APT::Architectures=$(dpkg --print-architecture)" -o Acquire::Languages=none
      -o Acquire::Retries=3 -qq)
log "reading $KBASE_SUITE's package list"
# A mirror being synced answers with index files of the wrong size for a
# while: try again before giving up.
for try in 1 2 3; do
	apt-get "${opts[@]}" update && break
	[ "$try" = 3 ] && die "apt-get update of $KBASE_SUITE failed"
	log "apt-get update failed, trying again in $((try * 20)) s"
	sleep $((try * 20))
done
version=$(apt-cache "${opts[@]}" show "$KBASE_PKG" 2>/dev/null |
	sed -n 's/^Version: //p' | sort -V | tail -n 1)
if [ -z "$version" ]; then
	avail=$(apt-cache "${opts[@]}" search '^linux-source-[0-9.]*$' | cut -d' ' -f1 | sort -V | tr '\n' ' ')
	die "$KBASE_SUITE no longer has $KBASE_PKG (backports keeps only its newest kernel). It has: ${avail:-nothing}. Point the harness at one of those (KBASE_PKG=linux-source-X.Y; patches may need a rebase) or at a kernel git tree (make tree KERNEL_TREE=/path/to/linux KERNEL_REF=v7.3)."
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "downloading $KBASE_PKG $version"
(cd "$tmp" && apt-get "${opts[@]}" download "$KBASE_PKG=$version") ||
	die "apt-get download $KBASE_PKG=$version failed"
dpkg-deb -x "$tmp"/"$KBASE_PKG"_*.deb "$tmp/x"
mv "$tmp/x/usr/src/$KBASE_PKG.tar.xz" "$tarball"
echo "$version" >"$src/$KBASE_PKG.version"
log "$KBASE_PKG $version"
echo "$tarball"
