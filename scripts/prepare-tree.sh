#!/usr/bin/env bash
# Create build/linux: the pristine Debian linux-source-6.12 tree committed and
# tagged "base", with patches/linux/ applied on top by "git am". An existing
# tree is kept when it already holds exactly the series (see export-check.sh).
. "$(dirname "$0")/common.sh"

series_files() {
	[ -f "$SERIES_DIR/series" ] || return 0
	grep -v -e '^#' -e '^[[:space:]]*$' "$SERIES_DIR/series" |
		sed "s|^|$SERIES_DIR/|"
}

if [ -d "$KSRC/.git" ]; then
	if "$ROOT/scripts/export-check.sh" >/dev/null 2>&1; then
		log "build/linux is up to date with patches/linux ($(cat "$KSRC/.base-version"))"
		exit 0
	fi
	if [ "${FORCE:-0}" != 1 ]; then
		"$ROOT/scripts/export-check.sh" || true
		die "build/linux differs from patches/linux; run 'make export' to keep the tree's work, or FORCE=1 to rebuild it"
	fi
	log "FORCE=1: recreating build/linux"
fi

[ -f "$KTARBALL" ] || die "$KTARBALL not found (install linux-source-6.12: make setup)"
rm -rf "$KSRC" "$BUILD/linux-source-6.12"
mkdir -p "$BUILD"
log "unpacking $KTARBALL"
tar -C "$BUILD" -xf "$KTARBALL"
mv "$BUILD/linux-source-6.12" "$KSRC"
cd "$KSRC"
version=$(make -s kernelversion)
echo "$version" >.base-version

# Debian's tarball ends .gitignore with "/*" and "!/debian/" (it ignores the
# whole top level for its packaging repository); drop those lines in the base
# commit so that git tracks the tree like an upstream checkout.
n=$(grep -n '^# Debian packaging' .gitignore | cut -d: -f1 || true)
if [ -n "$n" ]; then
	head -n $((n - 3)) .gitignore >.gitignore.new && mv .gitignore.new .gitignore
fi

git init -q -b master
git config core.abbrev 12
git add -A -f   # also the dot-files that .gitignore lists (.kunitconfig, .clang-format)
git -c user.name=base -c user.email=base@localhost commit -q \
	-m "Linux $version (Debian linux-source-6.12, unmodified but for .gitignore)"
git tag base
git config user.name "BMC Kernel Team"
git config user.email "bmc-kernel@example.org"
echo ".base-version" >>.git/info/exclude
log "base: Linux $version"

n=0
while read -r p; do
	[ -n "$p" ] || continue
	if ! git am -q --keep-cr "$p" >/dev/null 2>&1; then
		git am --abort >/dev/null 2>&1 || true
		die "patch $(basename "$p") does not apply to Linux $version (Debian linux-source-6.12); the series was written against the base named in patches/linux/0000-cover-letter.patch"
	fi
	n=$((n + 1))
done < <(series_files)
log "applied $n patch(es) from patches/linux on Linux $version"
