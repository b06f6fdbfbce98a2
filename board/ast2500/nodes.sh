#!/bin/sh
# Sourced in the guest by tests/guest/nodes.sh, which has the paths both
# boards share: the I2C test nodes of
# board/ast2500/dynamic-test.dts and their adapter.
BOARD=ast2500
SENSOR=/ahb/apb/bus@1e78a000/i2c@300/lm75@4d        # lm75 (TMP105) on I2C bus 7
SENSOR_NOCHIP=/ahb/apb/bus@1e78a000/i2c@300/lm75@4c # no device at 0x4c
I2C_ADAP=1e78a300.i2c                              # the sensor's adapter
