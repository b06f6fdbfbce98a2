#!/usr/bin/env bash
# By hand: the teeth suite of make check (tests/suites/teeth.sh), alone.
# It builds the teeth kernel (the test configuration with
# tests/teeth/leak.patch, in a worktree of build/linux: build/linux itself
# is not touched), boots it on each board and with riser card A, and
# passes only when the leak check fails on every path.
# Usage: tests/teeth/leak-check.sh    (TEETH_FLAVOUR=kasan-teeth BOARDS=ast2600: the KASAN configuration)
exec "$(dirname "$0")/../check.sh" teeth
