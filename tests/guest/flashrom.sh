#!/bin/sh
# In the guest: the host BIOS flash written with flashrom's linux_mtd
# programmer, as OpenBMC's updater does for images with an Intel flash
# descriptor: attach by status, flashrom -w (it reads the chip, erases and
# writes what differs, and verifies), read back, detach. Debian's armel
# flashrom (scripts/setup-guest-tools.sh). It writes bios-alt.img, not the
# handover's bios.img: handover.sh, which runs next, then writes an image
# that differs from what the flash holds in every sector.
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

IMG=/guest/files/bios-alt.img
WANT=$(cut -d' ' -f1 /guest/files/bios-alt.img.sha256)
now() { cut -d' ' -f1 /proc/uptime; }
since() { awk "BEGIN { printf \"%.2f\", $(now) - $1 }"; }

ktap_print_header
ktap_set_plan 4
command -v flashrom >/dev/null || ktap_exit_fail_msg "no flashrom in the guest"

echo okay >"$PDT$FLASH/status"
rc=$?
MTD=$(bios_mtd)
ktap_test_result "attach: echo okay -> exit $rc, MTD ${MTD:-none}" [ "$rc" = 0 -a "x$MTD" != x ]
[ -n "$MTD" ] || ktap_exit_fail_msg "no MTD device to write"

t=$(now)
flashrom -p linux_mtd:dev=${MTD#mtd} -w $IMG >/tmp/flashrom.log 2>&1
rc=$?
grep -e 'Found' -e 'done' -e 'VERIFIED' -e 'FAILED' -e 'rror' /tmp/flashrom.log | sed 's/^/# flashrom: /'
grep -q VERIFIED /tmp/flashrom.log || rc=${rc}-unverified
ktap_test_result "flashrom -p linux_mtd:dev=${MTD#mtd} -w: exit $rc in $(since "$t") s, verified" \
	[ "$rc" = 0 ]

GOT=$(dd if=/dev/${MTD}ro bs=64k 2>/dev/null | sha256sum | cut -d' ' -f1)
ktap_test_result "read back matches the image (sha256)" [ "$GOT" = "$WANT" ]

echo reserved >"$PDT$FLASH/status"
rc=$?
ktap_test_result "detach: echo reserved -> exit $rc, MTD gone" [ "$rc" = 0 -a -z "$(bios_mtd)" ]
ktap_finished
