import { EyeOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addWatch, getWatches, removeWatch } from "../../api/watches";
import { useSession } from "../../components/shell/useSession";
import { apiErrorText } from "../../i18n/apiErrors";

/**
 * Watch (or stop watching) a patent or an applicant entity: alerted when its patents change legal status. Shown to
 * a signed-in user only.
 */
export function WatchButton({ kind, targetId }: { kind: "patent" | "applicant"; targetId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [watchId, setWatchId] = useState<number | null | undefined>(undefined);

  useEffect(() => {
    if (!user) return;
    const ctl = new AbortController();
    getWatches(ctl.signal).then(
      (l) => setWatchId(l.items.find((w) => w.kind === kind && w.targetId === targetId)?.id ?? null),
      () => setWatchId(null),
    );
    return () => ctl.abort();
  }, [user, kind, targetId]);

  if (!user || watchId === undefined) return null;
  const toggle = async () => {
    try {
      if (watchId) {
        await removeWatch(watchId);
        setWatchId(null);
        message.success(t("watches.unwatchedNotice"));
      } else {
        const body = kind === "patent" ? { kind, patentId: targetId } : { kind, applicantId: targetId };
        setWatchId((await addWatch(body)).id);
        message.success(t("watches.watchedNotice"));
      }
    } catch (e) {
      message.error(apiErrorText(e));
    }
  };
  return (
    <Button
      size="small"
      icon={<EyeOutlined />}
      type={watchId ? "primary" : "default"}
      aria-pressed={watchId !== null}
      onClick={toggle}
      data-testid={`watch-${kind}`}
    >
      {watchId ? t("watches.watching") : kind === "patent" ? t("watches.watchPatent") : t("watches.watchApplicant")}
    </Button>
  );
}
