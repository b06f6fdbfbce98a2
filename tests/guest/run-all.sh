#!/bin/sh
# In the guest, test kernel: the functional tests, one boot: smoke test, the
# series' kselftest, the GPIO hog, a write to the sensor during a flash
# detach (overlap), the flash written with flashrom (Debian's armel build),
# the handover with flashcp, permissions (R5), generated invalid
# writes (R1), endurance (R3); the kernel log is read after each
# script (runner.sh). The host reads the verdicts (tests/ktap.py).
cd /guest/files || exit 1
. ./runner.sh
. ./nodes.sh
run smoke.sh
run dt/test_dynamic_status.sh $LEDS $FLASH $SENSOR
run hog.sh
run overlap.sh
run flashrom.sh
run handover.sh
run permissions.sh
run fuzz.sh
run endurance.sh
exit $rc
