import { DownloadOutlined, ThunderboltOutlined } from "@ant-design/icons";
import type { CountUnit, MatrixBranchInput, MatrixEffectInput, MatrixResponse } from "@zhichan/shared";
import { Alert, App, Button, Card, Space, Spin, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { computeMatrix, exportMatrix, type MatrixSpec, suggestMatrix } from "../../api/matrix";
import { ErrorView } from "../../components/ErrorView";
import { UnitToggle } from "../../components/UnitToggle";
import { apiErrorText } from "../../i18n/apiErrors";
import { BranchEditor, EffectEditor } from "./MatrixEditor";
import { MatrixResult } from "./MatrixResult";
import "./matrix.css";

/** Rows a suggestion fills in at first: small enough to read on a phone, the editor adds up to 12. */
const FIRST = 6;

/**
 * /matrix?q=…&group=… — the technology–effect matrix (技术功效矩阵) of any hit set: branches (queries, first the
 * hit set's IPC main groups) against effects (phrases, first those mined from the hits); every cell an exact count
 * whose click opens its hits in search; cells with no hits are white space.
 */
export function MatrixPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim() || "*";
  const unit: CountUnit = params.get("group") === "invention" ? "invention" : "publication";
  const [branches, setBranches] = useState<MatrixBranchInput[]>([]);
  const [effects, setEffects] = useState<MatrixEffectInput[]>([]);
  const [result, setResult] = useState<MatrixResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sampled, setSampled] = useState<number | null>(null);

  const compute = useCallback(async (spec: MatrixSpec) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await computeMatrix(spec));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  const suggest = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await suggestMatrix(q, unit);
      const b = s.branches.slice(0, FIRST).map(({ label, query }) => ({ label, query }));
      const e = s.effects.slice(0, FIRST).map(({ label, terms }) => ({ label, terms }));
      setBranches(b);
      setEffects(e);
      setSampled(s.sampled);
      if (b.length && e.length) await compute({ q, group: unit, branches: b, effects: e });
      else setResult(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [q, unit, compute]);

  // a new hit set starts from its own suggestions
  useEffect(() => {
    void suggest();
  }, [suggest]);

  const spec = (): MatrixSpec => ({ q, group: unit, branches, effects });
  const ready = branches.length > 0 && effects.length > 0;
  const download = async () => {
    try {
      const { blob, filename } = await exportMatrix(spec(), i18n.language === "en" ? "en" : "zh");
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = filename;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      void message.error(apiErrorText(e, t));
    }
  };

  return (
    <div className="page matrix-page">
      <h1 className="page-title">{t("matrix.title")}</h1>
      <p className="muted">{t("matrix.intro")}</p>
      <Card size="small" className="matrix-base">
        <div className="matrix-base-row">
          <span>
            {t("matrix.hitSet")}{" "}
            <Link to={`/search?q=${encodeURIComponent(q)}`} data-testid="matrix-base-query">
              <code>{q === "*" ? t("matrix.everything") : q}</code>
            </Link>
          </span>
          <UnitToggle unit={unit} onChange={(u) => setParams({ q, ...(u === "invention" ? { group: u } : {}) })} />
        </div>
        {sampled !== null && <div className="muted">{t("matrix.sampled", { n: sampled })}</div>}
      </Card>
      <div className="matrix-editors">
        <BranchEditor rows={branches} onChange={setBranches} />
        <EffectEditor rows={effects} onChange={setEffects} />
      </div>
      <Space wrap className="matrix-actions">
        <Button
          type="primary"
          disabled={!ready || busy}
          onClick={() => void compute(spec())}
          data-testid="matrix-compute"
        >
          {t("matrix.compute")}
        </Button>
        <Button icon={<ThunderboltOutlined />} disabled={busy} onClick={() => void suggest()}>
          {t("matrix.suggest")}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={!result || busy}
          onClick={() => void download()}
          data-testid="matrix-export"
        >
          {t("matrix.export")}
        </Button>
      </Space>
      {error ? <ErrorView error={error} /> : null}
      {busy && !result && <Spin className="matrix-spin" />}
      {!busy && !error && !ready && <Alert type="info" showIcon message={t("matrix.nothing")} />}
      {result && (
        <Card size="small" className="matrix-result" data-testid="matrix-result">
          <Typography.Paragraph data-testid="matrix-summary">
            {t(`matrix.summary.${result.unit}`, { total: result.total, blanks: result.blanks })}
          </Typography.Paragraph>
          <MatrixResult m={result} q={q} />
        </Card>
      )}
    </div>
  );
}
