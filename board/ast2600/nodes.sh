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
# Two CPUs: SLUB keeps freed objects in per-CPU sheaves, counted as in
# use; slab_bytes (tests/guest/nodes.sh) shrinks every cache first, but a
# worker that allocates on the other CPU between the shrink and the
# reading refills a sheaf again: a jump of one sheaf of one cache
# (measured: 120 objects of kmalloc-192, 23 kB; 11 of kmalloc-4k, 45 kB)
# in either reading, with no leak. endurance.sh allows 48 kB of noise per
# half here (16 kB on the single-CPU AST2500, one small cache's sheaf):
# still 10 bytes per cycle over 5,000 platform or I2C cycles, 96 over 500
# flash cycles; kmemleak on this board's KASAN kernel (the reliability
# suite) judges leaks object by object.
SLAB_NOISE_KB=48
