#!/bin/sh
# In the guest, KASAN kernel (KASAN, lockdep, kmemleak, debug objects; by
# hand also the debug kernel, with slab poisoning): the series' KUnit
# suites that ran at boot, faults including a detach under an open MTD
# device (R4), concurrency with the parents rebinding (R2), endurance (R3),
# generated invalid writes (R1: 100 per node, as in the test kernel's
# run-all.sh; the bulk runs in KUnit) and the permissions (R5), then
# kmemleak; the kernel log is read after each script (runner.sh).
cd /guest/files || exit 1
K=/sys/kernel/debug/kmemleak
# start from a clean list (kmemleak.sh also leaves boot-time objects out)
[ -w $K ] && { echo scan >$K; echo clear >$K; }
. ./runner.sh
run kunit.sh
run faults.sh
run detach-open-mtd.sh
run concurrency.sh
export FUZZ_WRITES=${FUZZ_WRITES:-100}
run fuzz.sh
run permissions.sh
# kmemleak and KASAN see every allocation of a cycle within a few hundred
# cycles; the slab counts are exact to the object (nodes.sh), so a leak of
# one object per cycle is 30 objects per flash half, against 15 allowed.
export ENDURANCE_CYCLES=${ENDURANCE_CYCLES:-400}
export ENDURANCE_FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-60}
run endurance.sh
run kmemleak.sh
exit $rc
