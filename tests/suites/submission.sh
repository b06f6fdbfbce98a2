#!/usr/bin/env bash
# Submission checks on the files the series touches, each against the same
# check of the same files at "base", so that only what the series adds
# counts:
# - W=1 and sparse (C=2, with a sparse that understands Linux 7.3, proven
#   by scripts/sparse-selftest.sh before it is trusted) on the objects of
#   those files that the test kernel builds;
# - scripts/kernel-doc -none on the .c and .h files;
# - git am of patches/linux/ onto a pristine base.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

work=$BUILD/tmp/submission
rm -rf "$work" && mkdir -p "$work"
out=$(kernel_out submit)
sparse=$BUILD/sparse/bin/sparse

# 0. the checker must check
if "$ROOT/scripts/setup-sparse.sh" >"$work/sparse-setup.log" 2>&1 &&
   "$ROOT/scripts/sparse-selftest.sh" "$sparse" >"$work/sparse-selftest.log" 2>&1; then
	pass "sparse $(head -1 "$BUILD/sparse/VERSION") understands Linux 7.3 and reports a __user dereference"
	have_sparse=1
else
	tail -20 "$work/sparse-setup.log" "$work/sparse-selftest.log"
	fail "sparse understands Linux 7.3 and reports a __user dereference"
	have_sparse=0
fi

cd "$KSRC"
files=$(git diff --name-only base..HEAD -- '*.c' '*.h')
# Objects of the touched .c files that the test kernel builds (a KUnit
# test, for instance, is built and run by the kunit suite instead).
objs=()
for f in $files; do
	case $f in *.c) [ -f "$(kernel_out test)/${f%.c}.o" ] && objs+=("${f%.c}.o") ;; esac
done

branch=$(git symbolic-ref --short HEAD)
trap 'git -C "$KSRC" checkout -q "$branch"' EXIT
mkdir -p "$out"
cp "$(kernel_out test)/.config" "$out/.config"
"$ROOT/scripts/kmake.sh" submit -s olddefconfig >/dev/null

# check REV TAG: W=1 (+ sparse) build of the objects and kernel-doc of the
# files at REV, warnings normalized (no line or column numbers) into TAG.*
check() {
	git checkout -q --detach "$1"
	local extra=()
	[ "$have_sparse" = 1 ] && extra=(C=2 CHECK="$sparse")
	rm -f "${objs[@]/#/$out/}"
	"$ROOT/scripts/kmake.sh" submit W=1 \
		"${extra[@]}" "${objs[@]}" >"$work/$2.build.log" 2>&1 ||
		echo "BUILD FAILED" >>"$work/$2.build.log"
	{ grep -E 'warning:|error:|FAILED|not available or not up to date' "$work/$2.build.log" || true; } |
		sed -E 's|^.*/build/linux/||; s|:[0-9]+:[0-9]+:|:|; s|:[0-9]+:|:|' | sort -u >"$work/$2.build"
	for f in $files; do
		[ ! -f "$f" ] || scripts/kernel-doc -none "$f" 2>&1 || true
	done | sed -E 's|:[0-9]+ | |' | sort -u >"$work/$2.kdoc"
}
check base base
check "$branch" head
git checkout -q "$branch"
trap - EXIT

if [ "${#objs[@]}" -eq 0 ]; then
	fail "W=1 and sparse: the test kernel builds none of the touched files"
elif grep -q 'BUILD FAILED' "$work/head.build"; then
	fail "W=1 build of the touched objects"
elif comm -13 "$work/base.build" "$work/head.build" | grep . >"$work/new.build"; then
	cat "$work/new.build"
	fail "W=1 and sparse: no warning the base does not have (${#objs[@]} objects)"
else
	pass "W=1 and sparse: no warning the base does not have (${#objs[@]} objects, $(grep -c . "$work/base.build") at base)"
fi
if comm -13 "$work/base.kdoc" "$work/head.kdoc" | grep . >"$work/new.kdoc"; then
	cat "$work/new.kdoc"
	fail "kernel-doc -none: no warning the base does not have"
else
	pass "kernel-doc -none: no warning the base does not have ($(echo "$files" | wc -w) files)"
fi

# git am of the exported series onto a pristine base
rm -rf "$work/am"
git worktree add -q --detach "$work/am" base
mapfile -t series < <(grep -v -e '^#' -e '^$' "$SERIES_DIR/series" | sed "s|^|$SERIES_DIR/|")
if (cd "$work/am" && git am -q "${series[@]}" 2>"$work/am.log" >&2); then
	pass "git am of patches/linux onto a pristine base applies ($(git -C "$work/am" rev-list --count base..HEAD) patches)"
else
	(cd "$work/am" && git am --abort) 2>/dev/null || true
	tail -5 "$work/am.log"
	fail "git am of patches/linux onto a pristine base applies"
fi
git worktree remove --force "$work/am"
suite_summary
