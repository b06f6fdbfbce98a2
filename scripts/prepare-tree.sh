#!/usr/bin/env bash
# Create build/linux: the kernel base committed and tagged "base", with
# patches/linux/ applied on top by "git am" in the order of
# patches/linux/series (paths relative to patches/linux: a folder per
# posting). The base is Debian's $KBASE_PKG source
# (scripts/fetch-kernel-source.sh), or, with
# KERNEL_TREE=/path/to/linux [KERNEL_REF=rev], a kernel git checkout, which
# is cloned with --shared and never changed. An existing build/linux is kept
# when it already holds exactly the series (see export-check.sh).
. "$(dirname "$0")/common.sh"

series_files() {
	[ -f "$SERIES_DIR/series" ] || return 0
	grep -v -e '^#' -e '^[[:space:]]*$' "$SERIES_DIR/series" |
		sed "s|^|$SERIES_DIR/|"
}

if [ -d "$KSRC/.git" ]; then
	if [ -z "${KERNEL_TREE:-}" ] && "$ROOT/scripts/export-check.sh" >/dev/null 2>&1; then
		log "build/linux is up to date with patches/linux ($(cat "$KSRC/.git/base-version"))"
		exit 0
	fi
	if [ "${FORCE:-0}" != 1 ]; then
		"$ROOT/scripts/export-check.sh" || true
		die "build/linux exists; run 'make export' to keep the tree's work, then FORCE=1 to recreate it"
	fi
	log "FORCE=1: recreating build/linux"
fi
rm -rf "$KSRC"
mkdir -p "$BUILD"

if [ -n "${KERNEL_TREE:-}" ]; then
	ref=${KERNEL_REF:-HEAD}
	git -C "$KERNEL_TREE" rev-parse -q --verify "$ref^{commit}" >/dev/null ||
		die "$KERNEL_TREE has no commit $ref"
	log "cloning $KERNEL_TREE ($ref) with --shared"
	git clone -q --shared --no-checkout "$KERNEL_TREE" "$KSRC"
	git -C "$KSRC" checkout -q --detach "$(git -C "$KERNEL_TREE" rev-parse "$ref^{commit}")"
	cd "$KSRC"
	version=$(make -s kernelversion)
	desc="$version ($KERNEL_TREE, $(git describe --always --tags HEAD 2>/dev/null || git rev-parse --short HEAD))"
	git tag -f base >/dev/null
else
	tarball=$("$ROOT/scripts/fetch-kernel-source.sh") || exit 1
	pkgver=$(cat "$BUILD/src/$KBASE_PKG.version")
	tmp=$BUILD/src/unpack
	rm -rf "$tmp" && mkdir -p "$tmp"
	log "unpacking ${tarball#"$ROOT"/}"
	tar -C "$tmp" -xf "$tarball"
	mv "$tmp"/linux-source-* "$KSRC"
	rmdir "$tmp"
	cd "$KSRC"
	version=$(make -s kernelversion)
	desc="$version (Debian $KBASE_PKG $pkgver)"

	# Debian's tarball ends .gitignore with "/*" and "!/debian/" (it ignores
	# the whole top level for its packaging repository); drop those lines in
	# the base commit so that git tracks the tree like an upstream checkout.
	n=$(grep -n '^# Debian packaging' .gitignore | cut -d: -f1 || true)
	if [ -n "$n" ]; then
		head -n $((n - 3)) .gitignore >.gitignore.new && mv .gitignore.new .gitignore
	fi
	git init -q -b master
	git add -A -f   # also the dot-files that .gitignore lists (.kunitconfig, .clang-format)
	git -c user.name=base -c user.email=base@localhost commit -q \
		-m "Linux $desc, unmodified but for .gitignore"
	git tag -f base >/dev/null
fi
git config core.abbrev 12
git config notes.rewriteRef refs/notes/commits   # notes follow rebase and amend
git config user.name "BMC Kernel Team"
git config user.email "bmc-kernel@example.org"
echo "$desc" >.git/base-version
log "base: Linux $desc"

n=0
while read -r p; do
	[ -n "$p" ] || continue
	if ! git am -q --keep-cr "$p" >/dev/null 2>&1; then
		git am --abort >/dev/null 2>&1 || true
		die "patch ${p#"$SERIES_DIR"/} does not apply to Linux $desc; the series is written against the base its cover letters name"
	fi
	# Remarks below the "---" line are not part of the commit message:
	# keep them as git notes, which export.sh writes back.
	notes=$("$ROOT/scripts/patch-notes.py" "$p")
	[ -z "$notes" ] || git notes add -m "$notes" HEAD
	n=$((n + 1))
done < <(series_files)
log "applied $n patch(es) from ${SERIES_DIR#"$ROOT"/} on Linux $desc"
