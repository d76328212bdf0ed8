#!/usr/bin/env bash
# Runs once, when the compose file's PostgreSQL initialises its data directory: connections over the network must
# use TLS (hostssl); the image's default line would also accept them in clear text.
set -euo pipefail
sed -i 's/^host all all all /hostssl all all all /' "$PGDATA/pg_hba.conf"
grep -q '^hostssl all all all ' "$PGDATA/pg_hba.conf"
