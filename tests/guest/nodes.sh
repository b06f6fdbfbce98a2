#!/bin/sh
# Sourced by the in-guest tests (not a test): a device tree node's status
# and the device the platform, I2C or SPI bus created for it.
PDT=/proc/device-tree

# node_status NODE: the status of NODE, without its NUL
node_status() { tr -d '\000' <"$PDT$1/status"; }

# device_of NODE: the uevent file of NODE's device; nothing if it has none
device_of() {
	grep -lx "OF_FULLNAME=$1" /sys/bus/platform/devices/*/uevent \
		/sys/bus/i2c/devices/*/uevent /sys/bus/spi/devices/*/uevent 2>/dev/null | head -1
}

# has_driver NODE: NODE's device exists and a driver is bound to it
has_driver() { d=$(device_of "$1") && [ -n "$d" ] && [ -e "$(dirname "$d")/driver" ]; }
