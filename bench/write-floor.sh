#!/usr/bin/env bash
# The SQLite write floor (decisions 0018, 0019): the rows N imported indicators write, replayed through plain JDBC,
# for 4 KiB and 16 KiB pages, with and without the per-batch id probe and the checkpoint at commit, with the pool's
# 128 MiB and the large import's 2 GiB page cache, and with the value rows in a second file written by a second thread
# (decision 0023, not built). Outside CI.
#
# Usage: bench/write-floor.sh [N]     (default 1,000,000; needs sqlite3 to set the page sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
[ -f target/jcu.jar ] || ./mvnw -q -DskipTests package
CP_FILE=target/bench-classpath.txt
[ -f "$CP_FILE" ] || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
WORK=$(mktemp -d /tmp/jcu-write-floor-XXXX)
trap 'rm -rf "$WORK"' EXIT
printf '{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[]}' > "$WORK/empty.json"
java -jar target/jcu.jar import -q --data "$WORK/empty" "$WORK/empty.json" > /dev/null   # a migrated, empty store
for pages in 4096 16384; do
    cp "$WORK/empty/jcu.db" "$WORK/empty-$pages.db"
    sqlite3 "$WORK/empty-$pages.db" \
        "PRAGMA journal_mode=DELETE; PRAGMA page_size=$pages; VACUUM; PRAGMA journal_mode=WAL;" > /dev/null
done
run() {  # page-size probe|noprobe checkpoint|nocheckpoint cache_size [split]
    cp "$WORK/empty-$1.db" "$WORK/run.db"
    cp "$WORK/empty-$1.db" "$WORK/values.db"
    rm -f "$WORK"/run.db-* "$WORK"/values.db-*
    echo "page size $1, cache_size $4:"
    java -Dcache="$4" -cp "$(cat "$CP_FILE")" bench/SqliteWriteFloor.java "$WORK/run.db" "$N" "$2" "$3" \
        ${5:+"$WORK/values.db"}
}
run 4096 probe checkpoint -131072          # the store's settings before decision 0018
run 16384 probe checkpoint -131072         # 16 KiB pages (rejected in decision 0018)
run 4096 noprobe nocheckpoint -131072      # a large import after decision 0018 (id filter, checkpoint after)
run 4096 noprobe nocheckpoint -2097152     # ... and after decision 0019 (2 GiB import cache)
run 4096 noprobe nocheckpoint -2097152 split   # ... with the value rows in a second file (decision 0023, not built)
