#!/bin/sh
# In the guest, a teeth kernel (tests/suites/teeth.sh: one kmalloc(16)
# left behind per status change to "okay", tests/teeth/leak.patch): the
# endurance test with few cycles, whose leak check must fail on every
# node (the suite turns that into its passes); the kernel log is read
# after it (runner.sh). TEETH_CYCLES, TEETH_FLASH_CYCLES (the host's
# settings, through /guest/files/env): cycles per node, in two halves.
cd /guest/files || exit 1
. ./runner.sh
[ -f env ] && . ./env
export ENDURANCE_CYCLES=${TEETH_CYCLES:-200}
export ENDURANCE_FLASH_CYCLES=${TEETH_FLASH_CYCLES:-40}
run endurance.sh
exit $rc
