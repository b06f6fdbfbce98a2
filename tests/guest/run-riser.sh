#!/bin/sh
# In the guest, test kernel, one boot per riser card (tests/suites/riser.sh):
# the consumers outside the board's dynamic subtrees (first: they check
# the state at boot), the riser test; the kernel log is read after each
# (runner.sh).
cd /guest/files || exit 1
. ./runner.sh
run consumers.sh
run riser.sh
exit $rc
