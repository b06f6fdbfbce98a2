#!/bin/sh
# In the guest, debug kernel (lockdep, kmemleak, debug objects): bad input
# (R1), faults including a detach under an open MTD device (R4),
# permissions (R5), concurrency with the parents rebinding (R2), endurance
# (R3), then kmemleak and the kernel log. The host counts the KTAP lines.
cd /guest/files || exit 1
K=/sys/kernel/debug/kmemleak
# start from a clean list (kmemleak.sh also leaves boot-time objects out)
[ -w $K ] && { echo scan >$K; echo clear >$K; }
rc=0
sh ./fuzz.sh || rc=1
sh ./faults.sh || rc=1
sh ./detach-open-mtd.sh || rc=1
sh ./permissions.sh || rc=1
sh ./concurrency.sh || rc=1
ENDURANCE_CYCLES=${ENDURANCE_CYCLES:-10000} ENDURANCE_FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-1000} \
	sh ./endurance.sh || rc=1
sh ./kmemleak.sh || rc=1
sh ./kernel-log.sh || rc=1
exit $rc
