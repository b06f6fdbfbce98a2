#!/bin/sh
# In the guest, test kernel, one boot per riser card (tests/suites/riser.sh):
# the riser test, then the kernel log scan (runner.sh).
cd /guest/files || exit 1
. ./runner.sh
run riser.sh
run consumers.sh
exit $rc
