#!/usr/bin/env bash
# dt-schema validation of what the series and the board touch, with the
# patched dtschema (scripts/setup-dtschema.sh):
# - dt-schema's own test suite, with the tests the patch adds;
# - the kernel's CHECK_DTBS=y build of each DTB the series changes
#   (e3c246d4i, qcom-dc-scm-v1), and dt-validate of them and of each board's
#   test DTB against their unpatched baselines (the DTS at "base", the
#   kernel's DTB of the board's machine): any warning the baseline does not
#   have, or any that mentions "dynamic", fails;
# - negative cases that prove it can fail.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

"$ROOT/scripts/setup-dtschema.sh" || { fail "install the patched dtschema"; suite_summary; exit 0; }
export PATH=$VENV/bin:$PATH
dsdir=$BUILD/dt-schema
work=$BUILD/tmp/dtbs-check
rm -rf "$work" && mkdir -p "$work"
kout=$(kernel_out test)

# 1. dt-schema's own tests
if (cd "$dsdir/patched" && python -m pytest -q -p no:cacheprovider test/test-dt-validate.py) >"$work/pytest.log" 2>&1; then
	pass "dt-schema test suite ($(tail -1 "$work/pytest.log"))"
else
	tail -20 "$work/pytest.log"
	fail "dt-schema test suite"
fi
core=$(python -c 'import dtschema, os; print(os.path.dirname(dtschema.__file__))')/schemas/dt-core.yaml
grep -q '^  dynamic:' "$core" && pass "the installed dtschema defines dynamic" ||
	fail "the installed dtschema defines dynamic"

# 2. the kernel's own dtbs check of every DTS the series changes, against
#    the same check at "base"
dtss=$(git -C "$KSRC" diff --name-only base..HEAD -- 'arch/arm/boot/dts/*.dts')
[ "$(echo "$dtss" | grep -c .)" = 2 ] || fail "the series changes two DTS (e3c246d4i, qcom-dc-scm-v1): $dtss"
for dts in $dtss; do
	dtb=${dts#arch/arm/boot/dts/}
	dtb=${dtb%.dts}.dtb
	rm -f "$kout/arch/arm/boot/dts/$dtb"
	if "$ROOT/scripts/kmake.sh" test -s CHECK_DTBS=y "$dtb" >"$work/check-dtbs.log" 2>&1; then
		if grep -qi dynamic "$work/check-dtbs.log"; then
			grep -i dynamic "$work/check-dtbs.log"
			fail "CHECK_DTBS=y $dtb: no warning about dynamic"
		else
			pass "CHECK_DTBS=y $dtb: no warning about dynamic ($(grep -c . "$work/check-dtbs.log") lines of stock warnings)"
		fi
	else
		tail -20 "$work/check-dtbs.log"
		fail "CHECK_DTBS=y $dtb builds"
	fi
done
schema=$kout/Documentation/devicetree/bindings/processed-schema.json

# validate DTB [SCHEMA]: the warnings, without the file name, sorted
validate() {
	dt-validate -s "${2:-$schema}" "$1" 2>&1 | sed 's|^[^ ]*\.dtb: ||' | sort -u
}
# compare KEY NAME BASELINE.dtb PATCHED.dtb
compare() {
	validate "$3" >"$work/$1.base"
	validate "$4" >"$work/$1.new"
	comm -13 "$work/$1.base" "$work/$1.new" >"$work/$1.added"
	if [ -s "$work/$1.added" ] || grep -qi dynamic "$work/$1.new"; then
		cat "$work/$1.added"
		fail "$2: no warning beyond the baseline's $(grep -c . "$work/$1.base"), none about dynamic"
	else
		pass "$2: no warning beyond the baseline's $(grep -c . "$work/$1.base"), none about dynamic"
	fi
}
for dts in $dtss; do
	name=$(basename "$dts" .dts)
	git -C "$KSRC" show "base:$dts" >"$work/$name-base.dts"
	"$ROOT/scripts/dtc-compile.sh" "$work/$name-base.dts" "$work/$name-base.dtb"
	compare "$name" "dt-validate $name.dtb" "$work/$name-base.dtb" \
		"$kout/${dts#arch/arm/boot/dts/}"
done
for b in $BOARDS; do
	kdtb=$(. "$ROOT/board/$b/board.sh" && echo "$BOARD_KERNEL_DTB")
	compare "board-$b" "dt-validate $b test DTB" "$kout/arch/arm/boot/dts/$kdtb" "$(board_dtb "$b")"
done

changed=$(git -C "$KSRC" diff --name-only base..HEAD -- 'Documentation/devicetree/bindings/*.yaml')
if [ -n "$changed" ]; then
	"$ROOT/scripts/kmake.sh" test -s dt_binding_check \
		DT_SCHEMA_FILES="$(echo "$changed" | tr '\n' ':')" >"$work/binding.log" 2>&1 &&
		pass "dt_binding_check of the binding YAML the series changes" ||
		{ tail -20 "$work/binding.log"; fail "dt_binding_check of the binding YAML the series changes"; }
else
	echo "dtbs-check: the series changes no binding YAML: no dt_binding_check to run"
fi

# 3. negative cases: each must be reported
board=$ROOT/board/ast2500/dynamic-test.dts
# negative NAME PATTERN FRAGMENT [SCHEMA]
negative() {
	{ cat "$board"; echo "$3"; } >"$work/neg.dts"
	"$ROOT/scripts/dtc-compile.sh" "$work/neg.dts" "$work/neg.dtb" 2>/dev/null
	if out=$(validate "$work/neg.dtb" "${4:-}" | grep -E "$2"); then
		pass "negative: $1 is reported: $(echo "$out" | head -1 | cut -c1-120)"
	else
		fail "negative: $1 is reported"
	fi
}
negative "dynamic = <1> (not a flag)" "dynamic" \
	'&spi1 { flash@0 { dynamic = <1>; }; };'
negative "dynamic without status" "'status' is a dependency of 'dynamic'" \
	'&i2c7 { lm75@4d { /delete-property/ status; }; };'

# dynamic on nodes whose bindings forbid unknown properties (jedec,spi-nor,
# lm75, gpio-leds), validated with the unpatched dtschema
PYTHONPATH=$dsdir/pristine python -c 'import sys; from dtschema.mk_schema import main; sys.exit(main())' \
	-j "$KSRC/Documentation/devicetree/bindings" >"$work/pristine-schema.json" 2>"$work/pristine.log"
if PYTHONPATH=$dsdir/pristine validate "$(board_dtb ast2500)" "$work/pristine-schema.json" |
	grep -E "dynamic' was unexpected|'dynamic' (does not match|was)" >"$work/pristine.hits"; then
	pass "negative: without the dt-schema patch, dynamic is refused ($(grep -c . "$work/pristine.hits") nodes)"
else
	fail "negative: without the dt-schema patch, dynamic is refused"
fi
suite_summary
