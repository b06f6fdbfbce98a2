#!/usr/bin/env bash
# By hand, not part of make check: show that the endurance check of
# tests/guest/endurance.sh has teeth. Builds the test kernel with a
# deliberate leak in of_node_set_status(): every change to "okay" allocates
# 64 bytes and keeps them on a list, so kmemleak cannot see a leak and only
# the slab figures can. Boots it, runs the endurance test with
# TEETH_CYCLES cycles (default 2,000; 200 for the flash), which must FAIL,
# then restores the source and rebuilds the test kernel.
# Usage: tests/teeth/leak-check.sh
. "$(dirname "$0")/../../scripts/common.sh"

f=$KSRC/drivers/of/dynamic.c
git -C "$KSRC" diff --quiet -- drivers/of/dynamic.c || die "$f has uncommitted changes"
trap 'git -C "$KSRC" checkout -- drivers/of/dynamic.c; "$ROOT/scripts/build-kernel.sh" test >/dev/null' EXIT

python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
helper = """
struct teeth_leak { struct list_head node; char pad[56]; };
static LIST_HEAD(teeth_leaks);
static void teeth_leak(void)
{
	struct teeth_leak *t = kmalloc(sizeof(*t), GFP_KERNEL);

	if (t)
		list_add(&t->node, &teeth_leaks);
}
"""
anchor = "int of_node_set_status(struct device_node *np, const char *status)\n"
assert anchor in s
s = s.replace(anchor, helper + "\n" + anchor, 1)
call = "\tif (ret) {\n\t\tpr_warn(\"%pOF: no device for status"
assert call in s
s = s.replace(call, "\tif (!ret && of_property_status_ok(newprop))\n\t\tteeth_leak();\n" + call, 1)
open(p, "w").write(s)
PY
"$ROOT/scripts/build-kernel.sh" test || die "the leaking kernel does not build"
"$ROOT/scripts/build-dtb.sh"
files=$BUILD/tmp/teeth-files
"$ROOT/scripts/guest-files.sh" "$files" >/dev/null
cat >"$BUILD/tmp/teeth.sh" <<SH
#!/bin/sh
cd /guest/files
export ENDURANCE_CYCLES=${TEETH_CYCLES:-2000} ENDURANCE_FLASH_CYCLES=$(( ${TEETH_CYCLES:-2000} / 10 ))
. ./runner.sh
run endurance.sh
exit \$rc
SH
set +e
GUEST_FILES=$files "$ROOT/scripts/guest-run.sh" "$BUILD/tmp/teeth.sh" | tee "$BUILD/tmp/teeth.log" | grep -E '^(not )?ok|^# .*cycles'
set -e
if grep -q '^not ok' "$BUILD/tmp/teeth.log"; then
	log "the leak is caught: the endurance check fails on the leaking kernel"
else
	log "error: the endurance check passed on a kernel that leaks 64 bytes per attach"
	exit 1
fi
