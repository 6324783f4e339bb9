import type { CaseArea } from "@zhichan/shared";
import { Card, Col, Row, Space, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getCaseTypes } from "../../api/cases";
import { CaseListLinks } from "../../components/shell/CaseListLinks";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";

/** The services of one area (or all areas): each case type with its apply link, plus the lists. */
export function AreaServices({
  areas,
  intro,
  children,
}: {
  areas: CaseArea[];
  intro?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { code, pick } = useCodes();
  const types = useAsync(() => getCaseTypes(), []);
  if (!types.data) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {intro}
      <CaseListLinks />
      {areas.map((area) => (
        <section key={area}>
          <Typography.Title level={4}>{code("caseArea", area)}</Typography.Title>
          <Row gutter={[16, 16]}>
            {types.data
              ?.filter((type) => type.area === area)
              .map((type) => (
                <Col key={type.key} xs={24} sm={12} lg={8}>
                  <Card
                    size="small"
                    title={pick(type.label)}
                    extra={
                      <Link to={`/cases/new/${type.key}`} data-apply={type.key}>
                        {t("services.onestop.apply")}
                      </Link>
                    }
                  >
                    {/* 办事指南: materials, eligibility, legal basis … before applying (scenes/content) */}
                    <Link
                      to={`/guides/${type.key}`}
                      data-guide={type.key}
                      style={{ display: "block", marginBottom: 4 }}
                    >
                      {t("publicInfo.guide.link")}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {type.states
                        .filter((s) => !s.terminal && s.deadlineWorkingDays)
                        .map((s) => t("services.onestop.deadline", { state: pick(s.label), n: s.deadlineWorkingDays }))
                        .join(t("common.sentenceSep"))}
                    </Typography.Text>
                  </Card>
                </Col>
              ))}
          </Row>
        </section>
      ))}
      {children}
    </Space>
  );
}

export function ServicesPage() {
  const { t } = useTranslation();
  return (
    <AreaServices
      areas={["protection", "operations", "talent"]}
      intro={<Typography.Title level={3}>{t("services.onestop.title")}</Typography.Title>}
    />
  );
}
