/** TI/AB/TX and bare words find a record by its English title or abstract as well as by its Chinese one. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importFile } from "../imports/imports.service.js";
import { SearchIndex } from "./search-index.js";

let db: Db;
let index: SearchIndex;

beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  const file = path.join(fresh.dir, "english.csv");
  fs.writeFileSync(
    file,
    [
      "公开(公告)号,标题,标题(英文),摘要,摘要(英文),申请人",
      "CN112345678A,一种智能客服系统,Chatbot for customer service,一种客服系统。,A dialogue system answers questions.,甲公司",
      "WO2021000001A1,,Conversational agents,,Chatbots that learn from dialogues.,ACME",
      "CN112345679A,一种电池,Battery pack,一种电池。,A battery.,乙公司",
    ].join("\n"),
  );
  await importFile(db, file, { source: "fixture_english" });
  index = SearchIndex.open(db, path.join(fresh.dir, "index"));
});
afterAll(() => db.close());

const hits = (q: string) =>
  index.engine
    .search(q, { limit: 10 })
    .hits.map((h) => db.sqlite.prepare("SELECT pub_no FROM patents WHERE id = ?").pluck().get(h.id))
    .sort();

describe("English title and abstract in the search text", () => {
  it("TI= matches the English title beside the Chinese one", () => {
    expect(hits("TI=chatbot")).toEqual(["CN112345678A"]);
    expect(hits("TI=客服")).toEqual(["CN112345678A"]);
    expect(hits("TI=conversational")).toEqual(["WO2021000001A1"]); // English-only record: title falls back to English
  });

  it("AB= and bare words match the English abstract", () => {
    expect(hits("AB=dialogue")).toEqual(["CN112345678A", "WO2021000001A1"]); // 'dialogues' stems to it
    expect(hits("AB=answers")).toEqual(["CN112345678A"]);
    expect(hits("TX=battery")).toEqual(["CN112345679A"]);
    expect(hits("chatbot")).toEqual(["CN112345678A", "WO2021000001A1"]);
  });
});
