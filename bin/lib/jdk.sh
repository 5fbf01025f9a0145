# Sourced by Pagebook's scripts: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $PAGEBOOK_JAVA_HOME, $JAVA_HOME, `java` on PATH, then the usual install folders;
# the newest qualifying JDK among the install folders wins.

pagebook_java_feature() {  # prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$v"
}

pagebook_find_jdk() {
  local min=${PAGEBOOK_MIN_JDK:-21} candidate best="" best_v=0 v
  for candidate in "${PAGEBOOK_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] || continue
    v=$(pagebook_java_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$candidate"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(pagebook_java_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$candidate" ] || continue
    v=$(pagebook_java_feature "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$candidate; best_v=$v; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}

pagebook_use_jdk() {
  local home
  if ! home=$(pagebook_find_jdk); then
    echo "pagebook: no JDK ${PAGEBOOK_MIN_JDK:-21} or newer found." >&2
    echo "  Looked at \$PAGEBOOK_JAVA_HOME, \$JAVA_HOME, javac on PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks." >&2
    echo "  Install one (e.g. Temurin 25) or set PAGEBOOK_JAVA_HOME to its folder." >&2
    return 1
  fi
  export JAVA_HOME=$home
  export PATH="$JAVA_HOME/bin:$PATH"
}
