import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import type { Actor } from "../accounts/accounts.policy.js";
import { DAY, FakeClock } from "../accounts/clock.js";
import { AuditService } from "../audit/audit.service.js";
import { RegistryService } from "../registry/registry.service.js";
import { official } from "../registry/registry.test-support.js";
import { type ContentServices, createContentServices } from "./content.module.js";

// The services on a fresh database with the real migrations and a clock the test moves.
let db: Db;
let dir: string;
let clock: FakeClock;
let s: ContentServices;
const actor = official(null).actor as Actor;
const info = { ip: null, userAgent: null };

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  clock = new FakeClock();
  const audit = new AuditService(db, clock);
  s = createContentServices(db, {
    clock,
    audit,
    registry: new RegistryService(db, audit, clock),
    caseTypes: () => ["mediation"],
    regionName: () => undefined,
    filesDir: path.join(dir, "content-files"),
  });
});
afterAll(async () => db.close());

const input = (o: Record<string, unknown>) =>
  ({
    kind: "news",
    category: null,
    title: "动态",
    bodyHtml: "<p>x</p>",
    publishAt: null,
    unpublishAt: null,
    published: true,
    ...o,
  }) as never;

describe("content service", () => {
  it("opens and closes the public window at the clock's instants, not before", () => {
    const start = clock.now() + DAY;
    const item = s.items.create(
      actor,
      input({
        title: "窗口",
        publishAt: new Date(start).toISOString(),
        unpublishAt: new Date(start + DAY).toISOString(),
      }),
      info,
    );
    const publicTitles = () => s.items.publicList({ page: 1, pageSize: 50 } as never).items.map((i) => i.title);
    expect(publicTitles()).not.toContain("窗口");
    clock.advance(DAY - 1);
    expect(publicTitles()).not.toContain("窗口");
    clock.advance(1);
    expect(publicTitles()).toContain("窗口");
    expect(s.items.publicGet(item.id).visible).toBe(true);
    clock.advance(DAY);
    expect(publicTitles()).not.toContain("窗口");
    expect(() => s.items.publicGet(item.id)).toThrow(/no such item/);
  });

  it("stores one copy of a file and deletes it with the last row that points at it", () => {
    const a = s.items.create(actor, input({ title: "甲" }), info);
    const b = s.items.create(actor, input({ title: "乙" }), info);
    const pdf = Buffer.from("%PDF-1.7\n%%EOF\n").toString("base64");
    const fa = s.items.addAttachment(actor, a.id, { fileName: "同一.pdf", contentBase64: pdf }, info);
    const fb = s.items.addAttachment(actor, b.id, { fileName: "同一.pdf", contentBase64: pdf }, info);
    const stored = () =>
      fs.readdirSync(path.join(dir, "content-files"), { recursive: true }).filter((f) => String(f).length > 10);
    expect(stored()).toHaveLength(1);
    s.items.removeAttachment(actor, a.id, fa.id, info);
    expect(stored()).toHaveLength(1); // still b's
    expect(s.items.attachment(b.id, fb.id, false).bytes.toString()).toContain("%PDF");
    s.items.removeAttachment(actor, b.id, fb.id, info);
    expect(stored()).toHaveLength(0);
    expect(() => s.items.removeAttachment(actor, a.id, fb.id, info)).toThrow(/no such item/);
  });

  it("answers an empty guide for a known case type and refuses an unknown one", () => {
    expect(s.guides.get("mediation")).toMatchObject({ materials: [], faqs: [], updatedAt: null });
    expect(() => s.guides.get("nothing")).toThrow(/no case type/);
  });
});
