#!/bin/sh
# Runs one case of FullTierChild.java; extra -D options are passed through, e.g.
#   research/full-tier-child/run-case.sh -Dtrials=20 -Dremove=true -Dbusy=2 -Dthreads=2
# hs_err files of crashed children go to $ERRDIR (default /tmp/ftc); gdb output of hung children to ./gdb-out.
ERRDIR=${ERRDIR:-/tmp/ftc}
mkdir -p "$ERRDIR"
exec timeout "${CASE_TIMEOUT:-1800}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED \
  -XX:+UseSerialGC -XX:-UsePerfData -Xmx256m -XX:ErrorFile="$ERRDIR/hs_err_%p.log" -XX:-CreateCoredumpOnCrash -DerrDir="$ERRDIR" \
  "$@" "$(dirname "$0")/FullTierChild.java"
