#!/bin/sh
# In the guest: the test kernel booted on ast2500-evb as the tests expect.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

ktap_print_header
ktap_set_plan 5
ktap_test_result "kernel reached /init with the live device tree" [ -d /proc/device-tree/ahb ]
ktap_test_result "BMC flash (FMC CS0) is an MTD device" grep -q '"bmc"' /proc/mtd
ktap_test_result "I2C buses 3 and 7 exist" [ -e /sys/bus/i2c/devices/i2c-3 -a -e /sys/bus/i2c/devices/i2c-7 ]
ktap_test_result "/proc/device-tree is the live tree" [ -f $PDT$FLASH/dynamic ]
ktap_test_result "SPI1 host flash node is there, unbound" [ ! -e /sys/bus/spi/devices/spi1.0 ]
ktap_finished
