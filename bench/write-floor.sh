#!/usr/bin/env bash
# The SQLite write floor (decision 0018): the rows N imported indicators write, replayed through plain JDBC, for
# 4 KiB and 16 KiB pages, with and without the per-batch id probe and the checkpoint at commit. Outside CI.
#
# Usage: bench/write-floor.sh [N]     (default 1,000,000; needs sqlite3 for the 4 KiB copy)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
[ -f target/jcu.jar ] || ./mvnw -q -DskipTests package
CP_FILE=target/bench-classpath.txt
[ -f "$CP_FILE" ] || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
WORK=$(mktemp -d /tmp/jcu-write-floor-XXXX)
trap 'rm -rf "$WORK"' EXIT
printf '{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[]}' > "$WORK/empty.json"
java -jar target/jcu.jar import -q --data "$WORK/empty" "$WORK/empty.json" > /dev/null   # migrated, 16 KiB pages
cp "$WORK/empty/jcu.db" "$WORK/empty-16k.db"
cp "$WORK/empty/jcu.db" "$WORK/empty-4k.db"
sqlite3 "$WORK/empty-4k.db" "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; PRAGMA journal_mode=WAL;" > /dev/null
run() {  # pages probe checkpoint
    cp "$WORK/empty-$1.db" "$WORK/run.db"
    rm -f "$WORK/run.db-wal" "$WORK/run.db-shm"
    java -cp "$(cat "$CP_FILE")" bench/SqliteWriteFloor.java "$WORK/run.db" "$N" "$2" "$3"
}
run 4k probe checkpoint
run 16k probe checkpoint
run 16k probe nocheckpoint
run 16k noprobe nocheckpoint
