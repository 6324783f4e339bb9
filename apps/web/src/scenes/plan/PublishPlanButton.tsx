import { App, Button, Popconfirm } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { publishPlan } from "../../api/plan";
import { apiErrorText } from "../../i18n/apiErrors";

/** Publishes the plan's city-wide progress to /plan/published, or withdraws it (city-wide officials with plan:edit). */
export function PublishPlanButton({ publishedAt, onChanged }: { publishedAt: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const flip = async () => {
    setBusy(true);
    try {
      await publishPlan(!publishedAt);
      onChanged();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {publishedAt && <Link to="/plan/published">{t("ipAssets.planPublic")}</Link>}
      <Popconfirm
        title={t(publishedAt ? "ipAssets.planWithdrawAsk" : "ipAssets.planPublishAsk")}
        onConfirm={flip}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
      >
        <Button loading={busy} data-testid="plan-publish">
          {t(publishedAt ? "ipAssets.planWithdraw" : "ipAssets.planPublish")}
        </Button>
      </Popconfirm>
    </>
  );
}
