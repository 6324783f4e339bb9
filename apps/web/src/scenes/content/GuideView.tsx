import type { Guide } from "@zhichan/shared";
import { Button, Collapse, Empty, List } from "antd";
import { useTranslation } from "react-i18next";
import { guideTemplateUrl } from "../../api/content";

/** A guide's sections, each shown only when the office wrote it; "not published yet" when none is. */
export function GuideView({ guide }: { guide: Guide }) {
  const { t } = useTranslation();
  const has =
    guide.materials.length ||
    guide.eligibility ||
    guide.legalBasis.length ||
    guide.timeLimit ||
    guide.fees ||
    guide.faqs.length ||
    guide.templates.length;
  if (!has) return <Empty description={t("publicInfo.guide.empty")} />;
  const text = (key: string, value: string) =>
    value ? (
      <section className="guide-section" data-guide={key}>
        <h3>{t(`publicInfo.guide.${key}`)}</h3>
        <p style={{ whiteSpace: "pre-wrap" }}>{value}</p>
      </section>
    ) : null;
  const items = (key: string, values: string[]) =>
    values.length ? (
      <section className="guide-section" data-guide={key}>
        <h3>{t(`publicInfo.guide.${key}`)}</h3>
        <ol>
          {values.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ol>
      </section>
    ) : null;
  return (
    <div className="guide" data-testid="guide">
      {items("materials", guide.materials)}
      {text("eligibility", guide.eligibility)}
      {items("legalBasis", guide.legalBasis)}
      {text("timeLimit", guide.timeLimit)}
      {text("fees", guide.fees)}
      {guide.faqs.length > 0 && (
        <section className="guide-section" data-guide="faqs">
          <h3>{t("publicInfo.guide.faqs")}</h3>
          <Collapse items={guide.faqs.map((f, i) => ({ key: String(i), label: f.q, children: <p>{f.a}</p> }))} />
        </section>
      )}
      {guide.templates.length > 0 && (
        <section className="guide-section" data-guide="templates">
          <h3>{t("publicInfo.guide.templates")}</h3>
          <List
            size="small"
            dataSource={guide.templates}
            renderItem={(f) => (
              <List.Item key={f.id}>
                <Button type="link" href={guideTemplateUrl(guide.caseType, f.id)} download={f.fileName}>
                  {f.fileName}
                </Button>
              </List.Item>
            )}
          />
        </section>
      )}
    </div>
  );
}
