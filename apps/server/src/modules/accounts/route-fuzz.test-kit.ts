import type { Role } from "@zhichan/core/accounts/index.ts";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { type AuthTestApp, GOOD_PASSWORD, makeUser, sessionHeaders, totpNow } from "../../testing/auth-fixtures.js";
import { insertPatents } from "../../testing/fixture-db.js";
import { b64, FILES, REGISTRATION_FORM } from "../cases/cases.test-kit.js";
import { csvOf, multipart } from "../imports/web/test-files.js";
import { addMember, insertOrg } from "./orgs.repository.js";

/**
 * For the route fuzzer (route-fuzz.test.ts): real records made through the real HTTP API, and per route one request
 * that should succeed — its body and query built from the route's own schema (minimalValid) with the few values a
 * success needs (ids of the records made here, a code the app itself handed out) laid over it.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON read field by field from the app's own answers
type Json = any;

export interface SuccessCall {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: Json;
  /** A raw payload with its headers (multipart uploads), instead of a JSON body. */
  raw?: { payload: Buffer; headers: Record<string, string> };
  /** Who calls: a user id, or null for an anonymous caller; the fuzzer's caller for the route when absent. */
  as?: number | null;
  /** A session that has not passed the TOTP step yet (the TOTP routes). */
  unverified?: boolean;
}

// --- values that pass a JSON schema (from z.toJSONSchema) -----------------------------------------------------

const SAMPLE = "测试内容文本";
/** The smallest plain value that passes the schema: required keys only, enums' first member, null where allowed. */
export function minimalValid(s: Json, depth = 0): unknown {
  if (!s || depth > 8) return undefined;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alts) {
    const nullable = alts.find((a) => a.type === "null");
    return nullable ? null : minimalValid(alts[0], depth + 1);
  }
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case "string": {
      if (typeof s.pattern === "string")
        return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0];
      const min = (s.minLength as number) ?? 1;
      const max = (s.maxLength as number) ?? 200;
      return SAMPLE.repeat(Math.ceil(Math.max(min, 4) / SAMPLE.length)).slice(0, Math.max(Math.min(max, 12), min));
    }
    case "integer":
    case "number": {
      const lo = (s.minimum as number) ?? ((s.exclusiveMinimum as number) ?? 0) + 1;
      return Math.min(Math.max(lo, 1), (s.maximum as number) ?? 1);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return Array.from({ length: (s.minItems as number) ?? 0 }, () => minimalValid(s.items, depth + 1));
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const out: Record<string, unknown> = {};
      for (const k of (s.required as string[]) ?? []) out[k] = minimalValid(props[k], depth + 1);
      return out;
    }
    default:
      return undefined;
  }
}

// --- the records ------------------------------------------------------------------------------------------------

export interface Seeds {
  t: AuthTestApp;
  /** Users by name: an enterprise owner with an organisation, an agency owner, a city official, an expert, … */
  u: Record<string, { id: number; username: string; totpSecret: string | null }>;
  entOrg: number;
  agencyOrg: number;
  /** Registry organisation of the agency (same credit code as its account organisation). */
  regAgency: number;
  regPerson: number;
  survey: number;
  caseId: number;
  content: { id: number; fileId: number };
  report: number;
  industry: number;
  window: number;
  slot: number;
  training: number;
  listing: number;
  gi: number;
  applicants: number[];
  consultation: { id: number; token: string };
  /** An answered consultation, for the rating. */
  rated: { id: number; token: string };
  importJob: number;
  /**
   * Puts the seeded records and every seeded user's roles back as seeding left them: a fuzzed PUT may land on them
   * (small ids are drawn often), and the next route's request is built on them.
   */
  restore(): void;
}

