import type { PatentDetail } from "@zhichan/shared";
import { Button, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { getPatent } from "../../api/patents";
import { ErrorView } from "../../components/ErrorView";
import { StatusTag, TypeTag } from "../../components/PatentTags";
import { useAsync } from "../../components/useAsync";
import { WatchButton } from "../watches/WatchButton";
import { Bibliography, OtherFields } from "./Bibliography";
import { SimilarList } from "./SimilarList";
import { StatusHistory } from "./StatusHistory";

function TextBlock({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <Card size="small" title={title} className="patent-text">
      <p className="prewrap">{text}</p>
    </Card>
  );
}

/** /patents/:id — every bibliographic field, abstract, claims and similar patents. */
export function PatentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const res = useAsync((signal) => getPatent(id, signal), [id]);
  const p: PatentDetail | undefined = res.data;

  return (
    <div className="page patent-page">
      <Button type="link" onClick={() => navigate(-1)} className="back-link">
        ← {t("patent.back")}
      </Button>
      {res.error ? (
        <ErrorView error={res.error} onRetry={res.reload} />
      ) : !p ? (
        <Skeleton active paragraph={{ rows: 14 }} />
      ) : (
        <div className="patent-layout">
          <div className="patent-main">
            <header className="patent-head">
              <div className="patent-number">{p.publicationNumber}</div>
              <h1 className="page-title" data-testid="patent-title" data-content>
                {p.title}
              </h1>
              <div className="patent-tags">
                <TypeTag type={p.type} />
                <StatusTag status={p.status} />
                <WatchButton kind="patent" targetId={p.id} />
              </div>
            </header>
            <Bibliography p={p} />
            <StatusHistory p={p} />
            <TextBlock title={t("patent.abstract")} text={p.abstract} />
            <TextBlock title={t("patent.abstractEn")} text={p.abstractEn} />
            <TextBlock title={t("patent.claims")} text={p.claims} />
            <OtherFields p={p} />
          </div>
          <aside className="patent-side">
            <SimilarList id={String(p.id)} />
          </aside>
        </div>
      )}
    </div>
  );
}
