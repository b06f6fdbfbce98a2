#!/usr/bin/env bash
# make bench, P5: what the series costs a system without any dynamic node.
# Builds the same configuration without the series (the tree at "base", a
# git worktree laid out like the clone, build/p5/build/linux, so that
# ccache hits for every file the series does not touch), boots both kernels
# on the kernel's own DTB of the board's machine (no dynamic node) P5_BOOTS
# times each (default 3), alternated, and prints the slab bytes after boot,
# the uptime when /init runs its script and the kernel text size, and what
# differs (devices bound, slab caches). Last line: "P5=<bytes>", the whole
# kernel's cost: the memory left to userspace without the series minus with
# it (medians), which counts memblock reservations (the kernel image, the
# unflattened device tree) as well as slab and pages.
. "$(dirname "$0")/common.sh"

boots=${P5_BOOTS:-3}
p5=$BUILD/p5
wt=$p5/build/linux
# (again when build/linux was recreated under it)
if [ ! -e "$wt/.git" ] || ! git -C "$wt" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	rm -rf "$wt"
	git -C "$KSRC" worktree prune
	git -C "$KSRC" worktree add -q --detach "$wt" base
fi
git -C "$wt" checkout -q --detach base
# the series' own options do not exist at base
BUILD=$p5/build CCACHE_BASEDIR=$p5 ALLOW_MISSING="CONFIG_OF_DYNAMIC_STATUS" \
	"$ROOT/scripts/build-kernel.sh" test >&2
ln -sfn "$p5/build/kernel-test" "$(kernel_out base)"

work=$BUILD/tmp/bench-p5
mkdir -p "$work"
"$ROOT/scripts/guest-files.sh" "$work/files" >/dev/null 2>&1
dtb=$(kernel_out test)/arch/arm/boot/dts/$BOARD_KERNEL_DTB
: >"$work/test" && : >"$work/base"
i=0
while [ $i -lt "$boots" ]; do
	for k in test base; do
		KERNEL=$k GUEST_DTB=$dtb GUEST_FILES=$work/files \
			"$ROOT/scripts/guest-run.sh" "$ROOT/tests/bench/p5.sh" >"$work/console-$k.log" 2>&1 ||
			die "P5 boot of the $k kernel failed: $work/console-$k.log"
		sed -n 's/^p5: //p' "$work/console-$k.log" >>"$work/$k"
	done
	i=$((i + 1))
done
# med FILE KEY: the median of KEY=value over the boots
med() { grep -o "$2=[0-9.]*" "$1" | cut -d= -f2 | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
text() { ${CROSS_COMPILE}size "$(kernel_out "$1")/vmlinux" | awk 'NR == 2 { print $1 }'; }
for k in test base; do
	grep -q 'dynamic_nodes=0' "$work/$k" || die "the P5 DTB has dynamic nodes"
done
st=$(med "$work/test" slab) sb=$(med "$work/base" slab)
mt=$(med "$work/test" memtotal) mb=$(med "$work/base" memtotal)
lt=$(med "$work/test" left) lb=$(med "$work/base" left)
ut=$(med "$work/test" uptime) ub=$(med "$work/base" uptime)
tt=$(text test) tb=$(text base)
echo "# P5 no dynamic node (${BOARD_KERNEL_DTB#*/}), median of $boots boots each, with / without the series:"
echo "#    whole kernel: memory left to userspace (MemFree + Buffers + Cached) $lt / $lb bytes: the series costs $((lb - lt)) bytes; reserved at boot (RAM minus MemTotal, memblock: image, device tree) $((mb - mt)) bytes more"
echo "#    slab after boot $st / $sb bytes ($((st - sb))); sysfs entries $(med "$work/test" sysfs) / $(med "$work/base" sysfs); /init at $ut / $ub s; text $tt / $tb bytes ($((tt - tb)))"
# where a difference comes from, in the last boot of each: the devices
# bound in one kernel only, and the slab caches that differ by 1 KiB or more
bound() { sed -n 's/^p5bound: //p' "$work/console-$1.log" | sort; }
comm -3 <(bound test) <(bound base) | sed -e 's/^\t/#    bound without the series only: /' \
	-e '/^#/!s/^/#    bound with the series only: /'
join -a 1 -a 2 -e 0 -o 0,1.2,2.2 \
	<(sed -n 's/^p5cache: //p' "$work/console-test.log" | sort) \
	<(sed -n 's/^p5cache: //p' "$work/console-base.log" | sort) |
	awk '{ d = $2 - $3 } d >= 1024 || d <= -1024 { printf "#    slab cache %s: %+d bytes\n", $1, d }'
echo "P5=$((lb - lt))"