export class Api {
  constructor(readonly t: AuthTestApp) {}
  async call(as: number | null, method: string, url: string, body?: unknown, unverified = false) {
    const headers: Record<string, string> = { host: "localhost" };
    if (as === null) {
      const csrf = (await this.t.app.inject({ method: "GET", url: "/api/auth/csrf" })).json().csrfToken as string;
      Object.assign(headers, { cookie: `__Host-zc_csrf=${csrf}`, "x-csrf-token": csrf });
    } else if (unverified) {
      const { token, row } = this.t.s.sessions.create(as, "127.0.0.1", false);
      Object.assign(headers, { cookie: `__Host-zc_session=${token}`, "x-csrf-token": row.csrf_token });
    } else Object.assign(headers, sessionHeaders(this.t, as));
    return this.t.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
  /** A call that must succeed (seeding): its JSON answer. */
  async ok(as: number | null, method: string, url: string, body?: unknown): Promise<Json> {
    const res = await this.call(as, method, url, body);
    if (res.statusCode >= 300) throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
    return res.headers["content-type"]?.toString().includes("json") ? res.json() : res.body;
  }
}

const CODES = ["91410100MA0000000A", "91410100MA0000000B"];
let fresh = 0;
export const freshName = (p: string) => `${p}${++fresh}`;

const caseBody = (s: Seeds, title = "企业备案") => ({
  type: "protection_registration",
  title,
  filedAs: { kind: "organisation", orgId: s.entOrg },
  form: REGISTRATION_FORM,
});

export async function seed(t: AuthTestApp, userOfRole: Map<Role, number>): Promise<Seeds> {
  const api = new Api(t);
  const u: Seeds["u"] = {};
  const mk = async (name: string, role: Role, district: string | null = null) => {
    const made = await makeUser(t, name, [{ role, district }]);
    u[name] = { id: made.id, username: made.username, totpSecret: made.totpSecret };
    return made.id;
  };
  for (const [role, id] of userOfRole) u[role] = { id, username: `fz-${role}`, totpSecret: null };
  const city = await mk("sd-city", "official");
  const ent = await mk("sd-ent", "enterprise");
  const agency = await mk("sd-agency", "agency");
  await mk("sd-expert", "expert");
  const now = t.clock.now();
  const entOrg = insertOrg(t.db, {
    kind: "enterprise",
    name: REGISTRATION_FORM.enterpriseName,
    code: REGISTRATION_FORM.uscc,
    district_code: "410105",
    created_at: now,
  });
  addMember(t.db, entOrg, ent, "owner");
  const agencyOrg = insertOrg(t.db, {
    kind: "agency",
    name: "甲代理",
    code: CODES[0],
    district_code: "410105",
    created_at: now,
  });
  addMember(t.db, agencyOrg, agency, "owner");
  const regAgency = (
    await api.ok(city, "POST", "/api/registry/orgs", {
      name: "甲代理",
      category: "patent_agency",
      creditCode: CODES[0],
      districtCode: "410105",
    })
  ).id;
  const regPerson = (
    await api.ok(city, "POST", "/api/registry/people", {
      name: "李代理",
      category: "patent_attorney",
      orgId: regAgency,
    })
  ).id;
  const survey = (
    await api.ok(city, "POST", "/api/surveys", {
      title: "2025 年度服务机构统计",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      dueDate: "2026-01-31",
    })
  ).id;
  await api.ok(city, "POST", `/api/surveys/${survey}/status`, { to: "open" });
  const partial: Partial<Seeds> = { t, u, entOrg, agencyOrg };
  const caseId = (await api.ok(ent, "POST", "/api/cases", caseBody(partial as Seeds))).id;
  const contentId = (
    await api.ok(city, "POST", "/api/content/manage/items", {
      kind: "notice",
      title: "关于开展专利转化专项的通知",
      bodyHtml: "<p>通知正文</p>",
      published: true,
    })
  ).id;
  const file = await api.ok(city, "POST", `/api/content/manage/items/${contentId}/files`, {
    fileName: "附件.pdf",
    contentBase64: b64(FILES.pdf),
  });
  const report = (await api.ok(city, "POST", "/api/reports", { title: "新能源汽车专利分析", q: "电池" })).id;
  const industry = (await api.ok(city, "POST", "/api/industries", { name: "新能源汽车", ipcPrefixes: ["H01M"] })).id;
  const window = (await api.ok(city, "POST", "/api/service-windows", { name: "金水区服务窗口", kind: "window" })).id;
  const slots = await api.ok(city, "POST", `/api/service-windows/${window}/slots`, {
    date: "2026-02-02",
    slots: [{ start: "09:00", end: "10:00", capacity: 50 }],
  });
  const training = (
    await api.ok(city, "POST", "/api/training/events", {
      title: "专利代理实务培训（测试）",
      startsOn: "2026-03-10",
      location: "郑州市知识产权局",
      capacity: 100,
    })
  ).id;
  const listing = (
    await api.ok(agency, "POST", "/api/cases", {
      type: "ip_listing",
      title: "转让挂牌",
      filedAs: { kind: "organisation", orgId: agencyOrg },
      form: {
        listingKind: "transfer",
        assetType: "patent",
        assetNumber: "CN100395559C",
        assetTitle: "二次电池更换方法",
        priceYuan: 200_000,
      },
    })
  ).id;
  await api.ok(city, "POST", `/api/cases/${listing}/transitions/publish`, {});
  const gi = (await api.ok(city, "POST", "/api/gi", { name: "中牟大蒜", kind: "gi_product", stage: "registered" })).id;
  // Two applicant entities of this test's own (merge, split, keep-apart change them).
  insertPatents(t.db, [
    { pub_no: "CN900000001A", title: "一种测试电池", applicants: ["郑州甲测试有限公司"], app_date: "2024-01-01" },
    { pub_no: "CN900000002A", title: "一种测试电机", applicants: ["郑州乙测试有限公司"], app_date: "2024-01-02" },
  ]);
  const applicants = ["郑州甲测试有限公司", "郑州乙测试有限公司"].map(
    (n) => (t.db.sqlite.prepare("SELECT id FROM applicants WHERE name = ?").get(n) as { id: number }).id,
  );
  const ask = (question: string) =>
    api.ok(null, "POST", "/api/consultations", {
      topic: "patent",
      question,
      name: "张先生",
      email: "zhang@example.com",
    });
  const consult = await ask("如何申请专利质押融资？");
  const rated = await ask("商标续展需要什么材料？");
  await api.ok(city, "POST", `/api/consultations/${rated.consultation.id}/answer`, {
    answer: "请携带注册证到窗口办理。",
  });
  // The enterprise caller watches two searches; the import below brings a record both match (two alerts).
  for (const q of ["固态电池", "隔膜"])
    await api.ok(u.enterprise.id, "POST", "/api/me/searches", { name: q, q, watch: true });
  // A map of this test's own (an empty one: the route serves what the reference import stored).
  t.db.sqlite
    .prepare("INSERT INTO geo_shapes (name, geojson) VALUES (?, ?)")
    .run("zhengzhou_districts", JSON.stringify({ type: "FeatureCollection", features: [] }));
  // The fixture rows were written outside the importer, which numbers its rows from its own counter: move it past
  // them, as the importer's own runs would have (else the live index, already past those numbers, skips the import).
  t.db.sqlite
    .prepare(
      `INSERT INTO meta (key, value) VALUES ('patent_seq', (SELECT max(updated_seq) FROM patents))
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    )
    .run();
  const up = multipart(
    "周报.csv",
    csvOf([
      ["公开（公告）号", "标题", "申请人"],
      ["CN300100001A", "一种固态电池隔膜", "郑州丙测试客车股份有限公司"],
      ["CN300100002A", "一种客车底盘", "丙测试客车股份有限公司"],
    ]),
  );
  const upRes = await t.app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { host: "localhost", ...sessionHeaders(t, city), ...up.headers },
    payload: up.payload,
  });
  const uploadId = upRes.json().upload?.id as string;
  const job = await api.ok(city, "POST", `/api/imports/${uploadId}/start`, { source: "fuzz" });
  const importJob = (job.id ?? job.job?.id) as number;
  for (let i = 0; i < 400; i++) {
    const status = (await api.ok(city, "GET", `/api/imports/${importJob}`)).status;
    if (status === "done" || status === "failed") break;
    await new Promise((r) => setTimeout(r, 25));
  }
  for (let i = 0; i < 200; i++) {
    await t.all?.watches.settled();
    if ((await api.ok(u.enterprise.id, "GET", "/api/me/alerts")).items.length > 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  // The agency files the test's own patents (what the supervision statistics count).
  t.db.sqlite.prepare("UPDATE patents SET agency = '甲代理' WHERE pub_no LIKE 'CN90000000%'").run();
  const rows: [string, number][] = [
    ["registry_orgs", regAgency],
    ["registry_people", regPerson],
    ["surveys", survey],
    ["content_items", contentId],
    ["reports", report],
    ["industries", industry],
    ["gi_products", gi],
    ["service_windows", window],
    ["training_events", training],
  ];
  return {
    restore: snapshot(t, rows),
    t,
    u,
    entOrg,
    agencyOrg,
    regAgency,
    regPerson,
    survey,
    caseId,
    content: { id: contentId, fileId: file.id ?? file.files?.[0]?.id },
    report,
    industry,
    window,
    slot: slots.items?.[0]?.id ?? slots[0]?.id ?? slots.id,
    training,
    listing,
    gi,
    applicants,
    consultation: { id: consult.consultation.id, token: consult.token },
    rated: { id: rated.consultation.id, token: rated.token },
    importJob,
  };
}

/** A function that writes the rows (and all users' roles) back as they are now; a deleted row stays deleted. */
function snapshot(t: AuthTestApp, rows: [string, number][]): () => void {
  const db = t.db.sqlite;
  const saved = rows.map(([table, rowId]) => ({
    table,
    row: db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Json,
  }));
  const updates = saved.map(({ table, row }) => {
    const cols = Object.keys(row).filter((c) => c !== "id");
    return {
      stmt: db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`),
      row,
    };
  });
  const roles = db.prepare("SELECT user_id, role, district_code FROM user_roles").all() as Json[];
  const users = [...new Set(roles.map((r) => r.user_id as number))];
  const drop = db.prepare(`DELETE FROM user_roles WHERE user_id IN (${users.join(",") || "0"})`);
  const add = db.prepare(
    "INSERT INTO user_roles (user_id, role, district_code) VALUES (@user_id, @role, @district_code)",
  );
  return db.transaction(() => {
    for (const u of updates) u.stmt.run(u.row);
    drop.run();
    for (const r of roles) add.run(r);
  });
}

