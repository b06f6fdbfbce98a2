#!/bin/sh
# Sourced in the guest by tests/guest/nodes.sh: the dynamic nodes of
# board/ast2500/dynamic-test.dts and their parents' devices.
BOARD=ast2500
FLASH=/ahb/spi@1e630000/flash@0                     # host BIOS flash, SPI1 CS0
FLASH_NOCHIP=/ahb/spi@1e630000/flash@1              # SPI1 CS1: no chip there
SENSOR=/ahb/apb/bus@1e78a000/i2c@300/lm75@4d        # lm75 (TMP105) on I2C bus 7
SENSOR_NOCHIP=/ahb/apb/bus@1e78a000/i2c@300/lm75@4c # no device at 0x4c
LEDS=/leds                                          # gpio-leds, platform bus
HOG=/ahb/apb/gpio@1e780000/test-hog                 # GPIO hog, of_gpio_notify()
SPI_CTLR=1e630000.spi                               # their parents' devices
I2C_ADAP=1e78a300.i2c
