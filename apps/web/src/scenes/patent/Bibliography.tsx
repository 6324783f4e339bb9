import type { PatentDetail, PublicationRef } from "@zhichan/shared";
import { Descriptions, type DescriptionsProps, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StatusTag, TypeTag } from "../../components/PatentTags";
import { sourceLabel } from "./sourceLabel";

function dash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === "" ? "—" : String(v);
}

/** All bibliographic fields; normalised values shown with the raw source value beside them. */
export function Bibliography({ p }: { p: PatentDetail }) {
  const { t } = useTranslation();
  const raw = (v: string | null) =>
    v ? <span className="raw-value">{t("patent.rawValue", { value: v })}</span> : null;
  const items: DescriptionsProps["items"] = [
    { key: "pn", label: t("patent.publicationNumber"), children: p.publicationNumber },
    ...(p.titleEn && p.titleEn !== p.title
      ? [{ key: "titleEn", label: t("patent.titleEn"), span: 2, children: p.titleEn }]
      : []),
    { key: "an", label: t("patent.applicationNumber"), children: dash(p.applicationNumber) },
    { key: "ad", label: t("patent.applicationDate"), children: dash(p.applicationDate) },
    { key: "pd", label: t("patent.publicationDate"), children: dash(p.publicationDate) },
    { key: "gd", label: t("patent.grantDate"), children: dash(p.grantDate) },
    { key: "country", label: t("patent.country"), children: p.country },
    {
      key: "type",
      label: t("patent.type"),
      children: (
        <Space size={4} wrap>
          <TypeTag type={p.type} />
          {raw(p.typeRaw)}
        </Space>
      ),
    },
    {
      key: "status",
      label: t("patent.status"),
      children: (
        <Space size={4} wrap data-testid="legal-status">
          <StatusTag status={p.status} />
          {raw(p.statusRaw)}
        </Space>
      ),
    },
    {
      key: "applicants",
      label: t("patent.applicants"),
      span: 2,
      children: p.applicants.length ? (
        <Space size={[12, 4]} wrap>
          {p.applicants.map((a) => (
            <Link key={a.id} to={`/applicants/${a.id}`} data-testid="applicant-link">
              {a.name}
            </Link>
          ))}
        </Space>
      ) : (
        dash(p.applicantsRaw)
      ),
    },
    { key: "applicantsRaw", label: t("patent.applicantsRaw"), span: 2, children: dash(p.applicantsRaw) },
    { key: "inventors", label: t("patent.inventors"), span: 2, children: dash(p.inventors.join("；")) },
    { key: "address", label: t("patent.address"), span: 2, children: dash(p.applicantAddress) },
    {
      key: "region",
      label: t("patent.region"),
      span: 2,
      children: p.region.length ? p.region.map((r) => `${r.name}（${r.code}）`).join(" / ") : "—",
    },
    { key: "agency", label: t("patent.agency"), children: dash(p.agency) },
    { key: "agent", label: t("patent.agent"), children: dash(p.agent) },
    {
      key: "ipcMain",
      label: t("patent.ipcMain"),
      span: 2,
      children: p.ipcMain ? <IpcLine code={p.ipcMain.code} title={p.ipcMain.titleZh} /> : "—",
    },
    {
      key: "ipc",
      label: t("patent.ipc"),
      span: 2,
      children: p.ipc.length ? (
        <ul className="ipc-list">
          {p.ipc.map((c) => (
            <li key={c.code}>
              <IpcLine code={c.code} title={c.titleZh} />
            </li>
          ))}
        </ul>
      ) : (
        "—"
      ),
    },
    {
      key: "sei",
      label: t("patent.sei"),
      span: 2,
      children: p.sei.length ? p.sei.map((s) => `${s.code} ${s.name}`).join("；") : "—",
    },
    { key: "claimsCount", label: t("patent.claimsCount"), children: dash(p.claimsCount) },
    { key: "citedBy", label: t("patent.citedBy"), children: dash(p.citedByCount) },
    { key: "citesCount", label: t("patent.citesCount"), children: dash(p.citesCount) },
    { key: "cpc", label: t("patent.cpc"), span: 2, children: dash(p.cpc.join("；")) },
    { key: "priorityNumbers", label: t("patent.priorityNumbers"), children: dash(p.priorityNumbers.join("；")) },
    { key: "priorityDates", label: t("patent.priorityDates"), children: dash(p.priorityDates.join("；")) },
    {
      key: "citedReferences",
      label: t("patent.citedReferences"),
      span: 2,
      children: <PublicationLinks refs={p.citedReferences} />,
    },
    { key: "familyId", label: t("patent.familyId"), children: dash(p.familyId) },
    { key: "familyCount", label: t("patent.familyCount"), children: dash(p.familyCount) },
    {
      key: "familyMembers",
      label: t("patent.familyMembers"),
      span: 2,
      children: <PublicationLinks refs={p.familyMembers} />,
    },
    {
      key: "sources",
      label: t("patent.sources"),
      span: 2,
      children: dash(p.sources.map((s) => sourceLabel(s, t)).join("; ")),
    },
  ];
  return (
    <Descriptions
      className="biblio"
      title={t("patent.biblio")}
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      labelStyle={{ width: 156 }}
    />
  );
}

/** Publication numbers, each a link to its record when that record is loaded here. */
function PublicationLinks({ refs }: { refs: PublicationRef[] }) {
  if (!refs.length) return <>—</>;
  return (
    <Space size={[12, 4]} wrap>
      {refs.map((r) =>
        r.id === null ? (
          <span key={r.publicationNumber}>{r.publicationNumber}</span>
        ) : (
          <Link key={r.publicationNumber} to={`/patents/${r.id}`}>
            {r.publicationNumber}
          </Link>
        ),
      )}
    </Space>
  );
}

/** Source columns with no field of their own, under their source headers: nothing a file carried is hidden. */
export function OtherFields({ p }: { p: PatentDetail }) {
  const { t } = useTranslation();
  if (!p.otherFields.length) return null;
  return (
    <Descriptions
      className="biblio other-fields"
      data-testid="other-fields"
      title={t("patent.otherFields")}
      extra={<span className="raw-value">{t("patent.otherFieldsHint")}</span>}
      bordered
      size="small"
      column={1}
      items={p.otherFields.map((f) => ({
        key: f.header,
        label: <span data-content>{f.header}</span>,
        children: f.value,
      }))}
      labelStyle={{ width: 156 }}
    />
  );
}

function IpcLine({ code, title }: { code: string; title: string | null }) {
  const { t } = useTranslation();
  // The subclass (e.g. H01M) is what a reader usually wants to browse next.
  const subclass = code.replace(/\s+/g, "").slice(0, 4);
  return (
    <span className="ipc-line">
      <Link to={`/search?q=${encodeURIComponent(`IPC=${subclass}`)}`} title={t("patent.searchSame")}>
        <code>{code}</code>
      </Link>
      {title && <span className="ipc-title">{title}</span>}
    </span>
  );
}
