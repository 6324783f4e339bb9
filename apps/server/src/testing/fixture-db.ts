import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Db, openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { insertUser } from "../modules/accounts/users.repository.js";

export interface FixturePatent {
  pub_no: string;
  app_no?: string;
  title: string;
  abstract?: string;
  applicants?: string[];
  app_date?: string;
  type?: string;
  status?: string;
  status_raw?: string;
  ipc?: string[];
  region?: [string?, string?, string?];
}

/** A fresh database with the real migrations in a temporary folder. */
export async function freshDb(): Promise<{ db: Db; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-test-"));
  const db = openDb(path.join(dir, "test.db"));
  await migrateToLatest(db.kysely);
  return { db, dir };
}

/** A user row with no password, phone or identity: for tests of rows that only need an owner. */
export function plainUser(db: Db, username: string, createdAt = 0): number {
  return insertUser(db, {
    username,
    display_name: username,
    password_hash: "x",
    must_change_password: 0,
    phone_enc: null,
    phone_mask: null,
    id_number_enc: null,
    id_number_mask: null,
    id_number_hmac: null,
    created_at: createdAt,
  });
}

/** A few reference rows the HTTP tests need (real codes and titles, copied from the shipped tables). */
export function seedReference(db: Db): void {
  const div = db.sqlite.prepare("INSERT INTO divisions (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
  for (const row of [
    ["41", "河南省", "province", null],
    ["4101", "郑州市", "city", "41"],
    ["410105", "金水区", "county", "4101"],
    ["410172", "郑州高新技术产业开发区", "county", "4101"],
    ["50", "重庆市", "province", null],
  ] as const)
    div.run(...row);
  const ipc = db.sqlite.prepare("INSERT INTO ipc_codes (code, level, parent, title_zh) VALUES (?, ?, ?, ?)");
  ipc.run("H", "section", null, "电学");
  ipc.run("H01", "class", "H", "基本电气元件");
  ipc.run("H01M", "subclass", "H01", "用于直接转变化学能为电能的方法或装置，例如电池组");
  db.sqlite
    .prepare("INSERT INTO sei_categories VALUES (?, ?, ?, ?, ?)")
    .run("6.1", "新能源汽车装置、配件制造", "6", "新能源汽车产业", null);
}

/** Inserts patents and their applicant entities the way the importer does (one entity per distinct name). */
export function insertPatents(db: Db, patents: FixturePatent[]): void {
  const insert =
    db.sqlite.prepare(`INSERT INTO patents (pub_no, app_no, country, title, abstract, applicants_raw, app_date,
    pub_date, app_year, type, status, status_raw, ipc_main, ipc_all, province_code, city_code, district_code, sources, updated_seq)
    VALUES (@pub_no, @app_no, 'CN', @title, @abstract, @applicants_raw, @app_date, @app_date, @app_year, @type, @status,
    @status_raw, @ipc_main, @ipc_all, @p, @c, @d, 'fixture', @seq)`);
  const applicant = db.sqlite.prepare(
    "INSERT INTO applicants (name, norm_key, kind) VALUES (?, ?, 'company') ON CONFLICT(norm_key) DO UPDATE SET name = name RETURNING id",
  );
  const link = db.sqlite.prepare("INSERT INTO patent_applicants (patent_id, applicant_id, position) VALUES (?, ?, ?)");
  const seqRow = db.sqlite.prepare("SELECT coalesce(max(updated_seq), 0) AS s FROM patents").get() as { s: number };
  let seq = seqRow.s;
  db.sqlite.transaction(() => {
    for (const p of patents) {
      const info = insert.run({
        pub_no: p.pub_no,
        app_no: p.app_no ?? null,
        title: p.title,
        abstract: p.abstract ?? null,
        applicants_raw: p.applicants?.join(";") ?? null,
        app_date: p.app_date ?? null,
        app_year: p.app_date ? Number(p.app_date.slice(0, 4)) : null,
        type: p.type ?? "invention_application",
        status: p.status ?? "pending",
        status_raw: p.status_raw ?? null,
        ipc_main: p.ipc?.[0] ?? null,
        ipc_all: p.ipc?.join(";") ?? null,
        p: p.region?.[0] ?? null,
        c: p.region?.[1] ?? null,
        d: p.region?.[2] ?? null,
        seq: ++seq,
      });
      (p.applicants ?? []).forEach((name, i) => {
        const { id } = applicant.get(name, name) as { id: number };
        link.run(info.lastInsertRowid, id, i);
      });
    }
  })();
}
