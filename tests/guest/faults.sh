#!/bin/sh
# In the guest (R4 a, b): a device whose probe fails, and a parent
# controller or adapter that is not bound when "okay" is written.
. /guest/files/kselftest/ktap_helpers.sh

. /guest/files/nodes.sh

ktap_print_header
ktap_set_plan 6

# (a) nothing behind the node: the write creates the device, its driver
# fails to probe; that is not an error of the write
for node in $FLASH_NOCHIP $SENSOR_NOCHIP; do
	echo okay >"$PDT$node/status"
	rc=$?
	if [ $rc -eq 0 ]; then
		d=$(device_of $node)
		ktap_print_msg "$node: okay -> 0, device ${d:+$(basename "$(dirname "$d")")} ${d:-none}, driver: $(has_driver $node && echo bound || echo none)"
	else
		ktap_print_msg "$node: okay -> failed, status $(node_status $node)"
	fi
	# the write succeeds and creates the device; nothing there, so no
	# driver binds (a failed probe is not an error of the write)
	ok=1
	[ $rc -eq 0 ] && [ -n "$(device_of $node)" ] && ! has_driver $node || ok=0
	echo reserved >"$PDT$node/status"
	rc2=$?
	[ $rc2 -eq 0 ] && [ "$(node_status $node)" = reserved ] && [ -z "$(device_of $node)" ] || ok=0
	ktap_test_result "$node: okay succeeds with a failed probe (device, no driver), reserved removes it" [ $ok = 1 ]
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
