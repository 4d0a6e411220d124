# Sourced by ./jnn and ./build: finds a JDK >= 25 and says exactly what is missing when there is none.
# Order: JAVA_HOME, then the usual JVM directories (the ones named *25* first), then `java` on PATH.

jnn_java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p; s/.*version "1\.\([0-9]*\)\..*/\1/p' | head -n 1
}

jnn_find_jdk() { # prints a JDK home on stdout; on failure prints what was tried on stderr and returns 1
  local tried=() c v dirs=()
  if [ -n "${JAVA_HOME:-}" ]; then dirs+=("$JAVA_HOME"); else tried+=("JAVA_HOME (not set)"); fi
  for c in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [ -d "$c" ] && dirs+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); dirs+=("${c%/bin/java}")
  else
    tried+=("java on PATH (none)")
  fi
  local seen=" "
  for c in "${dirs[@]}"; do
    case "$seen" in *" $c "*) continue ;; esac
    seen="$seen$c "
    if [ ! -x "$c/bin/java" ]; then tried+=("$c (no bin/java)"); continue; fi
    v=$(jnn_java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then
      if [ -x "$c/bin/javac" ]; then printf '%s\n' "$c"; return 0; fi
      tried+=("$c (Java $v, but a runtime without javac)")
    else
      tried+=("$c (Java ${v:-unknown})")
    fi
  done
  {
    echo "jnn: no JDK 25 or newer found. jnn needs one (the Vector API of JDK 25 runs its kernels)."
    echo "Tried:"
    printf '  - %s\n' "${tried[@]}"
    echo "Install a JDK 25 (for example Eclipse Temurin 25) and set JAVA_HOME to it, or put its java on PATH."
  } >&2
  return 1
}
