import type { Role } from "@zhichan/core/accounts/index.ts";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { part, zipOf } from "../../uploads/xlsx-test-kit.js";
import { addMember, insertOrg } from "../accounts/orgs.repository.js";

/** Test support for the case engine: an app, people in roles, enterprises with districts, and a caller per person. */
export interface CaseKit {
  t: AuthTestApp;
  user(
    name: string,
    role: Role,
    o?: { district?: string | null; org?: number; orgRole?: "owner" | "member" },
  ): Promise<Caller>;
  org(name: string, code: string, district: string | null, kind?: "enterprise" | "agency"): number;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: test answers are JSON read field by field in assertions
type Json = any;

export interface Caller {
  id: number;
  /** The organisation the person was made a member of, if any. */
  orgId: number | null;
  /** What a submit names as the filer (issue #13: always explicit): the person's organisation, else the person. */
  filedAs: { kind: "organisation"; orgId: number } | { kind: "person" };
  get(url: string): Promise<{ status: number; body: Json }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: Json }>;
}

export async function caseKit(opts: Parameters<typeof authTestApp>[0] = {}): Promise<CaseKit> {
  const t = await authTestApp(opts);
  return {
    t,
    org: (name, code, district, kind = "enterprise") =>
      insertOrg(t.db, { kind, name, code, district_code: district, created_at: t.clock.now() }),
    user: async (name, role, o = {}) => {
      const u = await makeUser(t, name, [{ role, district: o.district ?? null }]);
      if (o.org !== undefined) addMember(t.db, o.org, u.id, o.orgRole ?? "owner");
      const call = async (method: "GET" | "POST", url: string, payload?: unknown) => {
        // a fresh session per call: tests move the fake clock by days, past the idle timeout
        const headers = { host: "localhost", ...sessionHeaders(t, u.id) };
        const res = await t.app.inject({
          method,
          url,
          headers,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        const json = res.headers["content-type"]?.toString().includes("json") ? res.json() : res.rawPayload;
        return { status: res.statusCode, body: json };
      };
      return {
        id: u.id,
        orgId: o.org ?? null,
        filedAs: o.org === undefined ? { kind: "person" } : { kind: "organisation", orgId: o.org },
        get: (url) => call("GET", url),
        post: (url, payload = {}) => call("POST", url, payload),
      };
    },
    close: () => t.close(),
  };
}

/** A real, minimal Word document: the three parts Word needs, in a ZIP. */
function minimalDocx(): Buffer {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return zipOf([
    part(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    part(
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    part(
      "word/document.xml",
      `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>调解协议</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ]);
}

/** Minimal real files: enough for the content sniffing, as a browser would send them. */
export const FILES = {
  pdf: Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24)]),
  docx: minimalDocx(),
  exe: Buffer.from("MZ\x90\x00 not a document"),
};

export const b64 = (b: Buffer) => b.toString("base64");

export const REGISTRATION_FORM = {
  enterpriseName: "郑州某电池科技有限公司",
  uscc: "91350100M000100Y43",
  contactName: "王工",
  contactPhone: "13700001111",
  industry: "新能源汽车",
  address: "郑州市金水区某路 1 号",
};
