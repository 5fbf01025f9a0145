#!/usr/bin/env bash
# Builds Pagebook's installers with jpackage: a jlinked Java runtime, the app's jars, the JVM flags
# of bin/pagebook (Graal JIT), the icon, the desktop entry and, when built, the numpy/matplotlib venv.
#
#   installer/build-installer.sh [--type deb|rpm|msi|dmg|app-image]... [--with-science|--without-science]
#                                [--dest DIR] [--print-jdeps]
#
# Without --type it builds what this OS can: .deb (and .rpm when rpmbuild is installed) on Linux,
# .msi on Windows (needs WiX), .dmg on macOS. jpackage cannot cross-build. Output: installer/target/dist.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
here=$root/installer
# shellcheck source=../bin/lib/jdk.sh
source "$root/bin/lib/jdk.sh"

types=() science=auto dest=$here/target/dist print_jdeps=0
while [ $# -gt 0 ]; do
  case $1 in
    --type|--dest) [ $# -ge 2 ] || { echo "build-installer: $1 needs a value (see --help)" >&2; exit 2; } ;;
  esac
  case $1 in
    --type) types+=("$2"); shift 2 ;;
    --with-science) science=yes; shift ;;
    --without-science) science=no; shift ;;
    --dest) dest=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --print-jdeps) print_jdeps=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-installer: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

pagebook_use_jdk || exit 1
for tool in jlink jpackage jdeps; do
  if [ ! -x "$JAVA_HOME/bin/$tool" ] && [ ! -x "$JAVA_HOME/bin/$tool.exe" ]; then
    echo "build-installer: $JAVA_HOME has no $tool; use a full JDK 21+ (e.g. Temurin 25) via PAGEBOOK_JAVA_HOME" >&2
    exit 1
  fi
done

os=$(uname -s)
if [ ${#types[@]} -eq 0 ]; then
  case $os in
    Linux) types=(deb); command -v rpmbuild >/dev/null 2>&1 && types+=(rpm) ;;
    Darwin) types=(dmg) ;;
    MINGW*|MSYS*|CYGWIN*) types=(msi) ;;
    *) echo "build-installer: no installer type known for $os; pass --type app-image" >&2; exit 2 ;;
  esac
fi

started=$SECONDS
step() { printf '== build-installer [%3ds]: %s\n' $((SECONDS - started)) "$*" >&2; }
mb() { du -sm "$1" | cut -f1; }

app_target=$root/app/target
if [ "${PAGEBOOK_NO_BUILD:-}" != 1 ]; then
  step "building the app and this module's helpers"
  "$root/bin/build" -q -DskipTests install -pl app,installer -am >&2
fi
for needed in "$app_target/lib/pagebook-app.jar" "$app_target/pagebook.args" "$here/target/classes/dev/pagebook/installer/LauncherOptions.class"; do
  [ -f "$needed" ] || { echo "build-installer: $needed is missing; build first (bin/build -DskipTests install)" >&2; exit 1; }
done
helpers=$here/target/classes

