# Sourced by ./sozialmonitor and ./test: sets JAVA_HOME to a JDK (java and javac) of version 17 or later.
# Order: $JAVA_HOME, the java on PATH, then the JDKs under /usr/lib/jvm and /opt (newest LTS-friendly first: 17, 21, 25, others).

_sm_java_major() {
  # prints the major version of the java binary $1, or nothing. The JDK's release file answers
  # without starting a JVM (a start costs a tenth of a second or more on every launch).
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}

# An identifier of the JDK in $JAVA_HOME (path and full version): a class-data archive fits one JDK only.
sm_jdk_id() {
  local version=""
  [ -f "$JAVA_HOME/release" ] && version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release" | head -n1)"
  printf '%s-%s' "${version:-unknown}" "$(printf '%s' "$JAVA_HOME" | cksum | cut -d' ' -f1)"
}

_sm_is_jdk() {
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  local major
  major=$(_sm_java_major "$home/bin/java")
  [ -n "$major" ] && [ "$major" -ge 17 ]
}

sm_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && _sm_is_jdk "$JAVA_HOME"; then
    return 0
  fi
  local candidates=()
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local d
  for d in /usr/lib/jvm/*17* /usr/lib/jvm/*21* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    if _sm_is_jdk "$d"; then
      export JAVA_HOME="$d"
      return 0
    fi
  done
  echo "sozialmonitor: no Java Development Kit 17 or later found." >&2
  echo "  Install one, e.g. on Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless" >&2
  echo "  or set JAVA_HOME to an installed JDK." >&2
  return 1
}
