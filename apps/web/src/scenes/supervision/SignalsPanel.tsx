import type { Signal } from "@zhichan/shared";
import { Alert, Card, Descriptions, Empty, Segmented, Space, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { getSignals } from "../../api/registry";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useShortText, useText } from "../signin/useText";

const KIND = {
  near_duplicate: { zh: "近似重复申请", en: "near-duplicate" },
  burst: { zh: "申请量突增", en: "filing burst" },
  type_mix: { zh: "类型结构异常", en: "unusual type mix" },
} as const;

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
  const tx = useShortText();
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
              {tx("申请人", "Applicant")}：{p.applicants ?? "—"}；{tx("代理机构", "Agency")}：{p.agency ?? "—"}
            </div>
            <p>{shared(text(p), text(i === 0 ? b : a))}</p>
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
          label: k,
          children: typeof v === "object" ? JSON.stringify(v) : String(v),
        }))}
      />
      <div className="off-sub">
        {tx("涉及申请（最多 10 件）", "Filings (up to 10)")}：
        {s.patents.map((p) => (
          <Link key={p.id} to={`/patents/${p.id}`} style={{ marginRight: 8 }}>
            {p.pubNo} {p.title.slice(0, 16)}
          </Link>
        ))}
      </div>
    </Space>
  );
}

/** Ranked abnormal-filing signals, each with its evidence; a signal is a lead, never a finding. */
export function SignalsPanel() {
  const tx = useText();
  const short = useShortText();
  const [kind, setKind] = useState<string>("near_duplicate");
  const d = useAsync((s) => getSignals(kind, s), [kind]);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Alert
        type="warning"
        showIcon
        message={d.data?.note ?? tx("信号只提示需要核查的线索，不构成违规认定", "Signals are leads, not findings")}
      />
      <Segmented
        value={kind}
        onChange={(v) => setKind(String(v))}
        options={Object.entries(KIND).map(([k, l]) => ({ value: k, label: short(l.zh, l.en) }))}
      />
      {d.error ? <ErrorView error={d.error} onRetry={d.reload} /> : null}
      {d.loading && !d.data && (
        <>
          <PageLoading />
          <p className="off-sub">
            {tx(
              "正在比对申请文本（首次计算约需数秒，之后缓存至数据更新）",
              "Comparing filings: the first run takes a few seconds",
            )}
          </p>
        </>
      )}
      {d.data && (
        <div className="off-sub">
          {tx(
            `检测范围：${d.data.corpus.description}（${d.data.corpus.patents} 件）；计算于 ${d.data.computedAt.slice(0, 19).replace("T", " ")}`,
            `Corpus: ${d.data.corpus.patents} filings`,
          )}
        </div>
      )}
      {d.data && d.data.signals.length === 0 && (
        <Empty description={tx("没有发现此类信号", "No signals of this kind")} />
      )}
      {d.data?.signals.slice(0, 50).map((s, i) => (
        <Card
          key={`${s.kind}-${s.patents.map((p) => p.id).join("-")}-${s.entity ?? ""}`}
          size="small"
          title={
            <Space wrap>
              <span>#{i + 1}</span>
              <Tag color="orange">{short(KIND[s.kind].zh, KIND[s.kind].en)}</Tag>
              <span>{s.summary}</span>
            </Space>
          }
          extra={
            <span className="off-sub">
              {tx(`得分 ${s.score}`, `score ${s.score}`)}
              {s.entity ? ` · ${s.entity}` : ""}
            </span>
          }
        >
          <Evidence s={s} />
        </Card>
      ))}
    </Space>
  );
}
