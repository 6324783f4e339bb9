import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../app.js";
import type { Db } from "../db/connection.js";
import type { ZodApp } from "../http/zod-app.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { createServices } from "../services.js";
import { freshDb, insertPatents, seedReference } from "./fixture-db.js";
import { REAL_PATENTS } from "./real-fixtures.js";

/** The whole app in-process over a given database, for HTTP tests with app.inject. */
export async function testApp(db: Db, dir: string): Promise<{ app: ZodApp; index: SearchIndex }> {
  const index = SearchIndex.open(db, path.join(dir, "index"));
  const app = await buildApp({ services: createServices(db, index) });
  await app.ready();
  return { app, index };
}

/**
 * Registers beforeAll/afterAll that build the app over a fresh database holding the real fixture patents;
 * returns a getter because the app exists only once beforeAll has run.
 */
export function useRealFixtureApp(): () => ZodApp {
  let db: Db | undefined;
  let app: ZodApp | undefined;
  beforeAll(async () => {
    const fresh = await freshDb();
    db = fresh.db;
    seedReference(db);
    insertPatents(db, REAL_PATENTS);
    ({ app } = await testApp(db, fresh.dir));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  return () => {
    if (!app) throw new Error("the fixture app is built in beforeAll");
    return app;
  };
}
