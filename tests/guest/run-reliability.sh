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
# run SCRIPT [ARGS]: as kselftest's runner does, the exit status is part of
# the verdict (4: skipped); the host reads these markers (tests/ktap.py).
run() {
	echo "# script: $1"
	sh "./$@"
	r=$?
	echo "# exit: $1 $r"
	[ $r -eq 0 ] || [ $r -eq 4 ] || rc=1
}
run fuzz.sh
run faults.sh
run detach-open-mtd.sh
run permissions.sh
run concurrency.sh
export ENDURANCE_CYCLES=${ENDURANCE_CYCLES:-10000}
export ENDURANCE_FLASH_CYCLES=${ENDURANCE_FLASH_CYCLES:-1000}
run endurance.sh
run kmemleak.sh
run kernel-log.sh
exit $rc
