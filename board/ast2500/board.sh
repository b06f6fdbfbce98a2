# shellcheck shell=bash
# Board: QEMU's ast2500-evb (AST2500, an ARM1176: ARMv6). Sourced by
# scripts/common.sh when BOARD=ast2500 (the default).
# QEMU 7.2 maps "-drive if=mtd" by index: 0 is FMC CE0 (the BMC's own
# flash), 1 is SPI1 CE0 (the host's BIOS flash, an mx25l25635f); both
# models are 32 MiB, and a backing file must be at least that.
BOARD_MACHINE=ast2500-evb
BOARD_FLASH_MIB=32
# the kernel's DTB of the machine, which the test DTS includes (dtbs-check
# baseline, P5)
BOARD_KERNEL_DTB=aspeed/aspeed-ast2500-evb.dtb
# the host flash mux: a PCA9552 on I2C bus 7 (pin 0, BMC_SPI_SEL)
# the GPIO expander that boots "okay", with consumers outside it, one of them
# a mux on I2C bus 3 with a TMP105 behind it (tests/guest/consumers.sh)
BOARD_QEMU_ARGS="-device pca9552,bus=aspeed.i2c.bus.7,address=0x60
	-device max7310,bus=aspeed.i2c.bus.7,address=0x21
	-device tmp105,bus=aspeed.i2c.bus.3,address=0x4a"
