# Sourced by the project's scripts and the launcher: sets JAVA_HOME to a JDK 25+ (the jars are
# compiled for 25; FFM; the JDK AOT cache), from JAVA_HOME, else the java on PATH, else
# /usr/lib/jvm, or fails in one line.
_graalpyos_java_version() {
    [ -x "$1/bin/java" ] || return 1
    local v= line
    # the JDK's release file, read without starting a JVM (bin/graalpy-os sources this on every start)
    if [ -r "$1/release" ]; then
        while IFS= read -r line; do
            case $line in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
        done <"$1/release"
    fi
    [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    echo "${v:-unknown}"
}
_graalpyos_java_ok() {
    local v
    v=$(_graalpyos_java_version "$1") && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}
if [ -z "${JAVA_HOME:-}" ] || ! _graalpyos_java_ok "$JAVA_HOME"; then
    _graalpyos_rejected=
    if [ -n "${JAVA_HOME:-}" ]; then
        _graalpyos_rejected="JAVA_HOME=$JAVA_HOME is $(_graalpyos_java_version "$JAVA_HOME" || echo 'not a JDK')"
    fi
    _graalpyos_path_java=$(command -v java 2>/dev/null) && _graalpyos_path_java=$(readlink -f "$_graalpyos_path_java")
    JAVA_HOME=
    for candidate in ${_graalpyos_path_java:+"${_graalpyos_path_java%/bin/java}"} \
            /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        if _graalpyos_java_ok "$candidate"; then
            JAVA_HOME=$candidate
            break
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        if [ -n "$_graalpyos_path_java" ] && [ -z "$_graalpyos_rejected" ]; then
            _graalpyos_rejected="java on PATH is $(_graalpyos_java_version "${_graalpyos_path_java%/bin/java}")"
        fi
        echo "graalpy-os: needs a JDK 25 or newer (${_graalpyos_rejected:-none found}): set JAVA_HOME to one, or put its bin/java on PATH" >&2
        exit 1
    fi
    unset _graalpyos_rejected _graalpyos_path_java
fi
export JAVA_HOME
