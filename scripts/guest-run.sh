#!/usr/bin/env bash
# Boot the test kernel on QEMU's emulation of the board $BOARD (default
# ast2500: ast2500-evb; see board/*/board.sh), run SCRIPT as root with
# busybox sh in the guest, stream its output and exit with its exit status.
# Usage: guest-run.sh SCRIPT
# Environment:
#   GUEST_FLASH=FILE   host file backing the SPI1 (host BIOS) flash; created
#                      0xFF-filled when missing; default: a fresh scratch file
#   GUEST_FILES=DIR    copied into the guest as /guest/files
#   KERNEL=FLAVOUR     kernel to boot: build/kernel-FLAVOUR (default: test)
#   BOARD=NAME         board to boot (board/NAME; default: ast2500)
#   GUEST_DTB=FILE     device tree to boot (default: the board's test DTB)
#   GUEST_TIMEOUT=S    wall-clock limit of the whole boot (default: 900)
#   GUEST_RISER=a|b    plug riser card A or B into the riser slot
#                      (board/BOARD/riser.sh); default: an empty slot
#   QEMU_TRACE=FILE    QEMU trace event patterns; the trace goes to
#                      QEMU_TRACE_LOG (default: build/tmp/qemu-trace.log)
. "$(dirname "$0")/common.sh"

script=${1:?usage: guest-run.sh SCRIPT}
[ -f "$script" ] || die "no such script: $script"
flavour=${KERNEL:-test}
# The debug kernel poisons and checks freed slab objects (no KASAN there,
# see board/config/debug.config): a write after free is reported as BUG.
[ "$flavour" = debug ] && export GUEST_CMDLINE="slub_debug=FZP ${GUEST_CMDLINE:-}"
kout=$(kernel_out "$flavour")
zimage=$kout/arch/arm/boot/zImage
dtb=${GUEST_DTB:-$(board_dtb)}
[ -f "$zimage" ] || die "no kernel at $zimage (run: make kernel)"
[ -f "$dtb" ] || die "no test DTB at $dtb (run: make kernel)"

CHIP_SIZE=$((BOARD_FLASH_MIB * 1024 * 1024))
blank_flash() { head -c "$CHIP_SIZE" /dev/zero | tr '\0' '\377' >"$1"; }

# gen_init_cpio (from the kernel tree) writes device nodes without root.
gic=$BUILD/tools/gen_init_cpio
if [ ! -x "$gic" ] || [ "$KSRC/usr/gen_init_cpio.c" -nt "$gic" ]; then
	mkdir -p "${gic%/*}"
	cc -O2 -o "$gic" "$KSRC/usr/gen_init_cpio.c"
fi
base=$BUILD/guest/base.cpio
if [ ! -f "$base" ] || [ "$ROOT/board/initramfs/init" -nt "$base" ] ||
   [ "$ROOT/board/initramfs/files.list" -nt "$base" ]; then
	sed -e "s|@BUSYBOX@|$BUILD/guest/busybox|" -e "s|@INIT@|$ROOT/board/initramfs/init|" \
		"$ROOT/board/initramfs/files.list" >"$base.list"
	"$gic" "$base.list" >"$base"
fi
bmc_flash=$BUILD/guest/bmc-flash-$BOARD.img
[ -f "$bmc_flash" ] || blank_flash "$bmc_flash"

mkdir -p "$BUILD/tmp"
run=$(mktemp -d "$BUILD/tmp/guest.XXXXXX")
trap 'rm -rf "$run"' EXIT

host_flash=${GUEST_FLASH:-$run/host-flash.img}
if [ ! -f "$host_flash" ] || [ "$(stat -c %s "$host_flash")" -lt "$CHIP_SIZE" ]; then
	blank_flash "$host_flash"
fi

# tree_list SRC DEST: gen_init_cpio lines that put the tree SRC at DEST
tree_list() {
	local src=$1 dest=$2 p
	(cd "$src" && find . -mindepth 1 ! -name '.*' | sort) | while read -r p; do
		p=${p#./}
		if [ -d "$src/$p" ]; then
			echo "dir $dest/$p 755 0 0"
		else
			echo "file $dest/$p $src/$p $(stat -c %a "$src/$p") 0 0"
		fi
	done
}

# OpenBMC's flash tools (scripts/setup-guest-tools.sh), when set up
tools=$BUILD/guest/tools
tools_cpio=$BUILD/guest/tools.cpio
if [ -f "$tools/.packages" ] && [ ! "$tools_cpio" -nt "$tools/.packages" ]; then
	{ echo "dir /usr 755 0 0"; echo "dir /lib 755 0 0"; tree_list "$tools" ""; } |
		sort -u >"$tools_cpio.list"
	"$gic" "$tools_cpio.list" >"$tools_cpio"
fi

{
	echo "file /guest/script.sh $(realpath "$script") 755 0 0"
	if [ -n "${GUEST_FILES:-}" ]; then
		echo "dir /guest/files 755 0 0"
		tree_list "$(realpath "$GUEST_FILES")" /guest/files
	fi
} >"$run/extra.list"
"$gic" "$run/extra.list" >"$run/extra.cpio"
cat "$base" $([ -f "$tools_cpio" ] && echo "$tools_cpio") "$run/extra.cpio" >"$run/initrd.cpio"

trace_args=()
if [ -n "${QEMU_TRACE:-}" ]; then
	trace_args=(-trace "events=$QEMU_TRACE,file=${QEMU_TRACE_LOG:-$BUILD/tmp/qemu-trace.log}")
fi

riser_args=()
if [ -n "${GUEST_RISER:-}" ]; then
	# shellcheck disable=SC2207
	[ -x "$BOARD_DIR/riser.sh" ] || die "board $BOARD has no riser slot"
	riser_args=($("$BOARD_DIR/riser.sh" "$GUEST_RISER" "$run"))
fi

set +e
timeout --foreground -k 10 "${GUEST_TIMEOUT:-900}" \
	"$ROOT/board/qemu.sh" "$zimage" "$dtb" "$run/initrd.cpio" "$bmc_flash" "$host_flash" \
	"${trace_args[@]}" "${riser_args[@]}" 2>&1 | sed -u 's/\r$//' | tee "$run/console.log"
qrc=${PIPESTATUS[0]}
set -e

rc=$(sed -n 's/^GUEST-EXIT: \([0-9]*\)$/\1/p' "$run/console.log" | tail -n 1)
if [ -z "$rc" ]; then
	[ "$qrc" -eq 124 ] && log "guest timed out after ${GUEST_TIMEOUT:-900} s"
	log "guest did not finish its script (qemu exit $qrc): panic, hang or timeout"
	exit 125
fi
exit "$rc"
