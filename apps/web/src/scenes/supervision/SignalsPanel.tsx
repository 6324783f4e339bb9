import type { Signal } from "@zhichan/shared";
import { Alert, Card, Descriptions, Empty, Segmented, Space, Tag } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getSignals } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";

const KINDS = ["near_duplicate", "burst", "type_mix"] as const;
const pct = (x: unknown) => Math.round(Number(x) * 100);

/** A signal's one-line summary, rebuilt from its evidence (the server's summary is Chinese only). */
function summary(s: Signal, t: TFunction): string {
  const e = s.evidence as Record<string, unknown>;
  if (s.kind === "near_duplicate")
    return t("supervision.signals.summary.near_duplicate", {
      pct: pct(e.jaccard),
      basis: t(
        e.textBasis === "title only"
          ? "supervision.signals.basis.titleOnly"
          : "supervision.signals.basis.titleAbstract",
      ),
    });
  if (s.kind === "burst") return t("supervision.signals.summary.burst", e);
  return t("supervision.signals.summary.type_mix", {
    total: e.total,
    share: pct(e.share),
    overall: pct(e.overallShare),
  });
}

/** Who the signal is about: the server writes "申请人 X" or "代理机构 X". */
function entityText(entity: string, t: TFunction): string {
  const m = /^(申请人|代理机构) (.+)$/.exec(entity);
  if (!m) return entity;
  return t(m[1] === "申请人" ? "supervision.signals.entityApplicant" : "supervision.signals.entityAgency", {
    name: m[2],
  });
}

/** One evidence value in words: shares as percentages, yes/no, text bases and patent types by name. */
function evidenceValue(key: string, v: unknown, t: TFunction): string {
  if (typeof v === "boolean") return t(v ? "common.yes" : "common.no");
  if (key === "jaccard" || key === "share" || key === "overallShare") return `${pct(v)}%`;
  if (key === "textBasis")
    return t(v === "title only" ? "supervision.signals.basis.titleOnly" : "supervision.signals.basis.titleAbstract");
  if (key === "method") return t("supervision.signals.evidence.methodValue");
  if (key === "counts" && v && typeof v === "object")
    return Object.entries(v as Record<string, number>)
      .map(([type, n]) => `${t(`types.${type}`, { defaultValue: type })} ${n}`)
      .join(t("common.listSep"));
  return String(v);
}

/** Marks the characters of `text` that sit in a 3-gram also present in `other` (what makes the pair similar). */
function shared(text: string, other: string) {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= other.length; i++) grams.add(other.slice(i, i + 3));
  const on = new Array(text.length).fill(false);
  for (let i = 0; i + 3 <= text.length; i++) if (grams.has(text.slice(i, i + 3))) on[i] = on[i + 1] = on[i + 2] = true;
  // Runs of marked / unmarked characters, keyed by their start offset (stable for one text).
  const out: { at: number; s: string; m: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.m === on[i]) last.s += text[i];
    else out.push({ at: i, s: text[i], m: on[i] });
  }
  return out.map((p) => (p.m ? <mark key={p.at}>{p.s}</mark> : <span key={p.at}>{p.s}</span>));
}

function Evidence({ s }: { s: Signal }) {
  const { t } = useTranslation();
  if (s.kind === "near_duplicate") {
    const [a, b] = s.patents;
    const text = (p: typeof a) => `${p.title}。${p.abstract ?? ""}`;
    return (
      <div className="evidence-pair">
        {[a, b].map((p, i) => (
          <div className="ev-doc" key={p.id}>
            <div>
              <Link to={`/patents/${p.id}`}>{p.pubNo}</Link> · {p.appDate ?? "—"}
            </div>
            <div className="off-sub">
              {t("supervision.signals.applicant")}
              {t("common.colon")}
              <span data-content>{p.applicants ?? "—"}</span>
              {t("common.sentenceSep")}
              {t("supervision.signals.agency")}
              {t("common.colon")}
              <span data-content>{p.agency ?? "—"}</span>
            </div>
            <p data-content>{shared(text(p), text(i === 0 ? b : a))}</p>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Descriptions
        size="small"
        column={4}
        items={Object.entries(s.evidence).map(([k, v]) => ({
          key: k,
          label: t(`supervision.signals.evidence.${k}`, { defaultValue: k }),
          children: evidenceValue(k, v, t),
        }))}
      />
      <div className="off-sub">
        {t("supervision.signals.filings")}
        {t("common.colon")}
        {s.patents.map((p) => (
          <Link key={p.id} to={`/patents/${p.id}`} style={{ marginRight: 8 }}>
            {p.pubNo} <span data-content>{p.title.slice(0, 16)}</span>
          </Link>
        ))}
      </div>
    </Space>
  );
}

/** Ranked abnormal-filing signals, each with its evidence; a signal is a lead, never a finding. */
export function SignalsPanel() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const [kind, setKind] = useState<string>("near_duplicate");
  const d = useAsync((s) => getSignals(kind, s), [kind]);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Alert type="warning" showIcon message={t("supervision.signals.note")} />
      <Segmented
        value={kind}
        onChange={(v) => setKind(String(v))}
        options={KINDS.map((k) => ({ value: k, label: code("signalKind", k) }))}
      />
      {d.error ? <ErrorView error={d.error} onRetry={d.reload} /> : null}
      {d.loading && !d.data && (
        <>
          <PageLoading />
          <p className="off-sub">{t("supervision.signals.computing")}</p>
        </>
      )}
      {d.data && (
        <div className="off-sub">
          {t("supervision.signals.corpus", {
            n: d.data.corpus.patents.toLocaleString(),
            at: d.data.computedAt.slice(0, 19).replace("T", " "),
          })}
        </div>
      )}
      {d.data && d.data.signals.length === 0 && <Empty description={t("supervision.signals.none")} />}
      {d.data?.signals.slice(0, 50).map((s, i) => (
        <Card
          key={`${s.kind}-${s.patents.map((p) => p.id).join("-")}-${s.entity ?? ""}`}
          size="small"
          title={
            <Space wrap>
              <span>#{i + 1}</span>
              <Tag color="orange">{code("signalKind", s.kind)}</Tag>
              <span>{summary(s, t)}</span>
            </Space>
          }
          extra={
            <span className="off-sub">
              {t("supervision.signals.score", { score: s.score })}
              {s.entity ? (
                <>
                  {" · "}
                  <span data-content>{entityText(s.entity, t)}</span>
                </>
              ) : null}
            </span>
          }
        >
          <Evidence s={s} />
        </Card>
      ))}
    </Space>
  );
}
