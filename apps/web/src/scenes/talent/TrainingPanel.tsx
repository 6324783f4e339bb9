import type { TrainingEnrolment, TrainingEvent } from "@zhichan/shared";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import {
  createTrainingEvent,
  enrolInTraining,
  getEnrolments,
  getPermissions,
  getTrainingEvents,
  recordAttendance,
} from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

/** 培训活动: anyone sees the events; enterprises and agencies enrol; officials publish and record attendance. */
export function TrainingPanel() {
  const tx = useText();
  const [tick, setTick] = useState(0);
  const events = useAsync(() => getTrainingEvents(), [tick]);
  const perms = useAsync(() => getPermissions(), []);
  const office = perms.data?.has("case:decide") ?? false;
  const applicant = perms.data?.has("case:apply") ?? false;
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
    <Card title={tx("培训活动", "Training events")}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <List<TrainingEvent>
        dataSource={events.data ?? []}
        locale={{ emptyText: tx("暂无培训活动", "No training events") }}
        renderItem={(e) => (
          <List.Item
            actions={[
              !applicant ? null : e.mine ? (
                <Tag color="green" key="mine">
                  {tx("已报名", "Enrolled")}
                </Tag>
              ) : (
                <Button
                  key="enrol"
                  size="small"
                  disabled={e.enrolled >= e.capacity}
                  onClick={() => run(() => enrolInTraining(e.id))}
                >
                  {tx("报名", "Enrol")}
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
                  {tx("名单与签到", "Roster")}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={e.title}
              description={`${e.startsOn} · ${e.location} · ${tx("报名", "enrolled")} ${e.enrolled}/${e.capacity} · ${tx("出席", "attended")} ${e.attended}`}
            />
          </List.Item>
        )}
      />
      {roster && (
        <Table<TrainingEnrolment>
          size="small"
          rowKey="userId"
          pagination={false}
          dataSource={roster.items}
          columns={[
            { title: tx("姓名", "Name"), dataIndex: "name" },
            { title: tx("单位", "Organisation"), dataIndex: "orgName" },
            {
              title: tx("出席", "Attended"),
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
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={tx("培训名称", "Title")} />
          </Form.Item>
          <Form.Item name="startsOn" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="location" rules={[{ required: true }]}>
            <Input placeholder={tx("地点", "Location")} />
          </Form.Item>
          <Form.Item name="capacity" rules={[{ required: true }]}>
            <InputNumber min={1} placeholder={tx("名额", "Capacity")} />
          </Form.Item>
          <Space>
            <Button htmlType="submit">{tx("发布培训", "Publish")}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