// --- one succeeding request per route ---------------------------------------------------------------------------

type Maker = (s: Seeds, api: Api) => Promise<SuccessCall>;

const id = (n: number) => ({ id: n });

/** Routes whose success needs more than the schema's smallest value: the ids and values laid over it. */
export const SUCCESS: Record<string, Maker> = {
  "GET /api/patents/:id": async () => ({ params: { id: "CN100395559C" } }),
  "GET /api/patents/:id/similar": async () => ({ params: { id: "CN100395559C" } }),
  "GET /api/applicants/:id": async (s) => ({ params: id(s.applicants[0]) }),
  "GET /api/applicants/compare": async (s) => ({ query: { ids: s.applicants.join(",") } }),
  "POST /api/applicants/:id/keep-apart": async (s) => ({
    params: id(s.applicants[0]),
    body: { other: s.applicants[1], reason: "不是同一企业" },
    as: s.u["sd-city"].id,
  }),
  "PUT /api/applicants/:id/name": async (s) => ({
    params: id(s.applicants[0]),
    body: { name: "郑州甲测试股份有限公司", reason: "更名" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/applicants/:id/split": async (s, api) => {
    // The two spellings the seeded import brought, made one entity first: the split takes one back out.
    const entityOf = (alias: string) =>
      s.t.db.sqlite.prepare("SELECT applicant_id FROM applicant_aliases WHERE alias = ?").pluck().get(alias) as number;
    const [a, b] = ["郑州丙测试客车股份有限公司", "丙测试客车股份有限公司"].map(entityOf);
    if (a !== b) await api.ok(s.u["sd-city"].id, "POST", `/api/applicants/${b}/merge`, { into: a, reason: "同一企业" });
    return { params: id(a), body: { aliases: ["丙测试客车股份有限公司"], reason: "合并有误" }, as: s.u["sd-city"].id };
  },
  "POST /api/applicants/:id/merge": async (s) => {
    const [a, b] = await twoApplicants(s);
    return { params: id(b.id), body: { into: a.id, reason: "同一企业" }, as: s.u["sd-city"].id };
  },
  "GET /api/geo/:name": async () => ({ params: { name: "zhengzhou_districts" } }),
  "GET /api/ipc/:code": async () => ({ params: { code: "H01M" } }),
  "POST /api/auth/signin": async (s) => {
    const name = freshName("signin");
    await makeUser(s.t, name, [{ role: "enterprise" }]);
    return { body: { username: name, password: GOOD_PASSWORD }, as: null };
  },
  "POST /api/auth/password": async (s) => {
    const made = await makeUser(s.t, freshName("passwd"), [{ role: "enterprise" }]);
    return { body: { currentPassword: GOOD_PASSWORD, newPassword: "New#Secure2026-pw" }, as: made.id };
  },
  "POST /api/auth/totp/verify": async (s) => {
    const made = await makeUser(s.t, freshName("totpv"), [{ role: "official" }]);
    return { body: { code: totpNow(made.totpSecret!, s.t.clock.now()) }, as: made.id, unverified: true };
  },
  "POST /api/auth/totp/confirm": async (s, api) => {
    const made = await makeUser(s.t, freshName("totpc"), [{ role: "enterprise" }]);
    const setup = await api.ok(made.id, "POST", "/api/auth/totp/setup", {});
    return { body: { code: totpNow(setup.secret, s.t.clock.now()) }, as: made.id };
  },
  "POST /api/accounts/users": async () => ({
    body: { username: freshName("newuser"), displayName: "张三", password: "Init#Pass2026" },
  }),
  "PUT /api/accounts/users/:id/roles": async (s) => {
    const made = await makeUser(s.t, freshName("roles"), [{ role: "enterprise" }]);
    return { params: id(made.id), body: { roles: [{ role: "expert" }] } };
  },
  "POST /api/accounts/users/:id/reveal": async (s) => ({
    params: id(s.u["sd-ent"].id),
    body: { reason: "核实身份" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/orgs/:id/members": async (s) => {
    const made = await makeUser(s.t, freshName("invitee"), [{ role: "enterprise" }]);
    return { params: id(s.entOrg), body: { username: made.username }, as: s.u["sd-ent"].id };
  },
  "DELETE /api/orgs/:id/invitations/:invitationId": async (s, api) => {
    const inv = await invite(s, api);
    return { params: { id: s.entOrg, invitationId: inv.invitationId }, as: s.u["sd-ent"].id };
  },
  "POST /api/orgs/invitations/:id/accept": async (s, api) => {
    const inv = await invite(s, api);
    return { params: id(inv.invitationId), as: inv.userId };
  },
  "POST /api/orgs/invitations/:id/decline": async (s, api) => {
    const inv = await invite(s, api);
    return { params: id(inv.invitationId), as: inv.userId };
  },
  "POST /api/orgs/:id/leave": async (s) => {
    const made = await makeUser(s.t, freshName("leaver"), [{ role: "enterprise" }]);
    addMember(s.t.db, s.entOrg, made.id, "member");
    return { params: id(s.entOrg), as: made.id };
  },
  "POST /api/orgs/:id/members/:userId/owner": async (s) => {
    const made = await makeUser(s.t, freshName("owner"), [{ role: "enterprise" }]);
    addMember(s.t.db, s.entOrg, made.id, "member");
    return { params: { id: s.entOrg, userId: made.id }, as: s.u["sd-ent"].id };
  },
  "DELETE /api/orgs/:id/members/:userId": async (s) => {
    const made = await makeUser(s.t, freshName("removed"), [{ role: "enterprise" }]);
    addMember(s.t.db, s.entOrg, made.id, "member");
    return { params: { id: s.entOrg, userId: made.id }, as: s.u["sd-ent"].id };
  },
  "POST /api/orgs/claims/:id/approve": async (s, api) => ({ params: id(await claim(s, api)), as: s.u["sd-ent"].id }),
  "POST /api/orgs/claims/:id/reject": async (s, api) => ({
    params: id(await claim(s, api)),
    body: { reason: "不认识此人" },
    as: s.u["sd-ent"].id,
  }),
  "POST /api/accounts/admin-requests/:id/approve": async (s, api) => ({ params: id(await adminRequest(s, api)) }),
  "POST /api/accounts/admin-requests/:id/reject": async (s, api) => ({
    params: id(await adminRequest(s, api)),
    body: { reason: "不需要" },
  }),
  "DELETE /api/auth/sessions/:id": async (s, api) => {
    const me = s.u.enterprise.id;
    sessionHeaders(s.t, me); // a second session to end
    const list = await api.ok(me, "GET", "/api/auth/sessions");
    const other = (list.items ?? list).find((x: Json) => !x.current);
    return { params: id(other.id), as: me };
  },
  "GET /api/registry/orgs/:id": async (s) => ({ params: id(s.regAgency) }),
  "PUT /api/registry/orgs/:id": async (s) => ({
    params: id(s.regAgency),
    body: { name: "甲代理", category: "patent_agency", creditCode: CODES[0], districtCode: "410105" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/registry/orgs": async (s) => ({
    body: { name: "乙代理有限公司", category: "patent_agency", creditCode: CODES[1] },
    as: s.u["sd-city"].id,
  }),
  "GET /api/registry/people/:id": async (s) => ({ params: id(s.regPerson), as: s.u["sd-city"].id }),
  "POST /api/registry/people": async (s) => ({
    body: { name: "王代理", category: "patent_attorney" },
    as: s.u["sd-city"].id,
  }),
  "PUT /api/registry/people/:id": async (s) => ({
    params: id(s.regPerson),
    body: { name: "李代理", category: "patent_attorney", orgId: s.regAgency },
    as: s.u["sd-city"].id,
  }),
  "POST /api/registry/derive-candidates": async (s) => ({ as: s.u["sd-city"].id }),
  "POST /api/surveys": async (s) => ({
    body: { title: "2026 年度统计", periodStart: "2026-01-01", periodEnd: "2026-12-31", dueDate: "2027-01-31" },
    as: s.u["sd-city"].id,
  }),
  "GET /api/surveys/:id": async (s) => ({ params: id(s.survey), as: s.u["sd-city"].id }),
  "POST /api/surveys/:id/status": async (s, api) => {
    const sv = await api.ok(s.u["sd-city"].id, "POST", "/api/surveys", {
      title: "状态测试",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      dueDate: "2027-01-31",
    });
    return { params: id(sv.id), body: { to: "open" }, as: s.u["sd-city"].id };
  },
  "GET /api/surveys/:id/responses": async (s) => ({ params: id(s.survey), as: s.u["sd-city"].id }),
  "GET /api/surveys/:id/aggregates": async (s) => ({ params: id(s.survey), as: s.u["sd-city"].id }),
  "POST /api/agency/surveys/:id/orgs/:orgId": async (s) => ({
    params: { id: s.survey, orgId: s.regAgency },
    body: { answers: SURVEY_ANSWERS },
    as: s.u["sd-agency"].id,
  }),
  "POST /api/surveys/:id/responses/:orgId/review": async (s, api) => {
    await api.ok(s.u["sd-agency"].id, "POST", `/api/agency/surveys/${s.survey}/orgs/${s.regAgency}`, {
      answers: SURVEY_ANSWERS,
    });
    return { params: { id: s.survey, orgId: s.regAgency }, body: { accept: true }, as: s.u["sd-city"].id };
  },
  "GET /api/surveys/:id/answer-sheet.xlsx": async (s) => ({ params: id(s.survey), as: s.u["sd-agency"].id }),
  "GET /api/surveys/:id/published": async (s, api) => {
    const city = s.u["sd-city"].id;
    const sv = await api.ok(city, "POST", "/api/surveys", {
      title: "发布测试",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      dueDate: "2025-01-31",
    });
    for (const to of ["open", "closed", "published"])
      await api.ok(city, "POST", `/api/surveys/${sv.id}/status`, { to });
    return { params: id(sv.id), as: null };
  },
  "GET /api/supervision/agency": async () => ({ query: { name: "甲代理" } }),
  "GET /api/supervision/credit/:id": async (s) => ({ params: id(s.regAgency) }),
  "POST /api/supervision/credit/:id/violations": async (s) => ({
    params: id(s.regAgency),
    body: { kind: "complaint_upheld", date: "2025-06-01", description: "逾期报送统计数据" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/agency/brand-applications": async (s) => ({
    body: { orgId: s.regAgency, level: "municipal", statement: "本机构申请市级品牌服务机构认定，材料齐全。" },
    as: s.u["sd-agency"].id,
  }),
  "POST /api/supervision/brand-applications/:id/decision": async (s, api) => {
    const app = await api.ok(s.u["sd-agency"].id, "POST", "/api/agency/brand-applications", {
      orgId: s.regAgency,
      level: "municipal",
      statement: "本机构申请市级品牌服务机构认定，材料齐全。",
    });
    return { params: id(app.id), body: { approve: false, note: "材料不足" }, as: s.u["sd-city"].id };
  },
  "GET /api/gi/:id": async (s) => ({ params: id(s.gi) }),
  "POST /api/gi": async (s) => ({
    body: { name: "新郑大枣", kind: "gi_product", stage: "registered" },
    as: s.u["sd-city"].id,
  }),
  "PUT /api/gi/:id": async (s) => ({
    params: id(s.gi),
    body: { name: "中牟大蒜", kind: "gi_product", stage: "registered" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/cases/uploads": async (s) => ({
    body: {
      kind: "business_licence",
      filename: "a.pdf",
      contentBase64: b64(FILES.pdf),
      type: "protection_registration",
    },
    as: s.u["sd-ent"].id,
  }),
  "DELETE /api/cases/uploads/:id": async (s, api) => {
    const up = await api.ok(s.u["sd-ent"].id, "POST", "/api/cases/uploads", {
      kind: "business_licence",
      filename: "a.pdf",
      contentBase64: b64(FILES.pdf),
      type: "protection_registration",
    });
    return { params: id(up.id), as: s.u["sd-ent"].id };
  },
  "POST /api/cases": async (s) => ({ body: caseBody(s, "再次备案"), as: s.u["sd-ent"].id }),
  "GET /api/cases/:id": async (s) => ({ params: id(s.caseId), as: s.u["sd-ent"].id }),
  "POST /api/cases/:id/reveal": async (s) => ({
    params: id(s.caseId),
    body: { reason: "核实身份" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/cases/:id/comments": async (s) => ({
    params: id(s.caseId),
    body: { body: "请补充材料" },
    as: s.u["sd-ent"].id,
  }),
  "GET /api/cases/:id/assignable": async (s) => ({ params: id(s.caseId), as: s.u["sd-city"].id }),
  "POST /api/cases/:id/assignees": async (s, api) => {
    const city = s.u["sd-city"].id;
    const can = await api.ok(city, "GET", `/api/cases/${s.caseId}/assignable`);
    return { params: id(s.caseId), body: { userId: can.users[0].id }, as: city };
  },
  "POST /api/cases/:id/transitions/:transition": async (s, api) => {
    const c = await api.ok(s.u["sd-ent"].id, "POST", "/api/cases", caseBody(s, "撤回测试"));
    return { params: { id: c.id, transition: "withdraw" }, body: {}, as: s.u["sd-ent"].id };
  },
  "POST /api/cases/:id/attachments": async (s) => ({
    params: id(s.caseId),
    body: { kind: "business_licence", filename: "补充.pdf", contentBase64: b64(FILES.pdf) },
    as: s.u["sd-ent"].id,
  }),
  "GET /api/cases/:id/attachments/:attachmentId": async (s, api) => {
    const a = await api.ok(s.u["sd-ent"].id, "POST", `/api/cases/${s.caseId}/attachments`, {
      kind: "business_licence",
      filename: "补充.pdf",
      contentBase64: b64(FILES.pdf),
    });
    return { params: { id: s.caseId, attachmentId: a.id ?? a.attachments?.at(-1)?.id }, as: s.u["sd-ent"].id };
  },
  "GET /api/ratings/case/:id": async (s) => ({ params: id(s.caseId), as: s.u["sd-ent"].id }),
  "GET /api/marketplace/:id": async (s) => ({ params: id(s.listing) }),
  "GET /api/valuations/assets": async () => ({ query: { type: "trademark", number: "12345678", niceClass: 9 } }),
  "GET /api/valuations/patents/:id": async () => ({ params: { id: "CN100395559C" } }),
  "POST /api/training/events/:id/enrol": async (s) => ({ params: id(s.training), as: s.u["sd-ent"].id }),
  "GET /api/training/events/:id/enrolments": async (s) => ({ params: id(s.training), as: s.u["sd-city"].id }),
  "POST /api/training/events/:id/attendance": async (s, api) => {
    const made = await makeUser(s.t, freshName("trainee"), [{ role: "enterprise" }]);
    await api.ok(made.id, "POST", `/api/training/events/${s.training}/enrol`, {});
    return { params: id(s.training), body: { userId: made.id, attended: true }, as: s.u["sd-city"].id };
  },
  "GET /api/industries/:id": async (s) => ({ params: id(s.industry) }),
  "PUT /api/industries/:id": async (s) => ({
    params: id(s.industry),
    body: { name: "新能源汽车", ipcPrefixes: ["H01M"] },
    as: s.u["sd-city"].id,
  }),
  "POST /api/matrix": async () => ({ body: MATRIX }),
  "POST /api/matrix/xlsx": async () => ({ body: MATRIX }),
  "PUT /api/reports/:id/published": async (s) => ({
    params: id(s.report),
    body: { published: true },
    as: s.u["sd-city"].id,
  }),
  "GET /api/reports/:id": async (s, api) => ({ params: id(await publishedReport(s, api)) }),
  "GET /api/reports/:id/print": async (s, api) => ({ params: id(await publishedReport(s, api)) }),
  "GET /api/reports/:id/pdf": async (s, api) => ({ params: id(await publishedReport(s, api)) }),
  "GET /api/reports/:id/xlsx": async (s, api) => ({ params: id(await publishedReport(s, api)) }),
  "POST /api/imports": async (s) => ({
    raw: multipart(
      "周报.csv",
      csvOf([
        ["公开（公告）号", "标题"],
        ["CN300100009A", "一种测试装置"],
      ]),
    ),
    as: s.u["sd-city"].id,
  }),
  "POST /api/imports/:uploadId/preview": async (s) => ({
    params: { uploadId: await staged(s) },
    body: {},
    as: s.u["sd-city"].id,
  }),
  "POST /api/imports/:uploadId/start": async (s) => ({
    params: { uploadId: await staged(s) },
    body: { source: "fuzz" },
    as: s.u["sd-city"].id,
  }),
  "GET /api/imports/:id": async (s) => ({ params: id(s.importJob), as: s.u["sd-city"].id }),
  "GET /api/imports/:id/rejected.xlsx": async (s) => ({ params: id(s.importJob), as: s.u["sd-city"].id }),
  "DELETE /api/me/searches/:id": async (s, api) => {
    const me = s.u.enterprise.id;
    const saved = await api.ok(me, "POST", "/api/me/searches", { name: "电池", q: "电池" });
    return { params: id(saved.id), as: me };
  },
  "DELETE /api/me/search-history/:id": async (s, api) => {
    const me = s.u.enterprise.id;
    await api.ok(me, "POST", "/api/me/search-history", { q: "电池" });
    const h = await api.ok(me, "GET", "/api/me/search-history");
    return { params: id((h.items ?? h)[0].id), as: me };
  },
  "POST /api/me/watches": async (s) => ({ body: { kind: "applicant", applicantId: s.applicants[1] } }),
  "DELETE /api/me/watches/:id": async (s, api) => {
    const me = s.u.enterprise.id;
    const w = await api.ok(me, "POST", "/api/me/watches", { kind: "patent", patentId: 1 });
    return { params: id(w.id), as: me };
  },
  "GET /api/me/alerts/:id": async (s, api) => ({ params: id(await alert(s, api)) }),
  "DELETE /api/me/alerts/:id": async (s, api) => ({ params: id(await alert(s, api)) }),
  "POST /api/consultations": async () => ({
    body: { topic: "patent", question: "商标续展要多久？", name: "李女士", phone: "13700001111" },
    as: null,
  }),
  "GET /api/consultations/by-token/:token": async (s) => ({ params: { token: s.consultation.token }, as: null }),
  "GET /api/consultations/:id": async (s) => ({ params: id(s.consultation.id), as: s.u["sd-city"].id }),
  "POST /api/consultations/:id/answer": async (s) => ({
    params: id(s.consultation.id),
    body: { answer: "可以办理，请携带材料到窗口。" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/ratings": async (s) => ({
    body: { subject: "consultation", id: s.rated.id, score: 5, token: s.rated.token },
    as: null,
  }),
  "POST /api/service-windows": async (s) => ({
    body: { name: "高新区服务窗口", kind: "window" },
    as: s.u["sd-city"].id,
  }),
  "GET /api/service-windows/:id/slots": async (s) => ({ params: id(s.window), query: { from: "2026-02-01" } }),
  "POST /api/service-windows/:id/slots": async (s) => ({
    params: id(s.window),
    body: { date: "2026-02-03", slots: [{ start: "09:00", end: "10:00", capacity: 5 }] },
    as: s.u["sd-city"].id,
  }),
  "GET /api/service-windows/:id/appointments": async (s) => ({
    params: id(s.window),
    query: { date: "2026-02-02" },
    as: s.u["sd-city"].id,
  }),
  "POST /api/appointments": async (s) => ({ body: { slotId: s.slot, purpose: "咨询专利申请" }, as: s.u["sd-ent"].id }),
  "POST /api/appointments/:id/cancel": async (s, api) => {
    const me = (await makeUser(s.t, freshName("visitor"), [{ role: "enterprise" }])).id;
    const a = await api.ok(me, "POST", "/api/appointments", { slotId: s.slot, purpose: "取消测试" });
    return { params: id(a.id), as: me };
  },
  "GET /api/content/items/:id": async (s) => ({ params: id(s.content.id) }),
  "GET /api/content/items/:id/files/:fileId": async (s) => ({ params: { id: s.content.id, fileId: s.content.fileId } }),
  "GET /api/content/manage/items/:id": async (s) => ({ params: id(s.content.id), as: s.u["sd-city"].id }),
  "GET /api/content/manage/items/:id/files/:fileId": async (s) => ({
    params: { id: s.content.id, fileId: s.content.fileId },
    as: s.u["sd-city"].id,
  }),
  "PUT /api/content/manage/items/:id": async (s) => ({
    params: id(s.content.id),
    body: { kind: "notice", title: "关于开展专利转化专项的通知", bodyHtml: "<p>通知正文（修订）</p>", published: true },
    as: s.u["sd-city"].id,
  }),
  "POST /api/content/manage/items/:id/files": async (s) => ({
    params: id(s.content.id),
    body: { fileName: "附件二.pdf", contentBase64: b64(FILES.pdf) },
    as: s.u["sd-city"].id,
  }),
  "DELETE /api/content/manage/items/:id/files/:fileId": async (s, api) => {
    const f = await api.ok(s.u["sd-city"].id, "POST", `/api/content/manage/items/${s.content.id}/files`, {
      fileName: "删除.pdf",
      contentBase64: b64(FILES.pdf),
    });
    return { params: { id: s.content.id, fileId: f.id }, as: s.u["sd-city"].id };
  },
  "PUT /api/content/manage/guides/:caseType": async (s) => ({
    params: { caseType: "mediation" },
    body: { materials: ["身份证明"], eligibility: "纠纷双方均同意调解" },
    as: s.u["sd-city"].id,
  }),
  "GET /api/content/guides/:caseType": async () => ({ params: { caseType: "mediation" } }),
  "POST /api/content/manage/guides/:caseType/templates": async (s) => ({
    params: { caseType: "mediation" },
    body: { fileName: "调解协议.docx", contentBase64: b64(FILES.docx) },
    as: s.u["sd-city"].id,
  }),
  "GET /api/content/guides/:caseType/templates/:fileId": async (s, api) => ({
    params: { caseType: "mediation", fileId: await template(s, api) },
  }),
  "DELETE /api/content/manage/guides/:caseType/templates/:fileId": async (s, api) => ({
    params: { caseType: "mediation", fileId: await template(s, api) },
    as: s.u["sd-city"].id,
  }),
  "PUT /api/directory/manage/:entity/:id": async (s) => ({
    params: { entity: "org", id: s.regAgency },
    body: { published: true, fields: ["district"] },
    as: s.u["sd-city"].id,
  }),
  "GET /api/plan/published": async (s, api) => {
    await api.ok(s.u["sd-city"].id, "PUT", "/api/plan/published", { published: true });
    return { as: null };
  },
  "PUT /api/plan/published": async (s) => ({ body: { published: true }, as: s.u["sd-city"].id }),
  "POST /api/plan/pledges": async (s) => ({
    body: {
      registrationNo: `Y2025${++fresh}`,
      registeredOn: "2025-03-01",
      pledgor: REGISTRATION_FORM.enterpriseName,
      pledgee: "中国银行郑州分行",
      patents: ["CN100395559C"],
      amountYuan: 4_500_000,
    },
    as: s.u["sd-city"].id,
  }),
  "POST /api/plans": async (s) => ({ body: { ...PLAN, code: `zz-fuzz-${++fresh}` }, as: s.u["sd-city"].id }),
  "POST /api/industries": async (s) => ({ body: { name: "锂电池", ipcPrefixes: ["H01M"] }, as: s.u["sd-city"].id }),
  "POST /api/setup": async (s) => ({
    body: {
      code: s.t.s.setup.issueCode().code,
      username: freshName("root"),
      password: "Root#Admin2026",
      displayName: "系统管理员",
    },
    as: null,
  }),
  "POST /api/agency/surveys/:id/orgs/:orgId/excel": async (s, api) => {
    const agency = s.u["sd-agency"].id;
    const sheet = await api.call(agency, "GET", `/api/surveys/${s.survey}/answer-sheet.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1)
        row.getCell(4).value = SURVEY_ANSWERS[String(row.getCell(1).value) as keyof typeof SURVEY_ANSWERS] ?? 1;
    });
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    return { params: { id: s.survey, orgId: s.regAgency }, body: { fileName: "答卷.xlsx", contentBase64 }, as: agency };
  },
  "PUT /api/plan/targets/:id": async (s, api) => {
    const t = await planTarget(s, api);
    return { params: id(t), body: PLAN.targets[0], as: s.u["sd-city"].id };
  },
  "PUT /api/plan/targets/:id/baseline": async (s, api) => ({
    params: id(await planTarget(s, api)),
    body: { baseline: { value: 10, date: "2024-12-31" } },
    as: s.u["sd-city"].id,
  }),
};

const SURVEY_ANSWERS = {
  revenue: 350.5,
  staff: 10,
  attorneys: 4,
  cases_invention: 20,
  cases_utility: 8,
  cases_design: 1,
};
const MATRIX = {
  q: "电池",
  branches: [{ label: "电池", query: "电池" }],
  effects: [{ label: "容量", terms: ["容量"] }],
};
const PLAN = {
  code: "zz-fuzz-plan",
  name: "郑州市知识产权测试规划",
  city: "郑州市",
  cityCode: "4101",
  startYear: 2026,
  endYear: 2030,
  belt: [],
  targets: [
    {
      key: "agencies",
      labelZh: "专利代理机构数",
      unit: "家",
      target: 100,
      targetYear: 2030,
      metric: { subject: "org", categories: ["patent_agency"] },
    },
  ],
};

/** Two applicant entities of this test's own, each with one patent. */
async function twoApplicants(s: Seeds): Promise<{ id: number; name: string }[]> {
  const names = [`合并测试甲${++fresh}有限公司`, `合并测试乙${fresh}有限公司`];
  insertPatents(
    s.t.db,
    names.map((n, i) => ({
      pub_no: `CN91${String(fresh * 10 + i).padStart(6, "0")}A`,
      title: "一种测试装置",
      applicants: [n],
    })),
  );
  return names.map((name) => ({
    name,
    id: (s.t.db.sqlite.prepare("SELECT id FROM applicants WHERE name = ?").get(name) as { id: number }).id,
  }));
}

async function invite(s: Seeds, api: Api) {
  const made = await makeUser(s.t, freshName("inv"), [{ role: "enterprise" }]);
  const inv = await api.ok(s.u["sd-ent"].id, "POST", `/api/orgs/${s.entOrg}/members`, { username: made.username });
  const mine = await api.ok(made.id, "GET", "/api/orgs/requests");
  return { userId: made.id, invitationId: mine.invitations[0].id as number, ownerView: inv };
}

async function claim(s: Seeds, api: Api): Promise<number> {
  const username = freshName("claimer");
  await api.ok(null, "POST", "/api/auth/register", {
    username,
    password: "Reg#Pass2026",
    displayName: username,
    orgKind: "enterprise",
    orgName: "冒名机构",
    orgCode: REGISTRATION_FORM.uscc,
  });
  const uid = (s.t.db.sqlite.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number }).id;
  const mine = await api.ok(uid, "GET", "/api/orgs/requests");
  return mine.claims[0].id;
}

async function adminRequest(s: Seeds, api: Api): Promise<number> {
  const r = await api.ok(s.u.sysadmin.id, "POST", "/api/accounts/users", {
    username: freshName("anquan"),
    displayName: "新安全员",
    password: "Sec#Admin2026",
    adminRole: "secadmin",
  });
  return r.id;
}

async function publishedReport(s: Seeds, api: Api): Promise<number> {
  await api.ok(s.u["sd-city"].id, "PUT", `/api/reports/${s.report}/published`, { published: true });
  return s.report;
}

async function staged(s: Seeds): Promise<string> {
  const up = multipart(
    "周报.csv",
    csvOf([
      ["公开（公告）号", "标题"],
      [`CN30020${++fresh}A`, "一种测试装置"],
    ]),
  );
  const res = await s.t.app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { host: "localhost", ...sessionHeaders(s.t, s.u["sd-city"].id), ...up.headers },
    payload: up.payload,
  });
  return res.json().upload.id;
}

async function alert(s: Seeds, api: Api): Promise<number> {
  const me = s.u.enterprise.id;
  const list = await api.ok(me, "GET", "/api/me/alerts");
  return (list.items ?? list)[0]?.id;
}

async function template(s: Seeds, api: Api): Promise<number> {
  const g = await api.ok(s.u["sd-city"].id, "POST", "/api/content/manage/guides/mediation/templates", {
    fileName: "调解协议.docx",
    contentBase64: b64(FILES.docx),
  });
  return g.id ?? g.templates?.at(-1)?.id;
}

async function planTarget(s: Seeds, api: Api): Promise<number> {
  const city = s.u["sd-city"].id;
  await api.ok(city, "POST", "/api/plans", { ...PLAN, code: `zz-target-${++fresh}`, activate: true });
  return (await api.ok(city, "GET", "/api/plan/dashboard")).targets[0].id;
}
