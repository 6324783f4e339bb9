import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m001 from "./migrations/001_initial.js";
import * as m002 from "./migrations/002_import_warnings.js";
import * as m003 from "./migrations/003_accounts.js";
import * as m004 from "./migrations/004_analytics.js";
import * as m005 from "./migrations/005_registry.js";
import * as m006 from "./migrations/006_cases.js";
import * as m007 from "./migrations/007_org_access.js";
import * as m008 from "./migrations/008_report_publish.js";
import * as m009 from "./migrations/009_case_form_pii.js";
import * as m010 from "./migrations/010_patent_provenance.js";
import * as m011 from "./migrations/011_applicant_entities.js";
import * as m012 from "./migrations/012_patent_fields.js";
import * as m013 from "./migrations/013_applicant_official_names.js";
import * as m014 from "./migrations/014_web_imports.js";
import * as m016 from "./migrations/016_applicant_keep_apart.js";
import * as m017 from "./migrations/017_signed_in_shell.js";
import * as m018 from "./migrations/018_case_uploads.js";
import * as m019 from "./migrations/019_import_issue_codes.js";
import * as m020 from "./migrations/020_plan_figures.js";
import * as m022 from "./migrations/022_watches.js";
import * as m025 from "./migrations/025_content.js";
import * as m026 from "./migrations/026_service_desk.js";
import * as m027 from "./migrations/027_ip_assets_gi.js";
import type { Database } from "./schema.js";

/** Migrations are listed here, in order, so they bundle and run the same from tsx, tests and builds. */
const MIGRATIONS: Record<string, Migration> = {
  "001_initial": m001,
  "002_import_warnings": m002,
  "003_accounts": m003,
  "004_analytics": m004,
  "005_registry": m005,
  "006_cases": m006,
  "007_org_access": m007,
  "008_report_publish": m008,
  "009_case_form_pii": m009,
  "010_patent_provenance": m010,
  "011_applicant_entities": m011,
  "012_patent_fields": m012,
  "013_applicant_official_names": m013,
  "014_web_imports": m014,
  "016_applicant_keep_apart": m016,
  "017_signed_in_shell": m017,
  "018_case_uploads": m018,
  "019_import_issue_codes": m019,
  "020_plan_figures": m020,
  "022_watches": m022,
  "025_content": m025,
  "026_service_desk": m026,
  "027_ip_assets_gi": m027,
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
