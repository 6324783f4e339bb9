import type { ImportResult, RegistryKind } from "@zhichan/shared";
import { Alert, Button, Space, Table, Upload } from "antd";
import { useState } from "react";
import { importWorkbook, templateUrl } from "../../api/registry";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

/** Template download and Excel import: the whole file or nothing, every error with its Excel row number. */
export function ImportPanel({ kind, onImported }: { kind: RegistryKind; onImported: () => void }) {
  const tx = useText();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Button href={templateUrl(kind)}>{tx("下载 Excel 模板", "Download template")}</Button>
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
            {tx("导入 Excel", "Import workbook")}
          </Button>
        </Upload>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {result && !result.rejected && (
        <Alert
          type="success"
          showIcon
          message={tx(
            `导入完成：新增 ${result.inserted} 条，更新 ${result.updated} 条`,
            `Imported: ${result.inserted} new, ${result.updated} updated`,
          )}
        />
      )}
      {result?.rejected && (
        <>
          <Alert
            type="error"
            showIcon
            message={tx(
              `文件中有 ${result.errors.length} 处错误，未写入任何记录；请修改后重新导入`,
              `${result.errors.length} problems: nothing was written`,
            )}
          />
          <Table
            size="small"
            rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
            pagination={{ pageSize: 20 }}
            dataSource={result.errors}
            columns={[
              { title: tx("行号", "Row"), dataIndex: "row", width: 80 },
              { title: tx("列", "Column"), dataIndex: "column", width: 180, render: (c) => c ?? "—" },
              { title: tx("问题", "Problem"), dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Space>
  );
}
