#!/bin/sh
# In the guest (R4 c): detach the host flash while its MTD device is open
# and being written, through mtdblock and through the MTD character device,
# then use the stale file descriptors. Before "mtd: spi-nor: keep the flash
# alive while its MTD device is in use" the stale read was a use-after-free
# (spi-nor devm-freed the structure that holds the mtd_info).
. /guest/files/kselftest/ktap_helpers.sh
. /guest/files/nodes.sh

NODE=$FLASH
F=$PDT$NODE/status

ktap_print_header
ktap_set_plan 5

echo okay >$F
m=$(bios_mtd)
if [ -z "$m" ]; then
	ktap_test_fail "the host flash attaches"
	ktap_exit_fail_msg "no MTD device for $NODE"
fi
dd if=/dev/zero of=/dev/mtdblock${m#mtd} bs=64k count=64 2>/tmp/blk.err &
blk=$!
dd if=/dev/zero of=/dev/$m bs=4k 2>/tmp/chr.err &
chr=$!
exec 5</dev/${m}ro
sleep 1

t0=$(cut -d' ' -f1 /proc/uptime)
echo reserved >$F
rc=$?
t1=$(cut -d' ' -f1 /proc/uptime)
ktap_print_msg "reserved with $m open, two writers: write returned $rc after $(echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}') s, status $(node_status $NODE), SPI device: $(device_of $NODE | grep -q . && echo present || echo gone)"
ktap_test_result "reserved while the MTD device is open and written succeeds, the SPI device goes" \
	[ $rc -eq 0 -a -z "$(device_of $NODE)" ]

# the writers end, with an error or not, within 30 s
running() { grep -q '^State:.*[RSD]' /proc/$1/status 2>/dev/null; }
ok=1
for p in $blk $chr; do
	n=0
	while running $p && [ $n -lt 150 ]; do sleep 0.2; n=$((n + 1)); done
	running $p && ok=0
done
wait $blk; rb=$?
wait $chr; rcw=$?
ktap_print_msg "mtdblock writer: exit $rb ($(tail -c 200 /tmp/blk.err | tr '\n' ' '))"
ktap_print_msg "mtd char writer: exit $rcw ($(tail -c 200 /tmp/chr.err | tr '\n' ' '))"
ktap_test_result "the writers finish or fail, none hangs" [ $ok = 1 ]

err=$(dd bs=4k count=1 <&5 2>&1 >/dev/null)
rr=$?
ktap_print_msg "stale read: exit $rr ($err)"
ktap_test_result "a read through the stale file descriptor fails" [ $rr -ne 0 ]
exec 5<&-

ktap_test_result "the MTD device is gone once closed" [ -z "$(bios_mtd)" ]

ok=1
echo okay >$F || ok=0
m=$(bios_mtd)
[ -n "$m" ] && dd if=/dev/${m}ro bs=64k count=4 of=/dev/null 2>/dev/null || ok=0
echo reserved >$F && [ -z "$(device_of $NODE)" ] && [ -z "$(bios_mtd)" ] || ok=0
ktap_test_result "attach, read and detach work again afterwards" [ $ok = 1 ]
ktap_finished