if [ $print_jdeps = 1 ]; then
  jdeps --ignore-missing-deps --multi-release "$(pagebook_java_feature "$JAVA_HOME")" --print-module-deps \
    "$app_target"/lib/*.jar 2>/dev/null
  exit 0
fi

version=$(sed -n 's/^version=//p' "$app_target/classes/dev/pagebook/app/pagebook.properties")
# Installers want a plain dotted number: 0.1.0-SNAPSHOT is packaged as 0.1.0.
package_version=${version%%-*}
work=$here/target/jpackage
rm -rf "$work"
mkdir -p "$work" "$dest"

# JDK 25+: the flags of bin/pagebook's fast start, made for a runtime linked without the JDK's stub
# jdk.graal.compiler (as this one is): the compiler on the plain module path, so the JVM accepts
# the AOT cache the install scripts train (see below). Older JDKs: the flags that replace the stub
# with --upgrade-module-path.
feature=$(pagebook_java_feature "$JAVA_HOME")
launcher_args=$app_target/pagebook.args
[ "$feature" -ge 25 ] && launcher_args=$app_target/pagebook-runtime.args
step "JVM flags from $launcher_args"
java -cp "$helpers" dev.pagebook.installer.LauncherOptions "$launcher_args" "$app_target" "$work/launcher"
java_options=()
while IFS= read -r option; do
  option=${option%$'\r'}  # written with Windows line ends on Windows
  [ -n "$option" ] && java_options+=(--java-options "$option")
done < "$work/launcher/java-options.txt"

modules=$(grep -v '^#' "$here/runtime-modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
step "jlink runtime: $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$work/runtime"
step "runtime: $(mb "$work/runtime") MB"

step "icons"
java -Djava.awt.headless=true -cp "$helpers" dev.pagebook.installer.AppIcon "$work/icons"
case $os in
  Darwin) icon=$work/icons/pagebook.icns ;;
  MINGW*|MSYS*|CYGWIN*) icon=$work/icons/pagebook.ico ;;
  *) icon=$work/icons/pagebook.png ;;
esac

# The app image has no Pagebook sources and no jars but the app's: copy just app/target/lib.
mkdir -p "$work/input"
cp "$app_target"/lib/*.jar "$work/input/"
# JavaFX's native libraries, unpacked next to its jars by the app's build: JavaFX loads them from
# there instead of inflating and checksumming each one from its jar at every start (docs/app.md).
find "$app_target/lib" -maxdepth 1 \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec cp {} "$work/input/" \;
# ... so the copies inside the jars are left out of the image (they would add ~120 MB installed).
java -cp "$helpers" dev.pagebook.installer.JarWithoutNatives "$work"/input/javafx-*.jar
# A jar the flags already put on a module path (GraalPy, Truffle) is used from there: the copy on
# the class path would only be dead weight, so the image keeps one.
if [ -d "$work/launcher/lib" ]; then
  find "$work/launcher/lib" -name '*.jar' | while IFS= read -r carried; do
    rm -f "$work/input/$(basename "$carried")"
  done
fi

common=(--name Pagebook --app-version "$package_version" --vendor "Pagebook"
        --description "A notebook whose documents are web pages: write, run and export Python (PyScript) pages."
        --copyright "Pagebook contributors" --icon "$icon")

venv=""
if [ $science != no ] && [ -x "$root/kernel/science/build-venv.sh" ]; then
  venv=$("$root/kernel/science/build-venv.sh" --print-path 2>/dev/null || true)
  [ -d "$venv" ] || venv=""
fi
if [ $science = yes ] && [ -z "$venv" ]; then
  echo "build-installer: --with-science, but the numpy/matplotlib venv is not built (run bin/setup)" >&2
  exit 1
fi
# The kernel looks for the venv named by -Dpagebook.venv (see kernel ScienceVenv).
[ -n "$venv" ] && java_options+=(--java-options '-Dpagebook.venv=$APPDIR/../science')

launchers=()
case $os in
  MINGW*|MSYS*|CYGWIN*) launchers=(--add-launcher "pagebook-cli=$here/windows/console-launcher.properties") ;;
esac

step "app image"
jpackage --type app-image "${common[@]}" --dest "$work/image" \
  --input "$work/input" --main-jar pagebook-app.jar --main-class dev.pagebook.app.Main \
  --runtime-image "$work/runtime" ${java_options[@]+"${java_options[@]}"} ${launchers[@]+"${launchers[@]}"}
case $os in
  Darwin) image=$work/image/Pagebook.app; image_lib=$image/Contents ;;
  MINGW*|MSYS*|CYGWIN*) image=$work/image/Pagebook; image_lib=$image ;;
  *) image=$work/image/Pagebook; image_lib=$image/lib ;;
esac
if [ -d "$work/launcher/lib" ]; then
  cp -R "$work/launcher/lib/." "$image_lib/"
fi

if [ -n "$venv" ]; then
  step "science venv from $venv ($(mb "$venv") MB)"
  # Only the venv proper (bin, lib, pyvenv.cfg): its hidden build-time launcher stays behind. -L: the
  # venv's links point into the build machine's cache; the image needs the files themselves.
  # Left out: the per-context copies GraalPy makes of native libraries (*.dupN, made again per user)
  # and the packages' own test suites.
  mkdir -p "$image_lib/science"
  (cd "$venv" && tar -c --dereference --exclude='*.dup[0-9]*' --exclude='lib/python*/site-packages/*/tests' bin include lib pyvenv.cfg $(ls -d share 2>/dev/null)) \
    | tar -x -C "$image_lib/science"
  step "science venv in the image: $(mb "$image_lib/science") MB"
else
  step "no science venv: the app explains how to get numpy and matplotlib"
fi
# The start-up (AOT) cache: a cache records where the modules lay when it was made and is refused
# anywhere else, so it cannot be made here and shipped. The image carries the training run instead
# (lib/app/train-startup.sh), which the packages' install scripts run where the app is installed.
if [ "$feature" -ge 25 ] && [ "$os" = Linux ]; then
  cp "$here/linux/train-startup.sh" "$root/bin/lib/startup-training.html" "$image_lib/app/"
  chmod 755 "$image_lib/app/train-startup.sh"
fi
step "app image: $(mb "$image") MB"

# The .rpm gets the .deb's /usr/bin/pagebook link: jpackage's own spec template (from this JDK, so
# its placeholders match) with the link added to %post and removed by a real uninstall (%preun, $1 = 0).
rpm_resources() {
  local dir=$work/rpm-resources template
  rm -rf "$dir"; mkdir -p "$dir/x"
  cp "$here/linux/Pagebook.desktop" "$dir/"
  jimage extract --dir "$dir/x" --include 'regex:.*jpackage/internal/resources/template\.spec' "$JAVA_HOME/lib/modules"
  template=$(find "$dir/x" -name template.spec | head -n 1)
  [ -n "$template" ] || { echo "build-installer: no template.spec in $JAVA_HOME/lib/modules" >&2; exit 1; }
  awk '
    { print }
    /^%post$/ { post = 1 }
    /^%preun$/ { preun = 1 }
    post && /^DESKTOP_COMMANDS_INSTALL$/ {
      print "if [ ! -e /usr/bin/pagebook ] || [ \"$(readlink /usr/bin/pagebook)\" = \"/opt/pagebook/bin/Pagebook\" ]; then"
      print "  ln -sf /opt/pagebook/bin/Pagebook /usr/bin/pagebook"
      print "fi"
      print "if [ -x /opt/pagebook/lib/app/train-startup.sh ]; then"
      print "  echo \"Pagebook: preparing the fast start (about half a minute)...\""
      print "  /opt/pagebook/lib/app/train-startup.sh || true"
      print "fi"
      post = 0
    }
    preun && /^DESKTOP_COMMANDS_UNINSTALL$/ {
      print "if [ \"$1\" = 0 ] && [ \"$(readlink /usr/bin/pagebook)\" = \"/opt/pagebook/bin/Pagebook\" ]; then"
      print "  rm -f /usr/bin/pagebook"
      print "fi"
      print "if [ \"$1\" = 0 ] && [ -x /opt/pagebook/lib/app/train-startup.sh ]; then"
      print "  /opt/pagebook/lib/app/train-startup.sh --remove || true"
      print "fi"
      preun = 0
    }' "$template" >"$dir/pagebook.spec"
  grep -q 'ln -sf /opt/pagebook/bin/Pagebook' "$dir/pagebook.spec" \
    || { echo "build-installer: jpackage's spec template changed; /usr/bin link not added" >&2; exit 1; }
  rm -rf "$dir/x"
  echo "$dir"
}

for type in "${types[@]}"; do
  step "$type"
  case $type in
    app-image)
      rm -rf "$dest/Pagebook"
      cp -R "$image" "$dest/"
      continue ;;
    deb|rpm)
      extra=(--linux-package-name pagebook --linux-shortcut --linux-app-category devel)
      if [ $type = deb ]; then
        extra+=(--resource-dir "$here/linux" --linux-deb-maintainer pagebook@users.noreply.github.com)
      else
        extra+=(--resource-dir "$(rpm_resources)" --linux-rpm-license-type "UPL-1.0")
      fi ;;
    msi)
      extra=(--file-associations "$here/windows/pagebook-notebook.properties" --win-menu --win-menu-group Pagebook
             --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f1e7b1a-3c52-4a55-9c1e-0b6d3f2a9e41) ;;
    dmg)
      extra=(--file-associations "$here/macos/pagebook-notebook.properties" --mac-package-identifier dev.pagebook.app
             --mac-package-name Pagebook) ;;
    *) echo "build-installer: unknown type $type" >&2; exit 2 ;;
  esac
  jpackage --type "$type" "${common[@]}" --app-image "$image" --dest "$dest" "${extra[@]}"
done

step "done"
ls -l "$dest" >&2
