# Harness of the "dynamic DT nodes" kernel series. See README.md.
.PHONY: all setup tree kernel dtb demo bench check export export-check postings-plan postings-mail guest-run \
	harness kunit checkpatch bisect-build submission posting-checks struct-sizes trace-proof config-variants dtbs-check \
	reliability fault-injection bench-smoke riser clean

all: check

setup:
	@scripts/setup.sh

tree: setup
	@scripts/prepare-tree.sh

kernel: tree
	@scripts/build-kernel.sh test
	@scripts/build-dtb.sh

demo:
	@scripts/demo.sh

# one boot that measures the status write against bind/unbind, new_device
# and OpenBMC's handover (not part of check, which runs bench-smoke)
bench:
	@scripts/bench.sh

check:
	@tests/check.sh

# make export [DEFINITION=file] [OUT=dir]: the commits of build/linux as
# postings (default: patches/linux/postings -> patches/linux)
export:
	@scripts/export.sh $(if $(DEFINITION),-d $(DEFINITION)) $(OUT)

export-check:
	@scripts/export-check.sh

# how the definition slices base..HEAD, nothing written (make postings-plan [DEFINITION=file])
postings-plan:
	@scripts/export.sh -n $(if $(DEFINITION),-d $(DEFINITION))

# mail-ready postings from git config user.name/user.email -> build/postings
# (make postings-mail [SRC=dir] [DEFINITION=file] [OUT=dir])
postings-mail:
	@scripts/postings-mail.sh $(if $(DEFINITION),-d $(DEFINITION)) $(if $(SRC),-s $(SRC)) $(OUT)

# make guest-run SCRIPT=path/to/script.sh [BOARD=ast2600] [GUEST_FLASH=file] [GUEST_FILES=dir] [DEBUG=1 | KASAN=1]
# (KASAN=1: the KASAN kernel, ARMv7 only: BOARD=ast2600)
GUEST_KERNEL = $(if $(filter 1,$(KASAN)),kasan,$(if $(filter 1,$(DEBUG)),debug,test))
guest-run:
	@test -n "$(SCRIPT)" || { echo "usage: make guest-run SCRIPT=<host path> [BOARD=ast2600] [GUEST_FLASH=<file>] [DEBUG=1 | KASAN=1]"; exit 2; }
	@scripts/build-kernel.sh $(GUEST_KERNEL) >/dev/null && scripts/build-dtb.sh
	@KERNEL=$(GUEST_KERNEL) GUEST_FLASH="$(GUEST_FLASH)" GUEST_FILES="$(GUEST_FILES)" scripts/guest-run.sh "$(SCRIPT)"

# Single suites, through the same runner as make check (non-zero on failure).
harness kunit checkpatch bisect-build submission posting-checks struct-sizes riser trace-proof config-variants dtbs-check reliability fault-injection bench-smoke:
	@tests/check.sh $@

clean:
	rm -rf build/kernel-* build/kunit build/tmp build/dtb build/demo
