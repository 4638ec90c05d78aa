#!/bin/sh
# Creates Temporal's persistence and visibility schemas on PostgreSQL, then brings them up to date. Safe to re-run.
# Compose runs it in the admin-tools image; the stack's cluster profile runs it with its cached temporal-sql-tool,
# its own port and the schema directory copied from the server's module (DB_PORT, TEMPORAL_SCHEMA_DIR).
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
schema="${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema}/postgresql/v12"
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "${DB_PORT:-5432}" "$@"; }
for db in temporal temporal_visibility; do
  tool --db "$db" create || true
done
tool --db temporal setup-schema -v 0.0 || true
tool --db temporal update-schema -d "$schema/temporal/versioned"
tool --db temporal_visibility setup-schema -v 0.0 || true
tool --db temporal_visibility update-schema -d "$schema/visibility/versioned"
