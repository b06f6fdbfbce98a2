# shellcheck shell=bash
# Board: QEMU's ast2600-evb (AST2600, two Cortex-A7: ARMv7). Sourced by
# scripts/common.sh when BOARD=ast2600.
# QEMU 7.2 maps "-drive if=mtd" by index: 0 is FMC CE0 (the BMC's own
# flash), 1 is SPI1 CE0 (the host's BIOS flash). Its models for both are
# an mx66u51235f, which QEMU 7.2 gives no SFDP tables, while Linux 7.3
# knows that ID (MX25U51245G) by its SFDP tables only: spi-nor fails with
# "BFPT parsing failed", without the series too. Both chips are a
# W25Q512JV here instead: 64 MiB, SFDP tables in QEMU 7.2, known to
# spi-nor. QEMU emulates a TMP105 on I2C bus 8 at 0x4d and an EEPROM on
# bus 7 at 0x50.
BOARD_MACHINE=ast2600-evb,fmc-model=w25q512jv,spi-model=w25q512jv
BOARD_FLASH_MIB=64
BOARD_KERNEL_DTB=aspeed/aspeed-ast2600-evb.dtb
# the host flash mux: a PCA9552 on I2C bus 8 (pin 0, BMC_SPI_SEL)
BOARD_QEMU_ARGS="-device pca9552,bus=aspeed.i2c.bus.8,address=0x60"
