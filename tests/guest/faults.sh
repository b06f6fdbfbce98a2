#!/bin/sh
# In the guest (R4 a, b): a device whose probe fails, and a parent
# controller or adapter that is not bound when "okay" is written.
. /guest/files/kselftest/ktap_helpers.sh

. /guest/files/nodes.sh

ktap_print_header
ktap_set_plan 6

# (a) nothing behind the node: the write creates the device, its driver
# fails to probe (spi-nor reads no JEDEC ID, lm75 gets no ACK); the write
# fails with ENXIO, as a "bind" of the driver would fail, and leaves the
# status and the devices as they were, so that the next attempt starts clean
for node in $FLASH_NOCHIP $SENSOR_NOCHIP; do
	err=$( { echo okay >"$PDT$node/status"; } 2>&1)
	rc=$?
	ktap_print_msg "$node: okay -> rc $rc (${err:-no error}), status $(node_status $node), device $(device_of $node)"
	ok=1
	[ $rc -ne 0 ] || ok=0
	case $err in *"No such device or address"*) ;; *) ok=0 ;; esac
	[ "$(node_status $node)" = reserved ] && [ -z "$(device_of $node)" ] || ok=0
	ktap_test_result "$node: okay fails with ENXIO when the probe fails, status and devices unchanged" [ $ok = 1 ]
done

# (b) the parent is not bound when "okay" is written
fault_parent() {
	node=$1 drv=$2 dev=$3
	if ! echo "$dev" >/sys/bus/platform/drivers/$drv/unbind; then
		ktap_test_fail "$node: okay with $dev unbound fails (unbind failed)"
		ktap_test_fail "$node: after $dev is bound again (unbind failed)"
		return
	fi
	if echo okay 2>/dev/null >"$PDT$node/status"; then
		ktap_test_fail "$node: okay with $dev unbound fails"
	else
		ktap_test_result "$node: okay with $dev unbound fails, status stays reserved" \
			[ "$(node_status $node)" = reserved ]
	fi
	echo "$dev" >/sys/bus/platform/drivers/$drv/bind
	ok=1
	[ -z "$(device_of $node)" ] || ok=0	# nothing appears behind our back
	echo okay >"$PDT$node/status" && has_driver $node || ok=0
	echo reserved >"$PDT$node/status" && [ -z "$(device_of $node)" ] || ok=0
	ktap_test_result "$node: after $dev is bound again, no device until okay, then attach and detach work" [ $ok = 1 ]
}
fault_parent $FLASH spi-aspeed-smc $SPI_CTLR
fault_parent $SENSOR aspeed-i2c-bus $I2C_ADAP
ktap_finished
