#!/usr/bin/env bash
# Correlation benchmark (issue 4, point 7; outside CI, which runs the same test small): stores N observables
# (default 10,000,000) as indicators of 10 values each through the real import, then measures ingest with correlation
# on, batch correlation (100,000 values, 10 % CIDR blocks), single-value lookups through the service with an ordinary
# organisation's scope (p50/p99) and correlation vs observable storage. SQLite by default; "postgres" as the second
# argument runs the PostgreSQL variant (needs PostgreSQL on 127.0.0.1:5432, database jcu_bench_corr is recreated).
#
# Usage: bench/correlation-bench.sh [N] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
STORE="${2:-sqlite}"
TEST=CorrelationBenchmarkSqliteTest
if [ "$STORE" = postgres ]; then
    TEST=CorrelationBenchmarkPostgresTest
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS jcu_bench_corr WITH (FORCE)" \
        -c "CREATE DATABASE jcu_bench_corr"
    export JCU_TEST_PG_DB=jcu_bench_corr
fi
# malloc as `java -jar target/jcu.jar` runs it (decision 0022): the test JVM does not start through jcu's launcher
if [ "${JCU_MALLOC_TUNING:-}" != off ] && [ -z "${GLIBC_TUNABLES:-}" ]; then
    export GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=1073741824
fi
./mvnw -q test -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
    -Djcu.bench.observables="$N" -Djcu.bench.ingest="${JCU_BENCH_INGEST:-200000}" \
    -Djcu.bench.batch=100000 -Djcu.bench.lookups=20000 \
    -DargLine="-Xmx4g -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED" || true
grep -h "CorrelationBench:" "target/surefire-reports/org.jcu.observable.$TEST-output.txt"
