import type { PledgeImportResult, PledgeRegistration } from "@zhichan/shared";
import { Alert, Button, Card, Space, Table, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importPledges, listPledges, pledgeTemplateUrl } from "../../api/plan";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import { PledgeForm } from "./PledgeForm";

const FIELD_KEYS: Record<string, string> = { amountYuan: "amount", districtCode: "district" };

/**
 * 平台外质押登记: pledges registered outside the platform's pledge cases, which the pledge-financing target adds to
 * the cases'. Officials who may edit the plan register one or import a bank's or CNIPA's list.
 */
export function PledgeRegisterPanel({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { region } = useCodes();
  const list = useAsync((s) => listPledges(s), []);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const [result, setResult] = useState<PledgeImportResult | null>(null);
  const p = (k: string, o?: Record<string, unknown>) => t(`planBaseline.pledges.${k}`, o);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const issueText = (e: PledgeImportResult["errors"][number]) => {
    const params = { ...e.params } as Record<string, unknown>;
    if (e.code === "missing_columns")
      params.columns = String(e.params.fields ?? "")
        .split(",")
        .map((f) => p(FIELD_KEYS[f] ?? f))
        .join(t("common.listSep"));
    if (e.code === "bad_field") params.field = p(FIELD_KEYS[String(e.params.field)] ?? String(e.params.field));
    return p(`issue.${e.code}`, { ...params, defaultValue: e.message });
  };
  return (
    <Card size="small" style={{ marginTop: 12 }} title={p("title")} data-testid="pledge-register">
      <p className="off-sub">{p("intro")}</p>
      {canEdit && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setOpen(true)}>
            {p("register")}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={async (file) => {
              setNote(null);
              setResult(null);
              try {
                const r = await importPledges(file);
                setResult(r);
                if (!r.rejected) changed();
              } catch (e) {
                setNote({ type: "error", text: apiErrorText(e) });
              }
              return false;
            }}
          >
            <Button>{p("import")}</Button>
          </Upload>
          <a href={pledgeTemplateUrl()}>{p("template")}</a>
        </Space>
      )}
      {note && <Alert type={note.type} showIcon style={{ marginBottom: 12 }} message={note.text} />}
      {result && (
        <Alert
          type={result.rejected ? "error" : "success"}
          showIcon
          closable
          onClose={() => setResult(null)}
          style={{ marginBottom: 12 }}
          message={
            result.rejected
              ? p("rejected")
              : `${result.layout ? `${p(`layout.${result.layout}`)}${t("common.colon")}` : ""}${
                  result.withoutAmount
                    ? p("importedNoAmount", {
                        inserted: result.inserted,
                        skipped: result.skipped,
                        n: result.withoutAmount,
                      })
                    : p("imported", { inserted: result.inserted, skipped: result.skipped })
                }`
          }
          description={
            result.rejected ? (
              <ul className="pledge-issues">
                {result.errors.map((e) => (
                  <li key={`${e.row}-${e.column}-${e.code}`}>
                    {p("row", { row: e.row })}
                    {e.column ? (
                      <>
                        {" · "}
                        <span data-content>{e.column}</span>
                      </>
                    ) : null}
                    {t("common.colon")}
                    {issueText(e)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      <Table<PledgeRegistration>
        size="small"
        rowKey="id"
        scroll={{ x: "max-content" }}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: p("empty") }}
        columns={[
          { title: p("registeredOn"), dataIndex: "registeredOn" },
          {
            title: p("registrationNo"),
            dataIndex: "registrationNo",
            render: (v: string) => <span data-content>{v}</span>,
          },
          { title: p("pledgor"), dataIndex: "pledgor", render: (v: string) => <span data-content>{v}</span> },
          { title: p("pledgee"), dataIndex: "pledgee", render: (v: string) => <span data-content>{v}</span> },
          { title: p("patents"), dataIndex: "patents", render: (v: string[]) => p("count", { n: v.length }) },
          {
            title: p("amount"),
            dataIndex: "amountYuan",
            align: "right",
            render: (v: number | null) => (v === null ? p("noAmount") : (v / 10_000).toLocaleString()),
          },
          { title: p("district"), dataIndex: "districtCode", render: (c: string | null) => (c ? region(c) : "—") },
          { title: "", dataIndex: "source", render: (s: string) => p(`source.${s.replace(":", "_")}`) },
        ]}
      />
      {open && (
        <PledgeForm
          onClose={() => setOpen(false)}
          onSaved={(no) => {
            setNote({ type: "success", text: p("registered", { no }) });
            changed();
          }}
        />
      )}
    </Card>
  );
}
