#!/usr/bin/env bash
# The CPython the kernel benchmark compares GraalPy with: the host's python3 (3.11 here) in a venv
# with the same numpy/matplotlib versions as the science venv, from PyPI's CPython wheels.
#   kernel/science/cpython-peer.sh   -> prints the peer's python path (builds it on first use)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
peer=${PAGEBOOK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pagebook}/science/cpython-peer
pins=$(grep -E '^(numpy|matplotlib|contourpy|kiwisolver|pillow|fonttools|cycler|pyparsing|python-dateutil|six|packaging)==' \
  "$here/requirements.txt")
stamp=$peer/.complete-$(echo "$pins" | sha256sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  rm -rf "$peer"
  "${PAGEBOOK_CPYTHON:-python3}" -m venv "$peer" >&2
  # shellcheck disable=SC2086
  "$peer/bin/python" -m pip install -q --disable-pip-version-check --only-binary :all: $pins >&2
  touch "$stamp"
fi
echo "$peer/bin/python"
