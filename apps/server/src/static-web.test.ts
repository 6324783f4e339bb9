import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import type { Db } from "./db/connection.js";
import type { ZodApp } from "./http/zod-app.js";
import { SearchIndex } from "./modules/search/search-index.js";
import { createServices } from "./services.js";
import { freshDb } from "./testing/fixture-db.js";

let db: Db;
let app: ZodApp;
const web = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-web-"));

beforeAll(async () => {
  fs.mkdirSync(path.join(web, "assets"));
  fs.writeFileSync(path.join(web, "index.html"), "<!doctype html><title>知产</title>");
  fs.writeFileSync(path.join(web, "assets/app-1.js"), "console.log(1)");
  const fresh = await freshDb();
  db = fresh.db;
  const index = SearchIndex.open(db, path.join(fresh.dir, "index"));
  app = await buildApp({ services: createServices(db, index), webDist: web });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe("the web app's files", () => {
  it("serves client-side routes with the app shell", async () => {
    const res = await app.inject({ method: "GET", url: "/patents/CN100520432C" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("知产");
  });

  it("serves a file written after start (a rebuilt web app needs no restart)", async () => {
    fs.writeFileSync(path.join(web, "assets/app-2.js"), "console.log(2)");
    const res = await app.inject({ method: "GET", url: "/assets/app-2.js" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("console.log(2)");
  });

  it("answers a missing asset with 404, not the app shell", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/gone.js" });
    expect(res.statusCode).toBe(404);
  });
});
