import type { TrainingEnrolment, TrainingEvent } from "@zhichan/shared";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createTrainingEvent,
  enrolInTraining,
  getEnrolments,
  getTrainingEvents,
  recordAttendance,
} from "../../api/cases";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useFormRules } from "../../i18n/formRules";
import { errorText } from "../signin/signin-util";

/** 培训活动: anyone sees the events; enterprises and agencies enrol; officials publish and record attendance. */
export function TrainingPanel() {
  const { t } = useTranslation();
  const rule = useFormRules();
  const [tick, setTick] = useState(0);
  const events = useAsync(() => getTrainingEvents(), [tick]);
  const { can } = useSession();
  const office = can("case:decide");
  const applicant = can("case:apply");
  const [error, setError] = useState<string | null>(null);
  const [roster, setRoster] = useState<{ id: number; items: TrainingEnrolment[] } | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setTick((t) => t + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const create = (v: {
    title: string;
    startsOn: { format: (s: string) => string };
    location: string;
    capacity: number;
  }) => run(() => createTrainingEvent({ ...v, startsOn: v.startsOn.format("YYYY-MM-DD") }));
  return (
    <Card title={t("services.training.title")}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <List<TrainingEvent>
        dataSource={events.data ?? []}
        locale={{ emptyText: t("services.training.empty") }}
        renderItem={(e) => (
          <List.Item
            actions={[
              !applicant ? null : e.mine ? (
                <Tag color="green" key="mine">
                  {t("services.training.enrolled")}
                </Tag>
              ) : (
                <Button
                  key="enrol"
                  size="small"
                  disabled={e.enrolled >= e.capacity}
                  onClick={() => run(() => enrolInTraining(e.id))}
                >
                  {t("services.training.enrol")}
                </Button>
              ),
              !office ? null : (
                <Button
                  key="roster"
                  size="small"
                  type="link"
                  onClick={() =>
                    getEnrolments(e.id).then(
                      (items) => setRoster({ id: e.id, items }),
                      (x) => setError(errorText(x)),
                    )
                  }
                >
                  {t("services.training.roster")}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={<span data-content>{e.title}</span>}
              description={t("services.training.meta", {
                date: e.startsOn,
                location: e.location,
                enrolled: e.enrolled,
                capacity: e.capacity,
                attended: e.attended,
              })}
            />
          </List.Item>
        )}
      />
      {roster && (
        <Table<TrainingEnrolment>
          scroll={{ x: "max-content" }}
          size="small"
          rowKey="userId"
          pagination={false}
          dataSource={roster.items}
          columns={[
            { title: t("services.training.name"), dataIndex: "name" },
            { title: t("services.training.organisation"), dataIndex: "orgName" },
            {
              title: t("services.training.attended"),
              render: (_: unknown, r) => (
                <Switch
                  checked={r.attended === true}
                  onChange={(v) =>
                    recordAttendance(roster.id, r.userId, v).then(
                      (items) => setRoster({ id: roster.id, items }),
                      (x) => setError(errorText(x)),
                    )
                  }
                />
              ),
            },
          ]}
        />
      )}
      {office && (
        <Form layout="inline" onFinish={create} style={{ marginTop: 16 }}>
          <Form.Item name="title" rules={[rule.required(t("services.training.titlePlaceholder"))]}>
            <Input placeholder={t("services.training.titlePlaceholder")} />
          </Form.Item>
          <Form.Item name="startsOn" rules={[rule.required(t("fields.startsOn"), true)]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="location" rules={[rule.required(t("services.training.location"))]}>
            <Input placeholder={t("services.training.location")} />
          </Form.Item>
          <Form.Item name="capacity" rules={[rule.required(t("services.training.capacity"))]}>
            <InputNumber min={1} placeholder={t("services.training.capacity")} />
          </Form.Item>
          <Space>
            <Button htmlType="submit">{t("services.training.publish")}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
