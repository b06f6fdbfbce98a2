#!/usr/bin/env bash
# Assemble the files the in-guest tests need into DIR (it becomes
# /guest/files in the guest): tests/guest/*.sh, the series' kselftest for
# dynamic nodes with the KTAP helpers, the board's node paths
# (board/$BOARD/nodes.sh, as board.sh), two fresh BIOS images with their
# sha256 (random, the size of the board's host flash chip): bios.img, the
# new image of the handover, and bios-alt.img, which flashrom.sh writes
# before it, so that the handover's write changes every sector; and the
# number of cases each of the series' KUnit suites declares in the kernel
# source (kunit.cases, "SUITE COUNT" lines, for kunit.sh).
# Usage: guest-files.sh DIR
. "$(dirname "$0")/common.sh"

dir=${1:?usage: guest-files.sh DIR}
rm -rf "$dir"
mkdir -p "$dir/dt" "$dir/kselftest"
cp "$ROOT"/tests/guest/*.sh "$dir/"
cp "$BOARD_DIR/nodes.sh" "$dir/board.sh"
cp "$KSRC/tools/testing/selftests/kselftest/ktap_helpers.sh" "$dir/kselftest/"
if [ -f "$KSRC/tools/testing/selftests/dt/test_dynamic_status.sh" ]; then
	cp "$KSRC/tools/testing/selftests/dt/test_dynamic_status.sh" "$dir/dt/"
fi
for img in bios.img bios-alt.img; do
	head -c $((BOARD_FLASH_MIB * 1024 * 1024)) /dev/urandom >"$dir/$img"
	(cd "$dir" && sha256sum "$img" >"$img.sha256")
done
# empty when the tree has no such suite: kunit.sh then fails
python3 "$ROOT/scripts/kunit-cases.py" of_dynamic_status "$KSRC"/drivers/of/*.c >"$dir/kunit.cases" ||
	log "no KUnit suite of_dynamic_status* in $KSRC/drivers/of"
# Seed of the generated invalid writes (tests/guest/fuzz.sh): FUZZ_SEED=N
# replays a run.
seed=${FUZZ_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "FUZZ_SEED=$seed" >"$dir/env"
log "fuzz seed: $seed (replay with FUZZ_SEED=$seed)"
