import { Card, Col, Row, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getCaseTypes } from "../../api/cases";
import { listGuides } from "../../api/content";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { PublicLinks } from "./PublicLinks";
import "./content.css";

/** Every service with its guide (a service whose guide is not written yet says so on its page). */
export function GuidesPage() {
  const { t } = useTranslation();
  const { code, pick } = useCodes();
  const types = useAsync(() => getCaseTypes(), []);
  const guides = useAsync((s) => listGuides(s), []);
  if (!types.data || !guides.data) return <Spin />;
  const written = new Set(guides.data.items.map((g) => g.caseType));
  const areas = [...new Set(types.data.map((x) => x.area))];
  return (
    <div className="content-page" data-testid="guides-page">
      <Typography.Title level={2}>{t("publicInfo.guide.title")}</Typography.Title>
      <PublicLinks />
      <Typography.Paragraph type="secondary">{t("publicInfo.guide.listIntro")}</Typography.Paragraph>
      {areas.map((area) => (
        <section key={area}>
          <Typography.Title level={4}>{code("caseArea", area)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {types.data
              ?.filter((x) => x.area === area)
              .map((x) => (
                <Col key={x.key} xs={24} sm={12} lg={8}>
                  <Card size="small">
                    <Link to={`/guides/${x.key}`} data-guide-link={x.key}>
                      {pick(x.label)}
                    </Link>
                    {!written.has(x.key) && (
                      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                        {t("publicInfo.guide.empty")}
                      </Typography.Text>
                    )}
                  </Card>
                </Col>
              ))}
          </Row>
        </section>
      ))}
    </div>
  );
}
