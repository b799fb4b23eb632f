#!/usr/bin/env bash
# Runs every benchmark of issues 9 and 16 on this machine's MariaDB and writes BENCHMARKS.md at the repo top.
#   bash bench/run.sh              the full run (about 17 minutes on 2 quiet cores, builds apart)
#   bash bench/run.sh --quick      fewer repetitions (shorter), for a look, not for the record
#   bash bench/run.sh --only 3,4   some of the benchmarks (1-7); --reuse-data keeps the generated data set
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
reuse=false
for arg in "$@"; do
  [ "$arg" = "--reuse-data" ] && reuse=true
  args+=("$arg")
done

log() { printf '\n== %s\n' "$*" >&2; }

log "MariaDB"
if ! mysqladmin -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    mysqladmin -uroot --connect-timeout=2 ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
mysqladmin -uroot ping
# BENCH_DB_PREFIX (default licensing_bench) names the two databases: another run on the same MariaDB uses its own.
db="${BENCH_DB_PREFIX:-licensing_bench}"
case "$db" in licensing_bench*) ;; *) echo "BENCH_DB_PREFIX must start with licensing_bench" >&2; exit 2 ;; esac
if [ "$reuse" = false ]; then
  mysql -uroot -e "DROP DATABASE IF EXISTS ${db}_portal; DROP DATABASE IF EXISTS ${db}_camunda;"
fi
mysql -uroot <<SQL
CREATE DATABASE IF NOT EXISTS ${db}_portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS ${db}_camunda CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'portal'@'localhost' IDENTIFIED BY 'portal';
CREATE USER IF NOT EXISTS 'portal'@'127.0.0.1' IDENTIFIED BY 'portal';
GRANT ALL ON \`licensing\_bench\_%\`.* TO 'portal'@'localhost';
GRANT ALL ON \`licensing\_bench\_%\`.* TO 'portal'@'127.0.0.1';
SQL

log "Building the portal, the harness and the Camunda baseline app"
mvn -q -B -DskipTests package
mvn -q -B -f bench/harness/pom.xml package
mvn -q -B -f bench/camunda-baseline/pom.xml -DskipTests package

log "Running the benchmarks"
java -Xmx2g -jar bench/harness/target/bench-harness.jar --repo . "${args[@]}"
