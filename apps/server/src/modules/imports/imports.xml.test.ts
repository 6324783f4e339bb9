import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { part, repeatedDeflate, zipOf } from "../../uploads/xlsx-test-kit.js";
import { importFile } from "./imports.service.js";
import { loadReferenceData } from "./reference-data.js";
import { DATA_DIR } from "./test-support.js";

// CNIPA XML V2.2.1 documents built from ../shared/reference/cnipa-xml-fieldmap.md (no real sample exists).
let db: Db;
let dir: string;
const get = (pubNo: string) =>
  db.sqlite.prepare("SELECT * FROM patents WHERE pub_no = ?").get(pubNo) as Record<string, unknown> | undefined;
const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const count = () => db.sqlite.prepare("SELECT count(*) FROM patents").pluck().get() as number;

const NS =
  'xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" xmlns:base="http://www.sipo.gov.cn/XMLSchema/base"';

/** An invention grant (B) with citations, priority and two applicants with structured addresses, prefixed names. */
const inventionB = `<?xml version="1.0" encoding="UTF-8"?>
<business:PatentDocumentAndRelated ${NS} xsdVersion="V2.2.1" file="CN102015000163325CN00001047518250BFULZH20231003CN00Q.XML"
  dateProduced="20230930" status="C" lang="zh" country="CN" docNumber="104751825" kind="B" datePublication="20231003">
 <business:BibliographicData>
  <business:PublicationReference><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code>
   <base:DocNumber>104751825</base:DocNumber><base:Kind>B</base:Kind><base:Date>20231003</base:Date></base:DocumentID>
  </business:PublicationReference>
  <business:ApplicationReference business:applType="10"><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code>
   <base:DocNumber>201510163325.6</base:DocNumber><base:Date>20150408</base:Date></base:DocumentID>
  </business:ApplicationReference>
  <business:PriorityClaim><base:WIPOST3Code>CN</base:WIPOST3Code><base:DocNumber>201410123456.7</base:DocNumber><base:Date>20140901</base:Date></business:PriorityClaim>
  <business:ClassificationIPCRDetails>
   <business:ClassificationIPCR><base:Text>G09G 5/10 (2006.01)</base:Text></business:ClassificationIPCR>
   <business:ClassificationIPCR><base:Section>G</base:Section><base:MainClass>07</base:MainClass><base:Subclass>D</base:Subclass>
    <base:MainGroup>11</base:MainGroup><base:Subgroup>00</base:Subgroup></business:ClassificationIPCR>
  </business:ClassificationIPCRDetails>
  <business:InventionTitle>一种显示亮度调节方法</business:InventionTitle>
  <business:ApplicantDetails>
   <business:Applicant><base:AddressBook><base:Name>恒银金融科技股份有限公司</base:Name>
    <base:Address><base:Province>天津市</base:Province><base:City>市辖区</base:City><base:County>滨海新区</base:County>
     <base:PostCode>300308</base:PostCode><base:Text>天津市滨海新区开发区第五大街</base:Text></base:Address></base:AddressBook></business:Applicant>
   <business:Applicant><base:AddressBook><base:Name>郑州大学</base:Name>
    <base:Address><base:Province>河南省</base:Province><base:City>郑州市</base:City><base:County>中原区</base:County>
     <base:Text>河南省郑州市高新区科学大道100号</base:Text></base:Address></base:AddressBook></business:Applicant>
  </business:ApplicantDetails>
  <business:InventorDetails>
   <business:Inventor><base:AddressBook><base:Name>张三</base:Name></base:AddressBook></business:Inventor>
   <business:Inventor><base:AddressBook><base:Name>李四</base:Name></base:AddressBook></business:Inventor>
  </business:InventorDetails>
  <business:AgentDetails><business:CustomerNumber>12107</business:CustomerNumber>
   <business:Agent><business:Agency><base:AddressBook><base:OrganizationName>天津市三利专利商标代理有限公司</base:OrganizationName></base:AddressBook></business:Agency>
    <base:AddressBook><base:Name>周庆路</base:Name></base:AddressBook></business:Agent>
  </business:AgentDetails>
  <business:ExaminerDetails><business:Examiner><base:Name>王审查</base:Name></business:Examiner></business:ExaminerDetails>
  <business:ReferencesCited>
   <business:Citation><business:ApplicationCitation><business:PublicationReference><base:DocumentID>
    <base:WIPOST3Code>CN</base:WIPOST3Code><base:DocNumber>203232659</base:DocNumber><base:Kind>U</base:Kind><base:Date>20131009</base:Date>
   </base:DocumentID></business:PublicationReference></business:ApplicationCitation></business:Citation>
   <business:Citation><business:ApplicationCitation><business:PublicationReference><base:DocumentID>
    <base:WIPOST3Code>US</base:WIPOST3Code><base:DocNumber>2012123456</base:DocNumber><base:Kind>A1</base:Kind>
   </base:DocumentID></business:PublicationReference></business:ApplicationCitation></business:Citation>
  </business:ReferencesCited>
 </business:BibliographicData>
 <business:Abstract><base:Paragraphs>本发明公开了一种显示亮度调节方法。</base:Paragraphs>
  <business:AbstractFigure><base:Figure><base:Image file="201510163325.JPG" he="60" wi="80"/></base:Figure></business:AbstractFigure></business:Abstract>
 <business:Claims><business:Claim><business:ClaimText>1.一种显示亮度调节方法，其特征在于……</business:ClaimText></business:Claim>
  <business:Claim><business:ClaimText>2.根据权利要求1所述的方法。</business:ClaimText></business:Claim></business:Claims>
</business:PatentDocumentAndRelated>`;

