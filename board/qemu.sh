#!/usr/bin/env bash
# Boot a kernel on QEMU's emulation of the board $BOARD (board/$BOARD/board.sh:
# machine, extra devices such as the host flash mux) with the serial console
# on stdout. "-drive if=mtd" index 0 is FMC CE0 (the BMC's own flash), 1 is
# SPI1 CE0 (the host's BIOS flash); backing files must be at least the
# board's chip size.
# Usage: qemu.sh ZIMAGE DTB INITRD BMC_FLASH HOST_FLASH [extra qemu args...]
. "$(dirname "$0")/../scripts/common.sh"
zimage=$1 dtb=$2 initrd=$3 bmc_flash=$4 host_flash=$5
shift 5
# shellcheck disable=SC2086
exec qemu-system-arm -M "$BOARD_MACHINE" -nographic -monitor none -serial stdio \
	-no-reboot \
	-kernel "$zimage" -dtb "$dtb" -initrd "$initrd" \
	-append "console=ttyS4,115200 loglevel=${GUEST_LOGLEVEL:-5} log_buf_len=8M panic=-1 rdinit=/init ${GUEST_CMDLINE:-}" \
	-drive "file=$bmc_flash,format=raw,if=mtd,index=0" \
	-drive "file=$host_flash,format=raw,if=mtd,index=1" \
	$BOARD_QEMU_ARGS \
	"$@" </dev/null
