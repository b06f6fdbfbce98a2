#!/usr/bin/env bash
# The series must not break kernels that do not enable OF_DYNAMIC (nor
# OF_DYNAMIC_STATUS): build the code it touches (drivers/of, the SPI and I2C
# cores, the MTD core, spi-nor, spi-aspeed-smc) with the stock
# aspeed_g5_defconfig (OF_KOBJ on, OF_DYNAMIC off), at the tip of the series.
. "$(dirname "$0")/../../scripts/common.sh"
. "$ROOT/tests/lib.sh"

out=$(kernel_out nodyn)
mk() { "$ROOT/scripts/kmake.sh" nodyn -s "$@"; }
mkdir -p "$out"
# Compile them again on every run: W=1 warnings only show when a file builds.
rm -f "$out"/drivers/of/*.o "$out"/drivers/spi/spi-aspeed-smc.o "$out"/drivers/spi/spi.o \
	"$out"/drivers/i2c/i2c-core-*.o "$out"/drivers/mtd/spi-nor/core.o "$out"/drivers/mtd/mtdc*.o
if mk aspeed_g5_defconfig >/dev/null && ! grep -q '^CONFIG_OF_DYNAMIC=y' "$out/.config" &&
   mk W=1 drivers/of/ drivers/spi/spi-aspeed-smc.o drivers/spi/spi.o drivers/i2c/i2c-core-base.o \
	drivers/i2c/i2c-core-of.o drivers/mtd/spi-nor/core.o drivers/mtd/mtdcore.o \
	drivers/mtd/mtdchar.o >"$BUILD/tmp/nodyn.log" 2>&1 &&
   ! grep -q 'warning:' "$BUILD/tmp/nodyn.log"; then
	pass "the code the series touches builds without OF_DYNAMIC, no W=1 warning"
else
	tail -20 "$BUILD/tmp/nodyn.log" 2>/dev/null
	fail "the code the series touches builds without OF_DYNAMIC, no W=1 warning"
fi
suite_summary
