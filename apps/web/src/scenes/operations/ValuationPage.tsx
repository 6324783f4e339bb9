import type { ValuationReport } from "@zhichan/shared";
import { Alert, Card, Input, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { getValuation } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { AssetTypeChoice } from "./AssetTypeChoice";
import { ValuationResult } from "./ValuationResult";
import { valuationExplanation, valuationInput, valuationNote } from "./valuationText";

const PURPOSES = ["financing", "transfer", "licensing"] as const;

/** 专利价值评估: GB/T 42748-2023 indicators scored from the patent record, weights per purpose, line by line. */
export function ValuationPage() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const [params, setParams] = useSearchParams();
  const patent = params.get("patent") ?? "";
  const purpose = params.get("purpose") ?? "financing";
  const [draft, setDraft] = useState(patent);
  const r = useAsync(patent ? (signal) => getValuation(patent, purpose, signal) : null, [patent, purpose]);
  const set = (k: string, v: string) =>
    setParams((p) => {
      p.set(k, v);
      return p;
    });
  const v: ValuationReport | undefined = r.data;
  return (
    <Card title={t("services.valuation.title")}>
      <AssetTypeChoice current="patent" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(x) => set("patent", x.trim())}
          placeholder={t("services.valuation.patent")}
          style={{ width: 280, maxWidth: "100%" }}
          enterButton={t("services.valuation.assess")}
        />
        <Segmented
          value={purpose}
          onChange={(x) => set("purpose", String(x))}
          options={PURPOSES.map((p) => ({ value: p, label: code("valuationPurpose", p) }))}
        />
      </Space>
      {r.error ? <Alert type="error" showIcon message={errorText(r.error)} /> : null}
      {v && (
        <>
          <Typography.Title level={5}>
            {v.patent.pubNo} <span data-content>{v.patent.title}</span>
          </Typography.Title>
          <ValuationResult
            v={v}
            wording={{
              input: (l) => valuationInput(l, t),
              explanation: (l) => valuationExplanation(l, t),
              note: (n) => valuationNote(n, t),
            }}
          />
        </>
      )}
    </Card>
  );
}
