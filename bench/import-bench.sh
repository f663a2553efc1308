#!/usr/bin/env bash
# Import throughput benchmark (outside CI): ATT&CK Enterprise 18.1 (STIX 2.0 NDJSON, 24,771 objects) and a generated
# bundle of N indicators (default 1,000,000), on SQLite and on PostgreSQL, each into a fresh store, with -Xmx256m.
# Reports objects/s from jcu's own import summary and the peak RSS of the JVM (GNU time).
#
# Usage: bench/import-bench.sh [N]        (needs python3, /usr/bin/time, PostgreSQL on 127.0.0.1:5432 for the PG rows)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
CORPUS="${JCU_CORPUS:-../shared/corpus}"
OUT=bench/results
mkdir -p "$OUT"
[ -f target/jcu.jar ] || ./mvnw -q -DskipTests package
BUNDLE="$OUT/indicators-$N.json"
[ -f "$BUNDLE" ] || python3 bench/generate_indicators.py "$N" "$BUNDLE"
ENTERPRISE=("$CORPUS"/mitre-cti-stix20/enterprise-attack-v18.1-stix20-sdo.ndjson.gz
            "$CORPUS"/mitre-cti-stix20/enterprise-attack-v18.1-stix20-relationships-part1.ndjson.gz
            "$CORPUS"/mitre-cti-stix20/enterprise-attack-v18.1-stix20-relationships-part2.ndjson.gz)
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"

run() {  # name store-args files...
    local name="$1" store="$2"; shift 2
    local log="$OUT/$name.log"
    # shellcheck disable=SC2086
    /usr/bin/time -v java $JAVA_OPTS -jar target/jcu.jar import -q $store "$@" > "$log" 2>&1 || true
    python3 - "$name" "$log" <<'PY'
import re, sys
name, log = sys.argv[1], sys.argv[2]
text = open(log).read()
read = sum(int(m) for m in re.findall(r"\(read (\d+),", text))
secs = sum(float(m) for m in re.findall(r" in ([0-9.]+) s,", text))
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
rejected = sum(int(m) for m in re.findall(r"rejected (\d+)", text))
print("| %-34s | %9d | %7.1f | %9.0f | %7.0f | %d |" % (name, read, secs, read / secs if secs else 0,
      int(rss.group(1)) / 1024 if rss else -1, rejected))
PY
}

echo "| run | objects | import s | objects/s | peak RSS MiB | rejected |"
echo "|---|---:|---:|---:|---:|---:|"
rm -rf "$OUT/sqlite-enterprise" "$OUT/sqlite-indicators"
run "SQLite: ATT&CK Enterprise 18.1" "--data $OUT/sqlite-enterprise" "${ENTERPRISE[@]}"
run "SQLite: $N indicators" "--data $OUT/sqlite-indicators" "$BUNDLE"
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    for db in jcu_bench_enterprise jcu_bench_indicators; do
        psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    done
    export JCU_DB_USER=postgres
    run "PostgreSQL: ATT&CK Enterprise 18.1" "--data $OUT/pg --db postgresql://127.0.0.1:5432/jcu_bench_enterprise" "${ENTERPRISE[@]}"
    run "PostgreSQL: $N indicators" "--data $OUT/pg --db postgresql://127.0.0.1:5432/jcu_bench_indicators" "$BUNDLE"
else
    echo "(PostgreSQL not reachable: PostgreSQL rows skipped)"
fi
