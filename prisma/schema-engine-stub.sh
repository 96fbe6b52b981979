#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which cannot be downloaded here. It only
# answers --version so `prisma generate` runs; anything else fails loudly. Migrations go
# through @prisma/schema-engine-wasm instead (lib/db/migrate.ts).
if [ "$1" = "--version" ]; then echo "schema-engine-stub 0.0.0"; exit 0; fi
echo "schema-engine binary not available: use npm run db:migrate / db:migration" >&2
exit 1
