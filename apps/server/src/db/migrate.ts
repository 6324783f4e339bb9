import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m001 from "./migrations/001_initial.js";
import * as m002 from "./migrations/002_import_warnings.js";
import * as m003 from "./migrations/003_accounts.js";
import type { Database } from "./schema.js";

/** Migrations are listed here, in order, so they bundle and run the same from tsx, tests and builds. */
const MIGRATIONS: Record<string, Migration> = {
  "001_initial": m001,
  "002_import_warnings": m002,
  "003_accounts": m003,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
