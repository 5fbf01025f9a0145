#!/usr/bin/env bash
# Debian tools that jpackage calls to build Linux installers: dpkg-deb + fakeroot for .deb,
# rpmbuild for .rpm, objcopy (binutils) which jlink's --strip-debug uses.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
source "$root/bin/lib/apt.sh"
pagebook_apt_install fakeroot dpkg-dev binutils rpm