/** A utility model (U) with bare element names and the applicant's division given as a code. */
const utilityU = (docNumber: string, appNo: string) => `<?xml version="1.0" encoding="UTF-8"?>
<PatentDocumentAndRelated xsdVersion="V2.2.1" country="CN" docNumber="${docNumber}" kind="U" datePublication="20230328">
 <BibliographicData>
  <PublicationReference><DocumentID><WIPOST3Code>CN</WIPOST3Code><DocNumber>${docNumber}</DocNumber><Kind>U</Kind><Date>20230328</Date></DocumentID></PublicationReference>
  <ApplicationReference applType="20"><DocumentID><DocNumber>${appNo}</DocNumber><Date>20221202</Date></DocumentID></ApplicationReference>
  <ClassificationIPCRDetails><ClassificationIPCR><Text>B64D 47/00 (2006.01)</Text></ClassificationIPCR></ClassificationIPCRDetails>
  <InventionTitle>一种无人机机载多功能盒</InventionTitle>
  <ApplicantDetails><Applicant><AddressBook><Name>河南某科技有限公司</Name>
   <Address><Province>41</Province><City>4101</City><County>410105</County></Address></AddressBook></Applicant></ApplicantDetails>
  <InventorDetails><Inventor><AddressBook><Name>刘迪</Name></AddressBook></Inventor></InventorDetails>
 </BibliographicData>
 <Abstract><Paragraphs>实用新型提出了一种无人机机载多功能盒。</Paragraphs></Abstract>
</PatentDocumentAndRelated>`;

const prsRecord = (appNo: string, code: string, value: string, date: string, info = "") => `
 <business:PRSRecord>
  <business:ApplicationReference dataFormat="standard"><base:DocumentID><base:DocNumber>${appNo}</base:DocNumber><base:Date>20150408</base:Date></base:DocumentID></business:ApplicationReference>
  <business:PRSCode>${code}</business:PRSCode><business:PRSValue>${value}</business:PRSValue>
  <business:PRSInformation>${info}</business:PRSInformation>
  <business:PRSPublicationDate><base:Date>${date}</base:Date></business:PRSPublicationDate>
 </business:PRSRecord>`;

beforeAll(async () => {
  ({ db, dir } = await freshDb());
  loadReferenceData(db.sqlite, DATA_DIR); // divisions, for the region rules
}, 120_000);

