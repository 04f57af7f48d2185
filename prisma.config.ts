import { defineConfig } from "prisma/config";

// Only `prisma generate` is run here: migrations are applied by lib/db/migrate.ts
// (the schema engine binary `prisma migrate` needs cannot be downloaded on our machines).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/verity" },
});
