#!/bin/sh
# Makes the start-up (AOT) cache of an installed Pagebook, where it is installed: the JVM refuses a
# cache made at another path, so the packages ship this training run instead of a cache. The .deb's
# postinst and the .rpm's %post run it; run it again by hand after moving the app. It runs one cell
# (`pagebook train-startup`, and the window too when xvfb-run is installed), writes
# lib/app/pagebook.aot (~150 MB) and adds -XX:AOTCache to lib/app/Pagebook.cfg. Half a minute or so.
#   train-startup.sh [--remove]   (--remove: drop the cache and its option again)
set -eu
app=$(cd "$(dirname "$0")" && pwd)
launcher=$app/../../bin/Pagebook
cfg=$app/Pagebook.cfg
aot=$app/pagebook.aot

# The option goes right under [JavaOptions]; -Xlog:aot=off keeps a cache that no longer fits (a moved
# app) from printing errors at every start, as the JVM then starts without it anyway.
without_option() {
  grep -v -e '^java-options=-XX:AOTCache=' -e '^java-options=-Xlog:aot=off' "$cfg" > "$cfg.new" || true
  mv "$cfg.new" "$cfg"
}

without_option
rm -f "$aot"
[ "${1:-}" = --remove ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -- "$app/startup-training.html" "$work/out.html"
if command -v xvfb-run >/dev/null 2>&1; then
  set -- "$@" --window
  display=xvfb-run
else
  display=
fi
# A home of its own: the training must not leave settings or caches in root's home.
if HOME=$work JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$aot.tmp" ${display:+$display -a} "$launcher" train-startup "$@" \
     > "$work/log" 2>&1 && [ -f "$aot.tmp" ]; then
  mv "$aot.tmp" "$aot"
  awk '{ print } /^\[JavaOptions\]\r?$/ { print "java-options=-XX:AOTCache=$APPDIR/pagebook.aot"; print "java-options=-Xlog:aot=off" }' \
    "$cfg" > "$cfg.new"
  mv "$cfg.new" "$cfg"
else
  rm -f "$aot.tmp"
  # The JVM lists hundreds of classes it left out of the cache; the reason for the failure is elsewhere.
  grep -v '\]\[aot\] Skipping ' "$work/log" | tail -n 20 >&2
  echo "pagebook: the start-up cache could not be made (above); Pagebook starts without it." >&2
  exit 1
fi
