#!/usr/bin/env bash
# Run by ./mvnw before the tests (pom.xml: exec-maven-plugin, phase process-test-classes; skipped with -DskipTests).
# What the suite needs from the machine is there, or is installed here (Debian's chromium and chromium-driver, when
# this runs as root with apt-get), or the build stops here with one sentence: never minutes into the tests.
#   $1: the -Dtest filter, if any (the browser tests are needed only when it can match them)
#   $2: the Spring profiles of the run (with mysql, the MySQL/MariaDB server at PORTAL_DB_URL is needed)
set -uo pipefail

tests="${1:-}"
profiles="${2:-}"
# Maven hands over an unset property as its expression.
case "$tests" in '${'*) tests="" ;; esac

stop() {
  echo "[test prerequisites] $*" >&2
  exit 1
}

browser_tests=yes
if [ -n "$tests" ] && ! printf '%s' "$tests" | grep -qiE 'browser|^\*|,\*'; then
  browser_tests=no
fi

if [ "$browser_tests" = yes ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
    echo "[test prerequisites] Installing Debian's chromium and chromium-driver for the browser tests"
    log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } > "$log" 2>&1; then
      tail -n 20 "$log" >&2
      stop "The browser tests need Chromium and ChromeDriver, and 'apt-get install chromium chromium-driver' failed (above): install them and run the tests again."
    fi
  else
    stop "The browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver: install them (on Debian: sudo apt-get install chromium chromium-driver) and run the tests again."
  fi
fi

if printf '%s' "$profiles" | grep -q mysql; then
  url="${PORTAL_DB_URL:-jdbc:mysql://127.0.0.1:3306/licensing_portal}"
  address=$(printf '%s' "$url" | sed -E 's#^jdbc:[a-z]+://([^/?]+).*#\1#')
  host=${address%%:*}
  port=${address##*:}
  [ "$port" = "$address" ] && port=3306
  database=$(printf '%s' "$url" | sed -E 's#^jdbc:[a-z]+://[^/]+/([^?]*).*#\1#')
  if ! timeout 5 bash -c "exec 3<>/dev/tcp/$host/$port" 2> /dev/null; then
    stop "The -Pmysql tests need MySQL or MariaDB at $host:$port (PORTAL_DB_URL) with the database and user of README's 'Running on MySQL': start it, or run ./mvnw verify on embedded H2."
  fi
  if command -v mysql > /dev/null 2>&1 \
      && ! MYSQL_PWD="${PORTAL_DB_PASSWORD:-portal}" mysql --protocol=TCP -h "$host" -P "$port" -u "${PORTAL_DB_USER:-portal}" \
        --connect-timeout=5 -e 'SELECT 1' "$database" > /dev/null 2>&1; then
    stop "The -Pmysql tests need the database '$database' at $host:$port and the user ${PORTAL_DB_USER:-portal} (PORTAL_DB_USER, PORTAL_DB_PASSWORD) with access to it: create them as README's 'Running on MySQL' says."
  fi
fi
