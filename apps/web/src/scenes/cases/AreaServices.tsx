import type { CaseArea } from "@zhichan/shared";
import { Card, Col, Row, Space, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { getCaseTypes } from "../../api/cases";
import { CaseListLinks } from "../../components/shell/CaseListLinks";
import { useAsync } from "../../components/useAsync";
import { useShortText, useText } from "../signin/useText";
import { AREA_LABELS } from "./caseText";

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
  const tx = useText();
  const short = useShortText();
  const types = useAsync(() => getCaseTypes(), []);
  if (!types.data) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {intro}
      <CaseListLinks />
      {areas.map((area) => (
        <section key={area}>
          <Typography.Title level={4}>{short(...AREA_LABELS[area])}</Typography.Title>
          <Row gutter={[16, 16]}>
            {types.data
              ?.filter((t) => t.area === area)
              .map((t) => (
                <Col key={t.key} xs={24} sm={12} lg={8}>
                  <Card
                    size="small"
                    title={short(t.label.zh, t.label.en)}
                    extra={
                      <Link to={`/cases/new/${t.key}`} data-apply={t.key}>
                        {tx("在线申请", "Apply")}
                      </Link>
                    }
                  >
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t.states
                        .filter((s) => !s.terminal && s.deadlineWorkingDays)
                        .map(
                          (s) =>
                            `${short(s.label.zh, s.label.en)} ${s.deadlineWorkingDays} ${tx("个工作日", "working days")}`,
                        )
                        .join("；")}
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
  const tx = useText();
  return (
    <AreaServices
      areas={["protection", "operations", "talent"]}
      intro={<Typography.Title level={3}>{tx("一站式服务", "One-stop services")}</Typography.Title>}
    />
  );
}
