#!/usr/bin/env bash
# Boot a kernel on QEMU's emulated AST2500 BMC with the serial console on
# stdout. QEMU 7.2 maps "-drive if=mtd" by index: 0 is FMC CS0 (the BMC's
# own flash), 1 is SPI1 CS0 (the host's BIOS flash, mx25l25635f); a third is
# refused. Backing files must be at least the chip size (32 MiB). A PCA9552
# on I2C bus 7 at 0x60 is the host flash mux (its pin 0).
# Usage: qemu.sh ZIMAGE DTB INITRD BMC_FLASH HOST_FLASH [extra qemu args...]
set -euo pipefail
zimage=$1 dtb=$2 initrd=$3 bmc_flash=$4 host_flash=$5
shift 5
exec qemu-system-arm -M ast2500-evb -nographic -monitor none -serial stdio \
	-no-reboot \
	-kernel "$zimage" -dtb "$dtb" -initrd "$initrd" \
	-append "console=ttyS4,115200 loglevel=${GUEST_LOGLEVEL:-5} log_buf_len=8M panic=-1 rdinit=/init ${GUEST_CMDLINE:-}" \
	-drive "file=$bmc_flash,format=raw,if=mtd,index=0" \
	-drive "file=$host_flash,format=raw,if=mtd,index=1" \
	-device pca9552,bus=aspeed.i2c.bus.7,address=0x60 \
	"$@" </dev/null
