import type { ServiceWindowView } from "@zhichan/shared";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Table } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getDistricts } from "../../api/me";
import { createSlots, createWindow, serviceWindows, windowBookings } from "../../api/serviceDesk";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import "./desk.css";

/** 窗口与时段管理 (officials): open a window, open times on a day with their places, see the day's bookings. */
export function WindowsManagePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const localError = useLocalError();
  const windows = useAsync((s) => serviceWindows(s), []);
  const districts = useAsync((s) => getDistricts(s), []);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [date, setDate] = useState(dayjs().add(1, "day").format("YYYY-MM-DD"));
  const bookings = useAsync(windowId ? (s) => windowBookings(windowId, date, s) : null, [windowId, date]);
  const [error, setError] = useState<string | null>(null);
  const [slot, setSlot] = useState({ start: "09:00", end: "09:30", capacity: 5 });
  if (!windows.data) return <PageLoading />;
  const name = (w: ServiceWindowView) => (i18n.language === "en" && w.nameEn ? w.nameEn : w.name);
  const act = async (f: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await f();
      message.success(done);
      windows.reload();
      bookings.reload();
    } catch (e) {
      setError(localError(e));
    }
  };
  const label = (k: string) => t(`serviceDesk.appointments.${k}`);
  return (
    <div className="desk-page" data-testid="windows-manage">
      <h1>{t("serviceDesk.appointments.manage")}</h1>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <div className="desk-grid">
        <Card title={label("newWindow")}>
          <Form
            layout="vertical"
            initialValues={{ kind: "window" }}
            onFinish={(v) => act(() => createWindow(v), label("opened"))}
          >
            <Form.Item
              name="name"
              label={label("name")}
              rules={[{ required: true, message: t("validation.required", { field: label("name") }) }]}
            >
              <Input maxLength={80} data-testid="window-name" />
            </Form.Item>
            <Form.Item name="nameEn" label={label("nameEn")}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="kind" label={label("kind")}>
              <Select options={["window", "workstation"].map((k) => ({ value: k, label: label(`kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="district" label={t("serviceDesk.consult.district")}>
              <Select
                allowClear
                options={(districts.data?.districts ?? []).map((d) => ({
                  value: d.code,
                  label: i18n.language === "en" ? d.nameEn : d.name,
                }))}
              />
            </Form.Item>
            <Form.Item name="address" label={label("address")}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="window-create">
              {label("create")}
            </Button>
          </Form>
        </Card>
        <Card title={label("openSlots")}>
          <div className="desk-row">
            <Select
              style={{ minWidth: 200, flex: 1 }}
              placeholder={label("pick")}
              aria-label={label("pick")}
              value={windowId ?? undefined}
              onChange={setWindowId}
              options={windows.data.map((w) => ({ value: w.id, label: name(w) }))}
              data-testid="manage-window"
            />
            <Input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              style={{ width: 160 }}
              aria-label={label("date")}
            />
          </div>
          <div className="desk-row" style={{ marginTop: 8 }}>
            <Input
              type="time"
              value={slot.start}
              onChange={(e) => setSlot({ ...slot, start: e.target.value })}
              style={{ width: 120 }}
              aria-label={label("start")}
            />
            <Input
              type="time"
              value={slot.end}
              onChange={(e) => setSlot({ ...slot, end: e.target.value })}
              style={{ width: 120 }}
              aria-label={label("end")}
            />
            <InputNumber
              min={1}
              max={500}
              value={slot.capacity}
              onChange={(v) => setSlot({ ...slot, capacity: v ?? 1 })}
              aria-label={label("capacity")}
              addonAfter={label("capacity")}
              style={{ width: 150 }}
            />
            <Button
              type="primary"
              disabled={!windowId}
              onClick={() => act(() => createSlots(windowId!, { date, slots: [slot] }), label("opened"))}
              data-testid="slot-add"
            >
              {label("addSlot")}
            </Button>
          </div>
          {windowId && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: "max-content" }}
              title={() => label("bookings")}
              dataSource={bookings.data ?? []}
              columns={[
                { title: label("start"), render: (_, a) => `${a.start}–${a.end}` },
                { title: label("person"), dataIndex: "person" },
                { title: label("purpose"), dataIndex: "purpose" },
                { title: label("statusTitle"), dataIndex: "status", render: (s: string) => label(`status.${s}`) },
              ]}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
