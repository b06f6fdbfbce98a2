#!/bin/sh
# In the guest: attach, use and detach the host flash, with markers that
# the host finds in QEMU's trace: a read of ADC engine register 0x10 + 4 * N
# (nothing else reads it: the ADC's node is disabled on the AST2600 EVB, and
# on the AST2500 test board it is riser card A's, which stays reserved).
. /guest/files/nodes.sh
STATUS=$PDT$FLASH/status
mark() { devmem $((0x1e6e9010 + 4 * $1)) 32 >/dev/null; }

sleep 1			# let the boot settle: nothing may touch the flash
mark 0
mux bmc || exit 1	# the mux's pin change is in the trace too
echo okay >$STATUS || exit 1
mark 1
MTD=$(bios_mtd)
dd if=/dev/${MTD}ro of=/dev/null bs=64k count=4 2>/dev/null || exit 1
mark 2
echo reserved >$STATUS || exit 1
mark 3
mux host || exit 1
sleep 1			# the host owns the flash again: nothing may follow
exit 0
