#!/usr/bin/env bash
# Fetches the browser runtime that PyScript exports embed or pin: @pyscript/core and Pyodide from
# npm, bundled PyScript core (one ES module, so an offline page can import it from a blob: URL),
# and the pure-Python wheels the export tests use. Versions come from the parent pom.
# Everything lands in a cache outside the repository; a second run only checks stamps.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -n1; }
core_version=$(prop pyscript.core.version)
pyodide_version=$(prop pyodide.version)
cache=${PAGEBOOK_CACHE:-$HOME/.cache/pagebook}
core_dir=$cache/pyscript/core-$core_version
pyodide_dir=$cache/pyodide/$pyodide_version
packages_dir=$pyodide_dir/packages
tools_dir=$cache/tools

if [ ! -f "$core_dir/.done" ]; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "@pyscript/core@$core_version" >/dev/null && tar xzf pyscript-core-*.tgz)
  mkdir -p "$tools_dir"
  if [ ! -x "$tools_dir/node_modules/.bin/esbuild" ]; then
    npm install --silent --no-audit --no-fund --prefix "$tools_dir" esbuild@0.25.12 >/dev/null
  fi
  rm -rf "$core_dir"; mkdir -p "$core_dir"
  cp -r "$tmp/package/dist" "$core_dir/dist"
  # Offline pages import PyScript from a blob: URL, where the dist's relative chunk imports
  # cannot resolve, so the core and all its chunks are folded into one module.
  "$tools_dir/node_modules/.bin/esbuild" "$core_dir/dist/core.js" --bundle --format=esm --minify \
    --log-level=warning --outfile="$core_dir/pyscript-core.bundle.js"
  touch "$core_dir/.done"
fi

if [ ! -f "$pyodide_dir/.done" ]; then
  tmp2=$(mktemp -d)
  (cd "$tmp2" && npm pack --silent "pyodide@$pyodide_version" >/dev/null && tar xzf pyodide-*.tgz)
  mkdir -p "$pyodide_dir"
  for f in pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip pyodide-lock.json; do
    cp "$tmp2/package/$f" "$pyodide_dir/$f"
  done
  rm -rf "$tmp2"
  touch "$pyodide_dir/.done"
fi

# Pure-Python wheels listed in Pyodide's lock file are the same files PyPI serves; the export
# tests use these. Binary ones (numpy, matplotlib) are only on Pyodide's CDN for this ABI.
wanted="six==1.17.0 python-dateutil==2.9.0.post0"
stamp="$packages_dir/.done-$(echo "$wanted" | tr ' =' '_-')"
if [ ! -f "$stamp" ]; then
  mkdir -p "$packages_dir"
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$packages_dir" $wanted
  touch "$stamp"
fi
echo "pyscript assets: $core_dir, $pyodide_dir"
