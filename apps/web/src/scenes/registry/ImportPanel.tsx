import type { ImportResult, ImportRowError, RegistryKind } from "@zhichan/shared";
import { Alert, Button, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importWorkbook, templateUrl } from "../../api/registry";
import { errorText } from "../signin/signin-util";
import { importColumnLabel, importIssueText } from "./importIssueText";

/** Template download and Excel import: the whole file or nothing, every error with its Excel row number. */
export function ImportPanel({ kind, onImported }: { kind: RegistryKind; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Button href={templateUrl(kind)}>{t("forms.registry.template")}</Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            setBusy(true);
            setError(null);
            setResult(null);
            try {
              const r = await importWorkbook(kind, file);
              setResult(r);
              if (!r.rejected) onImported();
            } catch (e) {
              setError(errorText(e));
            } finally {
              setBusy(false);
            }
            return false;
          }}
        >
          <Button type="primary" loading={busy} data-testid="import-button">
            {t("forms.registry.import")}
          </Button>
        </Upload>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {result && !result.rejected && (
        <Alert
          type="success"
          showIcon
          message={t("forms.registry.imported", { inserted: result.inserted, updated: result.updated })}
        />
      )}
      {result?.rejected && (
        <>
          <Alert type="error" showIcon message={t("forms.registry.rejected", { n: result.errors.length })} />
          <Table
            size="small"
            // three columns that wrap: on a phone the problem stays in view rather than past a scroll
            tableLayout="fixed"
            rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
            pagination={{ pageSize: 20 }}
            dataSource={result.errors}
            columns={[
              { title: t("forms.registry.row"), dataIndex: "row", width: 64 },
              {
                title: t("forms.registry.column"),
                width: "32%",
                // the column in the UI's language, with the header as the workbook has it (data: the template's words)
                render: (_: unknown, e: ImportRowError) => {
                  const label = importColumnLabel(e, t);
                  if (!label) return "—";
                  // the Chinese UI names the column as the (Chinese) template does
                  return label === e.column || !e.column || i18n.language !== "en" ? (
                    (e.column ?? label)
                  ) : (
                    <>
                      {label}{" "}
                      <Typography.Text type="secondary" data-content>
                        {e.column}
                      </Typography.Text>
                    </>
                  );
                },
              },
              {
                title: t("forms.registry.problem"),
                // from the server's code and parameters, in the UI's language
                render: (_: unknown, e: ImportRowError) => importIssueText(e, t),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
