#!/usr/bin/env bash
# What `make test` needs besides .venv: Debian's Chromium for the browser tests, a PostgreSQL
# database for the store tests, and Debian's nginx for the cluster test (tests/browser/test_cluster.py). Run by `make test`; safe to run again; no apt-get when all is there.
#
# As root it installs what is missing (one apt-get update, one apt-get install), starts PostgreSQL
# and creates the test role and database. As anyone else it prints the command that would do it.
# Prints the PostgreSQL URL for the store tests on stdout (nothing when that suite will run on SQLite
# only); every message goes to stderr. Fails when Chromium is missing, since the browser tests
# cannot run without it (tests/browser/conftest.py).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
NGINX=/usr/sbin/nginx
PG_PORT=5432
PG_URL="postgresql+psycopg://classroom:classroom@127.0.0.1:$PG_PORT/classroom_test"
PSQL_URL="postgresql://classroom:classroom@127.0.0.1:$PG_PORT/classroom_test"

say() { echo "test-services: $*" >&2; }

# Someone who points the store tests at their own PostgreSQL keeps it (and it is printed back).
if [[ -n "${CLASSROOM_TEST_POSTGRES_URL:-}" ]]; then
  want_postgres=no
else
  want_postgres=yes
fi

postgres_installed() { compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; }
can_install() { [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; }

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
[[ -x "$NGINX" ]] || missing+=(nginx)
[[ "$want_postgres" == no ]] || postgres_installed || missing+=(postgresql)

if ((${#missing[@]})); then
  if can_install; then
    say "installing ${missing[*]} with apt-get"
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  else
    for package in "${missing[@]}"; do
      case $package in
        chromium) say "the browser tests cannot run without $CHROMIUM; install it with: sudo apt-get install chromium" ;;
        nginx) say "the cluster test cannot run without $NGINX; install it with: sudo apt-get install nginx" ;;
        postgresql) say "no PostgreSQL, so the store tests run on SQLite only; to add it: sudo apt-get install postgresql" ;;
      esac
    done
  fi
fi

pg_ready() { psql -d "$PSQL_URL" -qtAc "SELECT 1" >/dev/null 2>&1; }

# The cluster, the role and the database, as root (the packaged cluster belongs to the postgres user).
start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
  fi
  pg_ctlcluster "$version" main start >&2 2>/dev/null || true # already running is fine
  for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
  done
  su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='classroom'\" | grep -q 1 || psql -q -c \"CREATE ROLE classroom LOGIN PASSWORD 'classroom'\"" >&2
  su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='classroom_test'\" | grep -q 1 || createdb -O classroom classroom_test" >&2
}

if [[ "$want_postgres" == no ]]; then
  echo "$CLASSROOM_TEST_POSTGRES_URL"
elif postgres_installed; then
  if ! pg_ready && [[ "$(id -u)" -eq 0 ]]; then
    start_postgres
  fi
  if pg_ready; then
    echo "$PG_URL"
  elif [[ "$(id -u)" -eq 0 ]]; then
    say "PostgreSQL did not answer on 127.0.0.1:$PG_PORT, so the store tests run on SQLite only; see /var/log/postgresql"
  else
    say "PostgreSQL is stopped or lacks the test database, so the store tests run on SQLite only; to set it up: sudo tools/test-services.sh"
  fi
fi

for needed in "$CHROMIUM" "$NGINX"; do # the browser tests cannot run without them: stop `make test` here
  if [[ ! -x "$needed" ]]; then
    if can_install; then
      say "apt-get did not install $needed, so the browser tests cannot run"
    fi
    exit 1
  fi
done
