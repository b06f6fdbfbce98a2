#!/bin/sh
# In the guest, the AST2600's KASAN kernel with fault injection (the
# fault-injection suite): every allocation of a status write failed in
# turn, one path per script run (fail-nth.sh: platform, I2C, flash, a
# subtree, rejected writes), then kmemleak; the kernel log is read after
# each run (runner.sh). FAULT_PATHS (/guest/files/env) picks paths by hand.
cd /guest/files || exit 1
[ -f ./env ] && . ./env
K=/sys/kernel/debug/kmemleak
# start from a clean list (kmemleak.sh also leaves boot-time objects out)
[ -w $K ] && { echo scan >$K; echo clear >$K; }
. ./runner.sh
# fw_devlink reports each device link it fails to make ("Failed to create
# device link", a report everywhere else): here the allocation of one is
# failed on purpose, and fail-nth.sh checks instead that the next clean
# attach makes the links a clean attach made before the sweep
KLOG_PATTERNS=$(echo "$KLOG_PATTERNS" | sed 's/|Failed to create device link//')
for p in ${FAULT_PATHS:-platform i2c flash subtree rejected}; do
	run fail-nth.sh "$p"
done
run kmemleak.sh
exit $rc
