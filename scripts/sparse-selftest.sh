#!/usr/bin/env bash
# Prove that a sparse both understands Linux 7.3 and still checks something.
#   scripts/sparse-selftest.sh [SPARSE]     (default: build/sparse/bin/sparse)
# Exits non-zero, so that a harness can refuse the checker, when:
#  1. the probe of the kernel's scripts/checker-valid.sh (a __typeof_unqual__
#     declaration) makes sparse print an error: kbuild would then say "C=1
#     specified, but sparse is not available or not up to date", set
#     KBUILD_CHECKSRC=0 and check nothing (what bookworm's sparse 0.6.4 does);
#     when build/linux/scripts/checker-valid.sh exists, that script is run too;
#  2. sparse does not warn about a __user pointer dereference and about an int
#     stored in a __be32, checked with the flags kbuild passes for ARCH=arm.
. "$(dirname "$0")/common.sh"

SPARSE=${1:-${SPARSE:-$BUILD/sparse/bin/sparse}}
[ -x "$SPARSE" ] || command -v "$SPARSE" >/dev/null || die "no sparse at $SPARSE"
# What kbuild adds for a 32-bit little-endian ARM build (-Wbitwise is on by
# default in sparse; named so that no configuration can turn it off).
FLAGS=(-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise
       -Wno-return-void -Wno-unknown-attribute --arch=arm -mlittle-endian -m32)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# 1. The probe of Linux 7.3's scripts/checker-valid.sh, verbatim.
cat >"$tmp/unqual.c" <<'EOF'
static inline int u(const int *q)
{
	__typeof_unqual__(*q) v = *q;
	return v;
}
EOF
out=$("$SPARSE" "${FLAGS[@]}" "$tmp/unqual.c" 2>&1) || true
[ -z "$out" ] || printf '%s\n' "$out" | sed "s|$tmp/||"
if printf '%s\n' "$out" | grep -q error; then
	log "FAIL: $SPARSE does not understand __typeof_unqual__ (kbuild would skip C=1)"
	fail=1
else
	log "ok: __typeof_unqual__ accepted"
fi
if [ -x "$KSRC/scripts/checker-valid.sh" ]; then
	if [ "$(sh "$KSRC/scripts/checker-valid.sh" "$SPARSE" "${FLAGS[@]}")" = 1 ]; then
		log "ok: $KSRC/scripts/checker-valid.sh accepts it"
	else
		log "FAIL: $KSRC/scripts/checker-valid.sh rejects $SPARSE"
		fail=1
	fi
fi

# 2. Classic warnings, with the kernel's definitions of the annotations.
cat >"$tmp/warn.c" <<'EOF'
#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __bitwise	__attribute__((bitwise))
#else
# define __user
# define __bitwise
#endif
typedef unsigned int __bitwise __be32;

static int get(int __user *p)
{
	return *p;		/* dereference of noderef expression */
}

static __be32 mix(unsigned int x)
{
	__be32 b = x;		/* incorrect type in initializer */
	return b;
}
EOF
out=$("$SPARSE" "${FLAGS[@]}" "$tmp/warn.c" 2>&1) || true
[ -z "$out" ] || printf '%s\n' "$out" | sed "s|$tmp/||"
if printf '%s\n' "$out" | grep -q 'warning: dereference of noderef expression'; then
	log "ok: __user dereference reported"
else
	log "FAIL: no warning for a __user dereference"
	fail=1
fi
if printf '%s\n' "$out" | grep -q 'warning: incorrect type in initializer (different base types)'; then
	log "ok: __be32/int mixing reported"
else
	log "FAIL: no warning for an int stored in a __be32"
	fail=1
fi

[ "$fail" = 0 ] || die "$SPARSE ($("$SPARSE" --version 2>&1 | head -n 1)) is not fit for checking Linux 7.3"
log "passed: $SPARSE $("$SPARSE" --version 2>&1 | head -n 1)"
