#!/usr/bin/env bash
# Makes a private certificate authority and a server certificate for the compose file's PostgreSQL (host name
# `postgres`, and `localhost` for a psql on the host), in deploy/certs/. The gateway trusts only that authority
# (sslmode=verify-full). Run once before `docker compose up`; run again to renew (valid 825 days).
set -euo pipefail
certs="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$certs"
cd "$certs"
openssl req -x509 -new -nodes -newkey rsa:3072 -sha256 -days 3650 \
    -keyout ca.key -out ca.crt -subj "/CN=crash-analytics-gateway local CA"
openssl req -new -nodes -newkey rsa:3072 -sha256 -keyout server.key -out server.csr -subj "/CN=postgres"
printf 'subjectAltName=DNS:postgres,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n' \
    > server.ext
openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
    -extfile server.ext -out server.crt
rm -f server.csr server.ext ca.srl
# The CA's key signs nothing else: keep it private. PostgreSQL copies its key with its own permissions at start.
chmod 600 ca.key server.key
chmod 644 ca.crt server.crt
openssl verify -CAfile ca.crt server.crt
echo "certificates in $certs"
