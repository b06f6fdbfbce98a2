#!/bin/sh
# In the guest: the out-of-band BIOS update of a BMC, as its userspace does
# it, step by step with durations, as KTAP. Needs /guest/files/bios.img and
# bios.img.sha256 (made on the host) and the KTAP helpers. Before it writes,
# the flash must hold something else than the new image (in make check,
# bios-alt.img, which flashrom.sh wrote; in make demo, a blank chip):
# flashcp's verify and the read-back cannot tell a write that did nothing
# from one that wrote what was there already.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

IMG=/guest/files/bios.img
WANT=$(cut -d' ' -f1 /guest/files/bios.img.sha256)

now() { cut -d' ' -f1 /proc/uptime; }
T=$(now)
# step "text": print a step with the time since the previous step
step() {
	t=$(now)
	echo "# step: $1 [$(awk "BEGIN { printf \"%.2f\", $t - $T }") s]"
	T=$t
}
hwmon_of() {
	for h in /sys/class/hwmon/hwmon*; do
		[ -e "$h/device/of_node" ] || continue
		[ "$(readlink -f "$h/device/of_node")" = "$(readlink -f /sys/firmware/devicetree/base"$1")" ] && echo "$h"
	done
}

ktap_print_header
ktap_set_plan 12

step "boot: the host BIOS flash must be left alone"
ok=1
[ "$(tr -d '\000' <$PDT$FLASH/status)" = reserved ] || ok=0
[ -z "$(device_of $FLASH)" ] && [ -z "$(bios_mtd)" ] || ok=0
ktap_test_result "flash absent at boot: status reserved, no SPI device, no MTD" [ "$ok" = 1 ]

step "host quiesced (a real BMC powers the host off and waits, and puts the ME in recovery mode over IPMI; not emulated)"
mux bmc
rc=$?
step "mux to the BMC: gpioset \$(gpiofind $MUX_LINE)=0 -> exit $rc"
ktap_test_result "mux switched to the BMC (gpioset)" [ "$rc" = 0 ]

echo okay >$PDT$FLASH/status
rc=$?
MTD=$(bios_mtd)
step "attach: echo okay > $FLASH/status -> exit $rc, MTD ${MTD:-none}"
ktap_test_result "attach: the bios MTD device appears" [ "$rc" = 0 -a "x$MTD" != x ]

if [ -n "$MTD" ]; then
	OLD=$(dd if=/dev/${MTD}ro bs=64k 2>/dev/null | head -c "$(wc -c <$IMG)" | sha256sum | cut -d' ' -f1)
	case $OLD in
	"$(cut -d' ' -f1 /guest/files/bios-alt.img.sha256 2>/dev/null)") what="bios-alt.img (flashrom.sh)" ;;
	"$WANT") what="the new image already" ;;
	*) what="other data" ;;
	esac
	step "before the write: the flash holds $what, sha256 $OLD"
	ktap_test_result "before the write, the flash's content differs from the new image" [ "$OLD" != "$WANT" ]
	# OpenBMC's default (phosphor-bmc-code-mgmt): flashcp -v, which
	# erases, writes and verifies; of its progress, the 100% lines
	flashcp -v $IMG /dev/$MTD >/tmp/flashcp.log 2>&1
	rc=$?
	tr '\r' '\n' </tmp/flashcp.log | grep -v -e '^$' -e '([0-9]\{1,2\}%)$' | uniq |
		sed 's/^/# flashcp: /'
	step "write: flashcp -v $(wc -c <$IMG) bytes to /dev/$MTD -> exit $rc"
	ktap_test_result "write the new image with flashcp -v (erase, write, verify)" [ "$rc" = 0 ]
	GOT=$(dd if=/dev/${MTD}ro bs=64k 2>/dev/null | head -c "$(wc -c <$IMG)" | sha256sum | cut -d' ' -f1)
	step "verify: sha256 read back $GOT"
	ktap_test_result "read back matches the image (sha256)" [ "$GOT" = "$WANT" ]
else
	ktap_test_skip "before the write, the flash's content differs from the new image"
	ktap_test_skip "write the new image with flashcp -v (erase, write, verify)"
	ktap_test_skip "read back matches the image (sha256)"
fi

echo reserved >$PDT$FLASH/status
rc=$?
step "detach: echo reserved > $FLASH/status -> exit $rc"
ok=1
[ "$rc" = 0 ] && [ -z "$(bios_mtd)" ] && [ -z "$(device_of $FLASH)" ] || ok=0
ktap_test_result "detach: MTD and SPI device gone when the write returns" [ "$ok" = 1 ]
mux host
rc=$?
step "mux back to the host: gpioset \$(gpiofind $MUX_LINE)=1 -> exit $rc (a real BMC then lets the host run)"
ktap_test_result "mux switched back to the host (gpioset)" [ "$rc" = 0 ]

echo okay >$PDT$SENSOR/status
rc=$?
HW=$(hwmon_of $SENSOR)
step "sensor attach: echo okay > $SENSOR/status -> exit $rc, ${HW:-no hwmon}"
ktap_test_result "sensor attach: lm75 hwmon device appears" [ "$rc" = 0 -a "x$HW" != x ]
TEMP=$(cat "$HW/temp1_input" 2>/dev/null)
step "sensor read: temp1_input = ${TEMP:-none} (millidegrees C)"
ktap_test_result "sensor read: a temperature" [ "x$TEMP" != x ]
echo reserved >$PDT$SENSOR/status
rc=$?
step "sensor detach: echo reserved > $SENSOR/status -> exit $rc"
ok=1
[ "$rc" = 0 ] && [ -z "$(hwmon_of $SENSOR)" ] || ok=0
ktap_test_result "sensor detach: hwmon device gone" [ "$ok" = 1 ]

LED=/leds
echo okay >$PDT$LED/status && [ -d /sys/class/leds/dynamic-test ] && ok=1 || ok=0
echo reserved >$PDT$LED/status && [ ! -e /sys/class/leds/dynamic-test ] || ok=0
step "platform device: /leds attached and detached"
ktap_test_result "platform device (gpio-leds) attach and detach" [ "$ok" = 1 ]

ktap_finished
