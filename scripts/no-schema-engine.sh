#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which the Prisma CLI tries to
# download and cannot here. `prisma generate` only needs the path to exist;
# migrations are applied by lib/db/migrate.ts, never by `prisma migrate`.
echo "Verity does not use Prisma's schema engine: run 'npm run db:migrate' instead." >&2
exit 1
