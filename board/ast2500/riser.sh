#!/usr/bin/env bash
# The riser cards of the test board (board/dts: &i2c4) as QEMU
# devices; one boot is one card in the slot. Writes the card's identity
# EEPROM into DIR and prints the QEMU arguments that plug the card onto I2C
# bus 4 (card A's platform part is the SoC's ADC, which QEMU always
# emulates). QEMU 7.2 names a PCA954x's channel buses "i2c.N" (one mux here).
# Usage: riser.sh a|b DIR
set -euo pipefail
card=${1:?usage: riser.sh a|b DIR} dir=${2:?usage: riser.sh a|b DIR}
eeprom=$dir/riser-$card.eeprom
# 4 KiB, a 24c32 (QEMU addresses an EEPROM of more than 256 bytes with two
# address bytes): "RISER-A" or "RISER-B", a newline, zeroes
{ printf 'RISER-%s\n' "$(echo "$card" | tr a-z A-Z)"; head -c 4096 /dev/zero; } |
	head -c 4096 >"$eeprom"
echo "-drive if=none,id=riser-id,format=raw,file=$eeprom" \
	"-device at24c-eeprom,bus=aspeed.i2c.bus.4,address=0x57,drive=riser-id,rom-size=4096"
case $card in
a) echo "-device pca9548,bus=aspeed.i2c.bus.4,address=0x70" \
	"-device tmp105,bus=i2c.0,address=0x48 -device tmp105,bus=i2c.1,address=0x49" \
	"-device pca9552,bus=i2c.2,address=0x61" ;;
b) echo "-device pca9546,bus=aspeed.i2c.bus.4,address=0x70" \
	"-device tmp421,bus=i2c.0,address=0x4c" ;;
*) echo "riser.sh: no card $card" >&2; exit 2 ;;
esac
