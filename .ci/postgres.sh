#!/usr/bin/env bash
# Start Debian's PostgreSQL on this machine and print a URL for the store tests.
# Installs it when absent. Used by .ci/run; safe to run twice.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='classroom'\" | grep -q 1 || psql -q -c \"CREATE ROLE classroom LOGIN PASSWORD 'classroom'\"" >&2
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='classroom_test'\" | grep -q 1 || createdb -O classroom classroom_test" >&2
echo "postgresql+psycopg://classroom:classroom@127.0.0.1:5432/classroom_test"
