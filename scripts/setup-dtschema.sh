#!/usr/bin/env bash
# Install dtschema from its PyPI sdist into build/venv with patches/dt-schema/
# applied, plus yamllint and pytest. Keeps the patched source tree (for
# dt-schema's own tests) and a pristine one (to show what fails without the
# patches) in build/dt-schema/. Idempotent.
#
# Pinned to 2026.9: the newest release, made during the Linux 7.3 cycle
# (7.3 needs at least 2024.4). 2024.11, the 6.12 pin, also passes 7.3's
# minimum, but it predates 7.3's bindings: dt-mk-schema warns "missing type
# definition" for their "-db" and "-picoamp" properties, and on 7.3's
# ASPEED DTBs it reports errors 2026.9 does not (i2cr "#address-cells" on
# the IBM Rainier/Everest boards, a follow-on "'compatible' was unexpected"
# on the IBM System1 TPM). The same patch applies to both releases.
. "$(dirname "$0")/common.sh"

DTSCHEMA_VERSION=2026.9
dir=$BUILD/dt-schema
stamp=$( (echo "$DTSCHEMA_VERSION"; cat "$DTS_SERIES_DIR"/*.patch 2>/dev/null) | sha256sum | cut -c1-16)
if [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$VENV/bin/dt-validate" ]; then
	exit 0
fi

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
rm -rf "$dir"
mkdir -p "$dir/dl"
log "fetching the dtschema $DTSCHEMA_VERSION sdist"
"$VENV/bin/pip" download -q --no-deps --no-binary :all: -d "$dir/dl" "dtschema==$DTSCHEMA_VERSION"
for t in pristine patched; do
	mkdir -p "$dir/$t"
	tar -C "$dir/$t" --strip-components=1 -xzf "$dir/dl/dtschema-$DTSCHEMA_VERSION.tar.gz"
done
while read -r p; do
	[ -n "$p" ] || continue
	log "applying $p"
	patch -s -p1 --no-backup-if-mismatch -d "$dir/patched" <"$DTS_SERIES_DIR/$p" ||
		die "$p does not apply to dtschema $DTSCHEMA_VERSION"
done < <(grep -v '^#' "$DTS_SERIES_DIR/series")
log "installing the patched dtschema, yamllint and pytest into build/venv"
"$VENV/bin/pip" install -q "$dir/patched" yamllint pytest
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$dir/patched"
echo "$stamp" >"$dir/.stamp"
