import type { AuditEntry, AuditVerifyResponse, CaseTypeInfo } from "@zhichan/shared";
import { Alert, Button, Card, Grid, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilters, getAuditPage, verifyAudit } from "../../../api/accounts";
import { getCaseTypes } from "../../../api/cases";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { AdminFrame } from "../AdminFrame";
import type { AdminSession } from "../useAdminSession";
import { useDistricts } from "../useDistricts";
import { AuditCards, AuditTable } from "./AuditEntries";
import { AuditFilterBar } from "./AuditFilterBar";
import type { AuditWords } from "./auditWords";
import { VerifyResult } from "./VerifyResult";

/** 审计日志: the audit administrator reads the log in words, filters it, exports it and verifies its chain. */
export function AuditPage() {
  return <AdminFrame page="audit">{(admin) => <AuditView admin={admin} />}</AdminFrame>;
}

function AuditView({ admin }: { admin: AdminSession }) {
  const { t, i18n } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const districts = useDistricts();
  const caseTypes = useAsync(() => getCaseTypes().catch(() => [] as CaseTypeInfo[]), []);
  const words: AuditWords = { t, lang: i18n.language, districtName: districts.name, caseTypes: caseTypes.data ?? [] };
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [check, setCheck] = useState<AuditVerifyResponse | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(async (f: AuditFilters, before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await getAuditPage(f, before);
      setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  const verify = async () => {
    setChecking(true);
    setCheck(null);
    try {
      setCheck(await verifyAudit());
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <Typography.Paragraph className="admin-intro">{t("admin.audit.intro")}</Typography.Paragraph>
      <Card className="admin-card" size="small">
        <AuditFilterBar
          words={words}
          canExport={admin.can("audit:export")}
          filters={filters}
          verifying={checking}
          onFilter={setFilters}
          onVerify={verify}
        />
      </Card>
      {check && <VerifyResult check={check} />}
      {error ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={apiErrorText(error, t)} />
      ) : null}
      <Card className="admin-card" size="small">
        {narrow ? (
          <AuditCards entries={entries} loading={loading} words={words} />
        ) : (
          <AuditTable entries={entries} loading={loading} words={words} />
        )}
        {nextBefore && (
          <Button style={{ marginTop: 12 }} onClick={() => load(filters, nextBefore)} loading={loading}>
            {t("admin.common.loadMore")}
          </Button>
        )}
      </Card>
    </>
  );
}
