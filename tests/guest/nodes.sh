#!/bin/sh
# Sourced by the in-guest tests (not a test): a device tree node's status
# and the device the platform, I2C or SPI bus created for it.
PDT=/proc/device-tree

# The dynamic nodes of board/dts/ast2500-dynamic-test.dts
FLASH=/ahb/spi@1e630000/flash@0                     # host BIOS flash, SPI1 CS0
FLASH_NOCHIP=/ahb/spi@1e630000/flash@1              # SPI1 CS1: no chip there
SENSOR=/ahb/apb/bus@1e78a000/i2c@300/lm75@4d        # lm75 on I2C bus 7
SENSOR_NOCHIP=/ahb/apb/bus@1e78a000/i2c@300/lm75@4c # no device at 0x4c
LEDS=/leds                                          # gpio-leds, platform bus
HOG=/ahb/apb/gpio@1e780000/test-hog                 # GPIO hog, of_gpio_notify()
SPI_CTLR=1e630000.spi                               # their parents' devices
I2C_ADAP=1e78a300.i2c

# node_status NODE: the status of NODE, without its NUL
node_status() { tr -d '\000' <"$PDT$1/status"; }

# device_of NODE: the uevent file of NODE's device; nothing if it has none
device_of() {
	grep -lx "OF_FULLNAME=$1" /sys/bus/platform/devices/*/uevent \
		/sys/bus/i2c/devices/*/uevent /sys/bus/spi/devices/*/uevent 2>/dev/null | head -1
}

# has_driver NODE: NODE's device exists and a driver is bound to it
has_driver() { d=$(device_of "$1") && [ -n "$d" ] && [ -e "$(dirname "$d")/driver" ]; }

# bios_mtd: the MTD device of the host flash ("mtdN"); nothing if detached
bios_mtd() { grep '"bios"' /proc/mtd | cut -d: -f1; }
