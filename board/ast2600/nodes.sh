#!/bin/sh
# Sourced in the guest by tests/guest/nodes.sh, which has the paths both
# boards share: the I2C test nodes of
# board/ast2600/dynamic-test.dts and their adapter.
BOARD=ast2600
SENSOR=/ahb/apb/bus@1e78a000/i2c@480/lm75@4d        # lm75 (TMP105) on I2C bus 8
SENSOR_NOCHIP=/ahb/apb/bus@1e78a000/i2c@480/lm75@4c # no device at 0x4c
I2C_ADAP=1e78a480.i2c                              # the sensor's adapter
# spi-aspeed-smc calibrates the AST2600's read timing at each attach of a
# flash whose first 16 KiB vary: 5.4 s per attach under TCG (reads at each
# clock setting through QEMU's controller); it stops at once on a blank
# start ("Calibration area too uniform"). endurance.sh blanks it first.
FLASH_CALIBRATION_SLOW=1