describe("CNIPA XML documents", () => {
  it("imports an invention grant (prefixed names): publication, application, IPC, applicants, region, agency, citations", async () => {
    const r = await importFile(db, write("CN104751825B.XML", inventionB), { source: "cnipa_xml" });
    expect([r.rowsOk, r.rowsBad, r.inserted]).toEqual([1, 0, 1]);
    expect(r.authority).toBe("official"); // CNIPA data outranks vendor exports by default
    expect(r.detected?.layout).toBe("cnipa");
    const p = get("CN104751825B");
    expect(p).toMatchObject({
      app_no: "CN201510163325.6",
      app_date: "2015-04-08",
      pub_date: "2023-10-03",
      grant_date: "2023-10-03",
      type: "invention_grant",
      title: "一种显示亮度调节方法",
      abstract: "本发明公开了一种显示亮度调节方法。",
      applicants_raw: "恒银金融科技股份有限公司;郑州大学",
      inventors: "张三;李四",
      agency: "天津市三利专利商标代理有限公司",
      agent: "周庆路",
      ipc_main: "G09G5/10",
      cited_refs: "CN203232659U;US2012123456A1",
      cites_count: 2,
      priority_nos: "CN201410123456.7",
      priority_dates: "2014-09-01",
      applicant_address: "天津市滨海新区开发区第五大街",
      province_code: "12",
      district_code: "120116",
      region_rule: "fields",
      status: "unknown", // the bibliographic XML carries no legal status: PRS records give it
    });
    expect(String(p?.ipc_all)).toContain("G07D11/00");
    expect(String(p?.claims)).toContain("2.根据权利要求1所述的方法。");
    const extra = JSON.parse(String(p?.extra_json));
    expect(extra).toMatchObject({
      "代理机构代码 AgencyCode": "12107",
      "审查员 Examiner": "王审查",
      "摘要附图 AbstractFigure": "201510163325.JPG",
      "申请人邮编 PostCode": "300308",
    });
    expect(extra["申请人地址 Applicants' addresses"]).toContain("郑州市高新区");
  });

  it("imports a utility model (bare names) with its applicant's division codes as the CNIPA-code region", async () => {
    const r = await importFile(db, write("u.xml", utilityU("218751475", "202223220665.2")), { source: "cnipa_xml" });
    expect(r.rowsOk).toBe(1);
    expect(get("CN218751475U")).toMatchObject({
      type: "utility_model",
      app_no: "CN202223220665.2",
      grant_date: "2023-03-28",
      ipc_main: "B64D47/00",
      province_code: "41",
      city_code: "4101",
      district_code: "410105",
      region_rule: "cnipa_code",
    });
  });

  it("applies PRS legal-status records as dated changes of the application's status, other codes as events", async () => {
    const prs = `<?xml version="1.0" encoding="UTF-8"?><business:PRSRecords ${NS}>${[
      prsRecord("201510163325.6", "CF01", "未缴年费专利权终止", "20240105"),
      prsRecord("201510163325.6", "TR01", "专利权的转移", "20230601", "变更前权利人：恒银金融科技股份有限公司"),
      prsRecord("201510163325.6", "RR01", "权利的恢复", "20240610"),
      prsRecord("209999999999.9", "CF01", "未缴年费专利权终止", "20240105"),
    ].join("")}</business:PRSRecords>`;
    const r = await importFile(db, write("prs.xml", prs), { source: "cnipa_prs" });
    expect([r.rowsOk, r.rowsBad, r.statusEvents]).toEqual([3, 1, 2]);
    // Counted per record: two changed the status, one added a legal event, one named no stored patent.
    expect([r.inserted, r.updated, r.unchanged]).toEqual([0, 3, 0]);
    expect(r.fieldChanges).toEqual({ status: 2, legal_events: 1 });
    expect(r.firstIssues[0].reason).toContain("no stored patent with application number CN209999999999.9");
    expect(get("CN104751825B")).toMatchObject({ status: "valid", status_raw: "权利的恢复 (RR01)" });
    const events = db.sqlite
      .prepare(
        `SELECT kind, event_date, to_value, to_raw FROM patent_events e JOIN patents p ON p.id = e.patent_id
         WHERE p.pub_no = 'CN104751825B' ORDER BY event_date`,
      )
      .all();
    expect(events).toEqual([
      {
        kind: "legal_event",
        event_date: "2023-06-01",
        to_value: "TR01",
        to_raw: "专利权的转移 — 变更前权利人：恒银金融科技股份有限公司",
      },
      { kind: "legal_status", event_date: "2024-01-05", to_value: "lapsed", to_raw: "未缴年费专利权终止 (CF01)" },
      { kind: "legal_status", event_date: "2024-06-10", to_value: "valid", to_raw: "权利的恢复 (RR01)" },
    ]);
    // An older record arriving later does not turn the status back.
    const late = `<PRSRecord><ApplicationReference><DocumentID><DocNumber>201510163325.6</DocNumber></DocumentID></ApplicationReference>
      <PRSCode>CF01</PRSCode><PRSValue>未缴年费专利权终止</PRSValue><PRSPublicationDate><Date>20240105</Date></PRSPublicationDate></PRSRecord>`;
    const lateRun = await importFile(db, write("prs-late.xml", late), { source: "cnipa_prs" });
    expect(get("CN104751825B")?.status).toBe("valid");
    // …and adds nothing: the history holds that record already, as the status change it made then.
    expect([lateRun.updated, lateRun.unchanged, lateRun.fieldChanges]).toEqual([0, 1, {}]);
    expect(lateRun.conflicts).toEqual({ status: 1 });
    // The same records again change nothing, and say so.
    const again = await importFile(db, write("prs.xml", prs), { source: "cnipa_prs", force: true });
    expect([again.updated, again.unchanged, again.rowsBad, again.statusEvents]).toEqual([0, 3, 1, 0]);
  });

  it("counts a record once when its application has two stored publications (A and B)", async () => {
    const csv = [
      "publication_number,application_number,title,legal_status",
      "CN777777777A,CN202110777777.7,一种双公布的装置,实质审查",
      "CN777777777B,CN202110777777.7,一种双公布的装置,有效",
    ].join("\n");
    await importFile(db, write("ab.csv", csv), { source: "vendor_ab", exportDate: "2024-12-31" });
    const prs = `<PRSRecords>${prsRecord("202110777777.7", "CF01", "未缴年费专利权终止", "20250105")}</PRSRecords>`;
    const r = await importFile(db, write("ab-prs.xml", prs), { source: "cnipa_prs_ab" });
    expect([r.updated, r.unchanged, r.rowsBad, r.fieldChanges, r.statusEvents]).toEqual([1, 0, 0, { status: 1 }, 2]);
  });

  it("imports a vendor ZIP of two XML documents and a CSV through the same service", async () => {
    const csv = "publication_number,title,applicants,legal_status\nCN555555555A,压缩包中的表格,甲科技有限公司,有效\n";
    const zip = zipOf([
      part("batch/CN218751476U/CN218751476U.XML", utilityU("218751476", "202223220666.0")),
      part("batch/CN218751477U/CN218751477U.XML", utilityU("218751477", "202223220667.9")),
      part("batch/CN218751477U/figure.JPG", Buffer.from([0xff, 0xd8, 0xff])),
      part("vendor.csv", csv),
    ]);
    const r = await importFile(db, write("delivery.zip", zip), { source: "vendor_zip" });
    expect([r.rowsOk, r.rowsBad, r.inserted]).toEqual([3, 0, 3]);
    expect(r.detected?.entries?.map((e) => [e.kind, e.rows])).toEqual([
      ["patents", 2],
      ["patents", 1],
    ]);
    expect(get("CN218751477U")?.title).toBe("一种无人机机载多功能盒");
    expect(get("CN555555555A")?.status).toBe("valid");
  });
});

