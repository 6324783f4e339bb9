import path from "node:path";
import { buildApp } from "../app.js";
import type { Db } from "../db/connection.js";
import type { ZodApp } from "../http/zod-app.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { createServices } from "../services.js";

/** The whole app in-process over a given database, for HTTP tests with app.inject. */
export async function testApp(db: Db, dir: string): Promise<{ app: ZodApp; index: SearchIndex }> {
  const index = SearchIndex.open(db, path.join(dir, "index"));
  const app = await buildApp({ services: createServices(db, index) });
  await app.ready();
  return { app, index };
}
