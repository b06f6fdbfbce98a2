#!/bin/sh
# In the guest (R4 c): detach the host flash while its MTD device is open
# and being written, then read the stale file descriptor. spi-nor frees the
# structure that holds the mtd_info with devm when it unbinds, while MTD
# removal only drops a reference: in 6.12 the read is a use-after-free (the
# sysfs unbind path that OpenBMC uses has it too). The host looks at how
# this boot ends.
F=/proc/device-tree/ahb/spi@1e630000/flash@0/status
echo okay >$F || exit 1
m=$(grep '"bios"' /proc/mtd | cut -d: -f1)
dd if=/dev/zero of=/dev/mtdblock${m#mtd} bs=64k 2>/dev/null &
exec 5</dev/${m}ro
sleep 1
echo reserved >$F
echo "detach-open-mtd: reserved returned $?"
wait
dd bs=4k count=1 <&5 >/dev/null 2>&1
echo "detach-open-mtd: stale read returned $?"
exec 5<&-
exit 0