describe("bad XML and ZIP input is refused whole, nothing written", () => {
  it("refuses a billion-laughs DOCTYPE with a clear message", async () => {
    const before = count();
    const lol = `<?xml version="1.0"?>
<!DOCTYPE PatentDocumentAndRelated [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<PatentDocumentAndRelated kind="B"><BibliographicData><InventionTitle>&lol3;</InventionTitle></BibliographicData></PatentDocumentAndRelated>`;
    await expect(importFile(db, write("lol.xml", lol), { source: "bomb" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(
        "lol.xml: not a readable CNIPA XML file (DOCTYPE declares entities (<!ENTITY>), refused)",
      ),
    });
    expect(count()).toBe(before);
    expect(db.sqlite.prepare("SELECT count(*) FROM import_runs WHERE source = 'bomb'").pluck().get()).toBe(0);
  });

  it("refuses a file cut mid-element, naming the file and the element", async () => {
    const before = count();
    const cut = utilityU("218751478", "202223220668.8").slice(0, 600);
    await expect(importFile(db, write("cut.xml", cut), { source: "cut" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/cut\.xml: not a readable CNIPA XML file \(.*unclosed tag: /),
    });
    expect(count()).toBe(before);
  });

  it("refuses deep nesting", async () => {
    const deep = `<PatentDocumentAndRelated>${"<a>".repeat(200)}${"</a>".repeat(200)}</PatentDocumentAndRelated>`;
    await expect(importFile(db, write("deep.xml", deep), { source: "deep" })).rejects.toMatchObject({
      message: expect.stringContaining("nested deeper than 64 levels"),
    });
  });

  it("refuses a ZIP bomb by its declared size before inflating, and a lying one at the size it declared", async () => {
    const before = count();
    const bomb = {
      ...repeatedDeflate("publication_number,title\n", "a".repeat(1 << 20), 1600, "\n"),
      name: "data.csv",
    };
    await expect(importFile(db, write("bomb.zip", zipOf([bomb])), { source: "bomb" })).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("bomb.zip: ZIP too large (declares 1600 MB inflated, over 1536 MB)"),
    });
    const liar = { ...repeatedDeflate("publication_number,title\n", "a".repeat(1 << 20), 50, "\n"), name: "data.csv" };
    liar.declaredSize = 1000;
    await expect(importFile(db, write("liar.zip", zipOf([liar])), { source: "bomb" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("liar.zip: unreadable ZIP entry (data.csv: inflates past its declared size)"),
    });
    expect(count()).toBe(before);
  });
});
