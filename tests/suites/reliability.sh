#!/usr/bin/env bash
# R1-R5 on the debug kernel (board/config/debug.config), in one boot:
# generated invalid writes, failed probes, unbound parents and a detach
# under an open MTD device, permissions, concurrent writers and readers
# with the parents rebinding, 10,000-cycle endurance, kmemleak, and a
# kernel log scan.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

work=$BUILD/tmp/reliability
"$ROOT/scripts/build-kernel.sh" debug || { fail "debug kernel builds"; suite_summary; exit 0; }
"$ROOT/scripts/guest-files.sh" "$work/files"
set +e
KERNEL=debug GUEST_FILES=$work/files GUEST_TIMEOUT=1800 \
	"$ROOT/scripts/guest-run.sh" "$ROOT/tests/guest/run-reliability.sh" | tee "$work/console.log"
rc=${PIPESTATUS[0]}
set -e
ktap_results "$work/console.log"
runner_result "$rc" run-reliability.sh

suite_summary
