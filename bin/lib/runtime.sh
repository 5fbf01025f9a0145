# Sourced by bin/pagebook after bin/lib/jdk.sh: the fast start on JDK 25+.
#
# Most of GraalPy's start-up is the JVM loading, linking and warming up Truffle's and GraalPy's
# classes. A JDK AOT cache (JEP 483/514/515) keeps that work from one run to the next: a one-cell
# notebook runs in about a third of the time (docs/kernel.md, "Start-up"). The JVM refuses an AOT
# cache together with --upgrade-module-path, which is how the Graal compiler replaces the JDK's
# own jdk.graal.compiler module. So Pagebook links its own runtime from the JDK without that
# module (the modules the installers ship, installer/runtime-modules.txt) and puts the compiler on
# the plain module path (app/target/pagebook-runtime.args), where it then is the only one.
# Both live in ${PAGEBOOK_CACHE:-~/.cache/pagebook}: the runtime per JDK, the AOT cache per build
# of the app (a training run makes it, once). PAGEBOOK_AOT=0 runs on the JDK as before.

pagebook_cache_dir() {
  echo "${PAGEBOOK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pagebook}"
}

pagebook_hash() {  # a short content hash of standard input
  sha256sum | cut -c1-16
}

# Prints the path of Pagebook's runtime linked from $JAVA_HOME, linking it on first use.
pagebook_runtime() {
  local root=$1 modules key dir tmp
  modules=$(grep -v '^#' "$root/installer/runtime-modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
  key=$( { cat "$JAVA_HOME/release"; echo "$modules"; } | pagebook_hash)
  dir=$(pagebook_cache_dir)/runtime/$(pagebook_java_feature "$JAVA_HOME")-$key
  if [ ! -x "$dir/bin/java" ]; then
    mkdir -p "$(dirname "$dir")"
    tmp=$dir.tmp.$$
    rm -rf "$tmp"
    echo "pagebook: linking a Java runtime for the fast start (once per JDK)..." >&2
    jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$tmp" >&2 \
      || { rm -rf "$tmp"; return 1; }
    mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"  # another launch may have won the race
  fi
  echo "$dir"
}

# An AOT cache is ~180 MB: keeps only the newest per checkout, and none for checkouts that are
# gone (CI's fresh clones would otherwise leave one each).
pagebook_prune_aot_caches() {
  local dir=$1 keep=$2 note checkout
  for note in "$dir"/*.checkout; do
    [ -f "$note" ] || continue
    checkout=$(cat "$note")
    if [ "${note%.checkout}.aot" != "$keep" ] && { [ ! -d "$checkout" ] || [ "$(echo "$checkout" | pagebook_hash)" = "$(basename "$keep" | cut -d- -f2)" ]; }; then
      rm -f "${note%.checkout}.aot" "$note"
    fi
  done
  # Caches made before checkouts were noted, other than this one.
  for note in "$dir"/*.aot; do
    [ -f "$note" ] && [ "$note" != "$keep" ] && [ ! -f "${note%.aot}.checkout" ] && rm -f "$note"
  done
  return 0
}

# Prints the path of the AOT cache for this runtime and build of the app, making it on first use
# with a training run (`pagebook train-startup`): a one-cell notebook through `pagebook run` (kernel start,
# a cell, saving), then through the desktop window.
pagebook_aot_cache() {
  local root=$1 runtime=$2 args=$3 checkout key file tmp train display window
  checkout=$(echo "$root" | pagebook_hash)
  key=$( { echo "$runtime"; cat "$args"; ls -l --time-style=+%s "$root"/app/target/lib "$root"/app/target/graal-modules "$root"/app/target/jvmci; } | pagebook_hash)
  file=$(pagebook_cache_dir)/aot/pagebook-$checkout-$key.aot
  if [ ! -f "$file" ]; then
    mkdir -p "$(dirname "$file")"
    train=$(mktemp -d)
    tmp=$file.tmp.$$
    cp "$root/bin/lib/startup-training.html" "$train/train.html"
    # With xvfb-run the training also opens the desktop window (on a virtual display, never on the
    # user's screen), so JavaFX's classes are in the cache too.
    display=()
    window=()
    if command -v xvfb-run >/dev/null; then
      display=(xvfb-run -a)
      window=(--window)
    fi
    echo "pagebook: preparing the fast start (once per build of the app, about 45 s)..." >&2
    if "${display[@]}" "$runtime/bin/java" @"$args" -XX:AOTCacheOutput="$tmp" \
         dev.pagebook.app.Main train-startup "$train/train.html" "$train/out.html" "${window[@]}" >"$train/log" 2>&1 \
       && [ -f "$tmp" ]; then
      mv -f "$tmp" "$file"
      echo "$root" > "${file%.aot}.checkout"
      pagebook_prune_aot_caches "$(dirname "$file")" "$file"
    else
      echo "pagebook: the start-up cache could not be made (see $train/log); starting without it." >&2
      rm -f "$tmp"
      return 1
    fi
    rm -rf "$train"
  fi
  echo "$file"
}
