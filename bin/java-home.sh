# Sourced by the project's scripts: sets JAVA_HOME to a JDK 22+ (FFM), or fails in one line.
_graalpyos_java_ok() {
    [ -x "$1/bin/java" ] || return 1
    local v= line
    # the JDK's release file, read without starting a JVM (bin/graalpy-os sources this on every start)
    if [ -r "$1/release" ]; then
        while IFS= read -r line; do
            case $line in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
        done <"$1/release"
    fi
    [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ -n "$v" ] && [ "${v%%.*}" -ge 22 ] 2>/dev/null
}
if [ -z "${JAVA_HOME:-}" ] || ! _graalpyos_java_ok "$JAVA_HOME"; then
    JAVA_HOME=
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        if _graalpyos_java_ok "$candidate"; then
            JAVA_HOME=$candidate
            break
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        echo "graalpy-os: no JDK 22 or newer found (set JAVA_HOME to one; Temurin 25 is expected under /usr/lib/jvm)" >&2
        exit 1
    fi
fi
export JAVA_HOME
