#!/usr/bin/env bash
# The Flatpak manifest: valid JSON, accepted by flatpak-builder without a
# warning, and asking for no more sandbox holes than the app needs.
set -euo pipefail
manifest=$1
python3 -m json.tool "$manifest" >/dev/null
python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
want = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
assert sorted(m["finish-args"]) == sorted(want), "finish-args must be exactly %s" % want
assert m["id"] == "io.github.oslens.OSLens"
assert m["runtime"] == "org.gnome.Platform"
opts = m["modules"][-1]["config-opts"]
assert "--buildtype=release" in opts, "the module must build with --buildtype=release"
PY
if command -v flatpak-builder >/dev/null; then
  err=$(LC_ALL=C flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) || { echo "$err"; exit 1; }
  if [ -n "$err" ]; then
    echo "flatpak-builder warned: $err"
    exit 1
  fi
fi
echo "manifest ok"
