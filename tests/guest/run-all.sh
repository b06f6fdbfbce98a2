#!/bin/sh
# In the guest, test kernel: the functional tests, one boot. The host counts
# the KTAP lines.
cd /guest/files || exit 1
rc=0
sh ./smoke.sh || rc=1
sh ./dt/test_dynamic_status.sh /leds /ahb/spi@1e630000/flash@0 \
	/ahb/apb/bus@1e78a000/i2c@300/lm75@4d || rc=1
sh ./handover.sh || rc=1
sh ./permissions.sh || rc=1
sh ./endurance.sh || rc=1
sh ./kernel-log.sh || rc=1
exit $rc
