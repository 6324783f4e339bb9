import { DownloadOutlined } from "@ant-design/icons";
import { LOOKUP_LIMITS, type LookupRecord, type LookupResponse, splitLookupNumbers } from "@zhichan/shared";
import { Alert, Button, Input, Space, Table, type TableColumnsType } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { isAbort } from "../../api/client";
import { saveBlob } from "../../api/exportStream";
import { exportLookup, lookupNumbers } from "../../api/lookup";
import type { ExportFormat } from "../../api/search";
import { StatusTag, TypeTag } from "../../components/PatentTags";
import { apiErrorText } from "../../i18n/apiErrors";
import "./lookup.css";

interface Row {
  key: string;
  number: string;
  patent: LookupRecord;
}

/**
 * Batch lookup (the search page's 批量查号 tab): a pasted list of publication or application numbers, any
 * separators, up to 10,000; the records found in the order typed, the numbers not found, and an export of both.
 */
export function LookupView() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const [asked, setAsked] = useState(""); // the text behind the result (what an export sends)
  const [result, setResult] = useState<LookupResponse | null>(null);
  const [busy, setBusy] = useState<"lookup" | ExportFormat | null>(null);
  const [error, setError] = useState("");
  const ctl = useRef<AbortController | null>(null);

  const count = useMemo(() => splitLookupNumbers(draft).length, [draft]);
  const problem =
    draft.length > LOOKUP_LIMITS.maxTextLength
      ? t("lookup.tooLong")
      : count > LOOKUP_LIMITS.maxNumbers
        ? t("lookup.tooMany", { max: LOOKUP_LIMITS.maxNumbers.toLocaleString(), n: count.toLocaleString() })
        : "";

  const run = async () => {
    ctl.current?.abort();
    ctl.current = new AbortController();
    setBusy("lookup");
    setError("");
    try {
      setResult(await lookupNumbers(draft, ctl.current.signal));
      setAsked(draft);
    } catch (e) {
      if (!isAbort(e)) setError(apiErrorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError("");
    try {
      const file = await exportLookup(asked, format);
      saveBlob(file.blob, file.filename);
    } catch (e) {
      setError(t("lookup.exportFailed", { message: apiErrorText(e, t) }));
    } finally {
      setBusy(null);
    }
  };

  const clear = () => {
    ctl.current?.abort();
    setDraft("");
    setResult(null);
    setError("");
  };

  const rows: Row[] = useMemo(
    () =>
      (result?.found ?? []).flatMap((f) =>
        f.patents.map((p) => ({ key: `${f.number}\u0000${p.id}`, number: f.number, patent: p })),
      ),
    [result],
  );
  const columns: TableColumnsType<Row> = [
    { title: t("lookup.col.number"), dataIndex: "number", key: "number", width: 170 },
    {
      title: t("lookup.col.publication"),
      key: "publication",
      width: 150,
      render: (_v, r) => <Link to={`/patents/${r.patent.id}`}>{r.patent.publicationNumber}</Link>,
    },
    { title: t("lookup.col.title"), key: "title", width: 280, render: (_v, r) => r.patent.title },
    {
      title: t("lookup.col.applicants"),
      key: "applicants",
      width: 180,
      render: (_v, r) => r.patent.applicants.map((a) => a.name).join("；"),
    },
    { title: t("lookup.col.date"), key: "date", width: 110, render: (_v, r) => r.patent.applicationDate ?? "—" },
    {
      title: t("lookup.col.type"),
      key: "type",
      width: 130,
      render: (_v, r) => (
        <div className="hit-tags">
          <TypeTag type={r.patent.type} />
          <StatusTag status={r.patent.status} />
        </div>
      ),
    },
  ];

  return (
    <section className="lookup" aria-label={t("lookup.title")} data-testid="lookup">
      <p className="lookup-intro">{t("lookup.intro", { max: LOOKUP_LIMITS.maxNumbers.toLocaleString() })}</p>
      <label htmlFor="lookup-numbers" className="field-label">
        {t("lookup.label")}
      </label>
      <Input.TextArea
        id="lookup-numbers"
        data-testid="lookup-input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={t("lookup.placeholder")}
        autoSize={{ minRows: 5, maxRows: 12 }}
      />
      <div className="lookup-actions">
        <span className={problem ? "lookup-problem" : "muted"} aria-live="polite" data-testid="lookup-count">
          {problem || t("lookup.count", { n: count.toLocaleString() })}
        </span>
        <Space wrap>
          <Button onClick={clear}>{t("lookup.clear")}</Button>
          <Button
            type="primary"
            onClick={run}
            loading={busy === "lookup"}
            disabled={count === 0 || problem !== ""}
            data-testid="lookup-submit"
          >
            {t("lookup.submit")}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} data-testid="lookup-error" />}
      {result && (
        <div className="lookup-result">
          <div className="lookup-summary">
            <span data-testid="lookup-summary">
              {t("lookup.summary", {
                asked: result.asked.toLocaleString(),
                found: result.found.length.toLocaleString(),
                records: rows.length.toLocaleString(),
                missing: result.notFound.length.toLocaleString(),
              })}
            </span>
            <Space.Compact>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => download("xlsx")}
                loading={busy === "xlsx"}
                data-testid="lookup-export-xlsx"
              >
                {t("lookup.exportXlsx")}
              </Button>
              <Button onClick={() => download("csv")} loading={busy === "csv"}>
                {t("lookup.exportCsv")}
              </Button>
            </Space.Compact>
          </div>
          <Table<Row>
            rowKey="key"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 1020 }}
            data-testid="lookup-table"
          />
          {result.notFound.length > 0 ? (
            <div className="lookup-not-found">
              <label htmlFor="lookup-not-found" className="field-label">
                {t("lookup.notFoundTitle", { n: result.notFound.length.toLocaleString() })}
              </label>
              <Input.TextArea
                id="lookup-not-found"
                data-testid="lookup-not-found"
                readOnly
                value={result.notFound.join("\n")}
                autoSize={{ minRows: 2, maxRows: 8 }}
              />
            </div>
          ) : (
            <p className="muted">{t("lookup.allFound")}</p>
          )}
        </div>
      )}
    </section>
  );
}
