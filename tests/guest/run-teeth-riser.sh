#!/bin/sh
# In the guest, a teeth kernel with riser card A in the slot
# (tests/suites/teeth.sh): the riser test with few cycles, whose leak
# check must fail on the card's subtree (two writes of "okay" per cycle);
# the kernel log is read after it (runner.sh). TEETH_RISER_CYCLES (the
# host's setting, through /guest/files/env): the measured cycles.
cd /guest/files || exit 1
. ./runner.sh
[ -f env ] && . ./env
export RISER_CYCLES=${TEETH_RISER_CYCLES:-20}
run riser.sh
exit $rc
