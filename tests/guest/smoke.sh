#!/bin/sh
# In the guest: the test kernel booted on the board as the tests expect.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

ktap_print_header
ktap_set_plan 5
ktap_test_result "kernel reached /init with the live device tree" [ -d /proc/device-tree/ahb ]
ktap_test_result "BMC flash (FMC CS0) is an MTD device" grep -q '"bmc"' /proc/mtd
ktap_print_msg "board $BOARD, $(grep -c ^processor /proc/cpuinfo) CPU(s), $(uname -m)"
ktap_test_result "the test sensor's I2C adapter exists ($I2C_ADAP)" [ -d /sys/bus/platform/devices/$I2C_ADAP/driver ]
ktap_test_result "/proc/device-tree is the live tree" [ -f $PDT$FLASH/dynamic ]
ktap_test_result "SPI1 host flash node is there, without a device" [ -z "$(device_of $FLASH)" ]
ktap_finished
