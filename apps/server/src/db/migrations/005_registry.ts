import { type Kysely, sql } from "kysely";

/**
 * Registry of organisations and people, their change history, recorded violations, brand-agency applications,
 * statistical surveys and their responses, and the plan's targets as data. The registry starts empty: the only
 * rows written here are the Zhengzhou 2023–2025 plan's targets (from the plan text); agencies named in the patent
 * data are offered as candidates by the service, marked as derived, never as confirmed records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("registry_orgs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("credit_code", "text", (c) => c.unique()) // 统一社会信用代码
    .addColumn("district_code", "text") // six-digit county-level code; null = unknown
    .addColumn("zone", "text") // functional zone name: 郑东新区 | 高新区 | 经开区 | 航空港区
    .addColumn("address", "text")
    .addColumn("qualifications", "text", (c) => c.notNull().defaultTo("[]")) // JSON array
    .addColumn("status", "text", (c) => c.notNull()) // active | suspended | closed | candidate
    .addColumn("since", "text")
    .addColumn("ended", "text")
    .addColumn("brand", "text", (c) => c.notNull().defaultTo("none")) // none | provincial | national
    .addColumn("source", "text", (c) => c.notNull()) // manual | import | derived from patent data
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("registry_orgs_name").on("registry_orgs").column("name").execute();
  await db.schema.createIndex("registry_orgs_cat").on("registry_orgs").columns(["category", "status"]).execute();

  await db.schema
    .createTable("registry_people")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("registry_orgs.id"))
    .addColumn("certificate_no", "text")
    .addColumn("district_code", "text")
    .addColumn("zone", "text")
    .addColumn("qualifications", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("since", "text")
    .addColumn("ended", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("registry_people_cat").on("registry_people").columns(["category", "status"]).execute();
  await db.schema.createIndex("registry_people_org").on("registry_people").column("org_id").execute();

  await db.schema
    .createTable("registry_history")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("entity", "text", (c) => c.notNull()) // org | person
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text")
    .addColumn("action", "text", (c) => c.notNull()) // created | updated | imported | confirmed
    .addColumn("changes_json", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("registry_history_entity")
    .on("registry_history")
    .columns(["entity", "entity_id"])
    .execute();

  await db.schema
    .createTable("registry_violations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("org_id", "integer", (c) => c.notNull().references("registry_orgs.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("points", "integer")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("evidence", "text")
    .addColumn("recorded_by", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("registry_violations_org").on("registry_violations").column("org_id").execute();

  await db.schema
    .createTable("brand_applications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("org_id", "integer", (c) => c.notNull().references("registry_orgs.id"))
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // submitted | approved | rejected
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text")
    .addColumn("decision_note", "text")
    .execute();

  await db.schema
    .createTable("surveys")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("categories_json", "text", (c) => c.notNull())
    .addColumn("definition_json", "text", (c) => c.notNull()) // {questions, rules}
    .addColumn("status", "text", (c) => c.notNull()) // draft | open | closed | published
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  await db.schema
    .createTable("survey_responses")
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("registry_orgs.id"))
    .addColumn("answers_json", "text", (c) => c.notNull())
    .addColumn("problems_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull()) // submitted | accepted | rejected
    .addColumn("channel", "text", (c) => c.notNull()) // online | excel
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("reviewed_by", "text")
    .addColumn("review_note", "text")
    .addPrimaryKeyConstraint("survey_responses_pk", ["survey_id", "org_id"])
    .execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("city_code", "text", (c) => c.notNull())
    .addColumn("start_year", "integer", (c) => c.notNull())
    .addColumn("end_year", "integer", (c) => c.notNull())
    .addColumn("belt_json", "text", (c) => c.notNull()) // area names of the service belt
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("plan_targets")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("label_zh", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("target", "real", (c) => c.notNull())
    .addColumn("target_year", "integer", (c) => c.notNull())
    .addColumn("metric_json", "text", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("plan_targets_key", ["plan_id", "key"])
    .execute();

  // Agency statistics and supervision group the patents by agency.
  await db.schema.createIndex("patents_agency").ifNotExists().on("patents").column("agency").execute();

  await sql`INSERT INTO plans (code, name, city, city_code, start_year, end_year, belt_json, active) VALUES (
    'zhengzhou-2023-2025', '郑州市知识产权服务业发展三年行动计划（2023—2025年）', '郑州市', '4101', 2023, 2025,
    ${JSON.stringify(["荥阳市", "高新区", "金水区", "郑东新区", "经开区", "航空港区"])}, 1)`.execute(db);
  let sort = 0;
  for (const [key, zh, en, unit, target, metric] of PLAN_2025) {
    sort += 10;
    await sql`INSERT INTO plan_targets (plan_id, key, label_zh, label_en, unit, target, target_year, metric_json, sort)
      VALUES (1, ${key}, ${zh}, ${en}, ${unit}, ${target}, 2025, ${JSON.stringify(metric)}, ${sort})`.execute(db);
  }
}

type Metric = {
  subject: "org" | "person" | "pledge_amount";
  categories?: string[];
  qualificationsAny?: string[];
  anyOf?: Metric[];
};
const SERVICE = ["patent_agency", "trademark_agency", "law_firm", "other_service_agency", "brand_agency"];

/** The 2025 targets of the Zhengzhou plan, as listed in the plan text. */
const PLAN_2025: [string, string, string, string, number, Metric][] = [
  [
    "navigation_bases",
    "专利导航基地",
    "Patent navigation bases",
    "个",
    30,
    { subject: "org", categories: ["navigation_base"] },
  ],
  [
    "copyright_parks",
    "国家版权示范园区",
    "National copyright demonstration parks",
    "个",
    5,
    { subject: "org", categories: ["copyright_park"] },
  ],
  [
    "copyright_units",
    "省级版权示范单位",
    "Provincial copyright demonstration units",
    "个",
    10,
    { subject: "org", categories: ["copyright_unit"] },
  ],
  [
    "workstations",
    "维权工作站",
    "Rights-protection workstations",
    "个",
    40,
    { subject: "org", categories: ["workstation"] },
  ],
  [
    "ip_strong_enterprises",
    "知识产权强企",
    "IP-strong enterprises",
    "家",
    500,
    { subject: "org", categories: ["enterprise"], qualificationsAny: ["ip_strong_enterprise"] },
  ],
  ["pledge_financing", "知识产权质押融资额", "IP pledge financing", "亿元", 12, { subject: "pledge_amount" }],
  ["service_agencies", "知识产权服务机构", "IP service agencies", "家", 1500, { subject: "org", categories: SERVICE }],
  ["patent_agencies", "专利代理机构", "Patent agencies", "家", 120, { subject: "org", categories: ["patent_agency"] }],
  [
    "trademark_agencies",
    "商标代理机构",
    "Trademark agencies",
    "家",
    1300,
    { subject: "org", categories: ["trademark_agency"] },
  ],
  [
    "national_brand_agencies",
    "国家级品牌服务机构",
    "National brand agencies",
    "家",
    10,
    { subject: "org", qualificationsAny: ["national_brand_agency"] },
  ],
  [
    "platforms_leading",
    "服务平台和龙头企业",
    "Platforms and leading enterprises",
    "家",
    10,
    {
      subject: "org",
      anyOf: [
        { subject: "org", categories: ["platform"] },
        { subject: "org", qualificationsAny: ["leading_enterprise"] },
      ],
    },
  ],
  [
    "patent_attorneys",
    "执业专利代理师",
    "Practising patent attorneys",
    "人",
    600,
    { subject: "person", categories: ["patent_attorney"], qualificationsAny: ["practising"] },
  ],
  [
    "high_level_talents",
    "高层次人才",
    "High-level talents",
    "人",
    100,
    { subject: "person", categories: ["high_level_talent"] },
  ],
  [
    "entrepreneurial_talents",
    "创新创业人才",
    "Entrepreneurial talents",
    "人",
    1000,
    { subject: "person", categories: ["entrepreneurial_talent"] },
  ],
  [
    "competitive_agencies",
    "具有竞争力的服务机构",
    "Competitive agencies",
    "家",
    50,
    { subject: "org", qualificationsAny: ["competitive_agency"] },
  ],
  [
    "copyright_brand_agencies",
    "版权品牌服务机构",
    "Copyright brand agencies",
    "家",
    10,
    { subject: "org", qualificationsAny: ["copyright_brand_agency"] },
  ],
  ["leading_talents", "领军人才", "Leading talents", "人", 10, { subject: "person", categories: ["leading_talent"] }],
  ["entrepreneurs", "企业家人才", "Entrepreneurs", "人", 50, { subject: "person", categories: ["entrepreneur"] }],
  ["professionals", "专业人才", "Professionals", "人", 100, { subject: "person", categories: ["professional"] }],
];

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("patents_agency").ifExists().execute();
  for (const t of [
    "plan_targets",
    "plans",
    "survey_responses",
    "surveys",
    "brand_applications",
    "registry_violations",
    "registry_history",
    "registry_people",
    "registry_orgs",
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
