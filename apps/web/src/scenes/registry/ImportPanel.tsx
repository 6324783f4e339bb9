import type { ImportResult, RegistryKind } from "@zhichan/shared";
import { Alert, Button, Space, Table, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importWorkbook, templateUrl } from "../../api/registry";
import { localMessage } from "../../i18n/apiErrors";
import { errorText } from "../signin/signin-util";

/** Template download and Excel import: the whole file or nothing, every error with its Excel row number. */
export function ImportPanel({ kind, onImported }: { kind: RegistryKind; onImported: () => void }) {
  const { t } = useTranslation();
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
            scroll={{ x: "max-content" }}
            rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
            pagination={{ pageSize: 20 }}
            dataSource={result.errors}
            columns={[
              { title: t("forms.registry.row"), dataIndex: "row", width: 70 },
              { title: t("forms.registry.column"), dataIndex: "column", width: 160, render: (c) => c ?? "—" },
              {
                title: t("forms.registry.problem"),
                dataIndex: "message",
                // the server writes "中文 · English"; a row's problem in one language, as the server worded it
                render: (m: string) => localMessage(m) ?? m,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
