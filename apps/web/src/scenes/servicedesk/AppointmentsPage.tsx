import type { ServiceWindowView } from "@zhichan/shared";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { book, cancelAppointment, myAppointments, serviceWindows, windowSlots } from "../../api/serviceDesk";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import { RateBox } from "./RateBox";
import "./desk.css";

/** 预约办理: pick a window, a time with places left, say what for, book; one's appointments with cancel and rating. */
export function AppointmentsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const localError = useLocalError();
  const { session, user } = useSession();
  const windows = useAsync((s) => serviceWindows(s), []);
  const [windowId, setWindowId] = useState<number | null>(null);
  const slots = useAsync(windowId ? (s) => windowSlots(windowId, s) : null, [windowId]);
  const mine = useAsync(user ? (s) => myAppointments(s) : null, [user?.id]);
  const [slotId, setSlotId] = useState<number | null>(null);
  const [purpose, setPurpose] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (session === undefined || !windows.data) return <PageLoading />;
  const name = (w: ServiceWindowView) => (i18n.language === "en" && w.nameEn ? w.nameEn : w.name);
  const submit = async () => {
    if (!slotId) return;
    setError(null);
    try {
      await book(slotId, purpose);
      message.success(t("serviceDesk.appointments.booked"));
      setSlotId(null);
      setPurpose("");
      slots.reload();
      mine.reload();
    } catch (e) {
      setError(localError(e));
      slots.reload();
    }
  };
  const cancel = async (id: number) => {
    try {
      await cancelAppointment(id);
      message.success(t("serviceDesk.appointments.cancelled"));
      mine.reload();
      slots.reload();
    } catch (e) {
      message.error(localError(e));
    }
  };
  return (
    <div className="desk-page" data-testid="appointments-page">
      <h1>{t("serviceDesk.appointments.title")}</h1>
      <div className="desk-intro">{t("serviceDesk.appointments.intro")}</div>
      <div className="desk-grid">
        <Card title={t("serviceDesk.appointments.window")}>
          <Space direction="vertical" style={{ width: "100%" }} size={12}>
            {/* with no window yet an empty drop-down would leave the visitor guessing why nothing can be booked */}
            {windows.data.length === 0 ? (
              <Empty description={t("serviceDesk.appointments.noWindows")} data-testid="no-windows" />
            ) : (
              <Select
                style={{ width: "100%" }}
                placeholder={t("serviceDesk.appointments.pick")}
                aria-label={t("serviceDesk.appointments.pick")}
                value={windowId ?? undefined}
                onChange={(v) => {
                  setWindowId(v);
                  setSlotId(null);
                }}
                options={windows.data.map((w) => ({
                  value: w.id,
                  label: `${name(w)} · ${t(`serviceDesk.appointments.kinds.${w.kind}`)}`,
                }))}
                data-testid="window-select"
              />
            )}
            {windowId && (
              <>
                <Typography.Text strong>{t("serviceDesk.appointments.slots")}</Typography.Text>
                {slots.data?.length === 0 && <Empty description={t("serviceDesk.appointments.noSlots")} />}
                <div className="desk-slots">
                  {slots.data?.map((s) => {
                    const left = s.capacity - s.booked;
                    return (
                      <Button
                        key={s.id}
                        className="desk-slot"
                        type={slotId === s.id ? "primary" : "default"}
                        disabled={left <= 0}
                        onClick={() => setSlotId(s.id)}
                        data-testid={`slot-${s.id}`}
                      >
                        {s.date.slice(5)} {s.start}–{s.end} ·{" "}
                        {left > 0
                          ? t("serviceDesk.appointments.left", { n: left })
                          : t("serviceDesk.appointments.full")}
                      </Button>
                    );
                  })}
                </div>
                {user ? (
                  <>
                    <Input
                      value={purpose}
                      maxLength={200}
                      placeholder={t("serviceDesk.appointments.purposeHint")}
                      aria-label={t("serviceDesk.appointments.purpose")}
                      onChange={(e) => setPurpose(e.target.value)}
                      data-testid="book-purpose"
                    />
                    {error && <Alert type="error" showIcon message={error} />}
                    <Button
                      type="primary"
                      disabled={!slotId || purpose.trim().length < 2}
                      onClick={submit}
                      data-testid="book-submit"
                    >
                      {t("serviceDesk.appointments.book")}
                    </Button>
                  </>
                ) : (
                  <Button onClick={() => navigate("/signin?next=/appointments")}>
                    {t("serviceDesk.appointments.signIn")}
                  </Button>
                )}
              </>
            )}
          </Space>
        </Card>
        {user && (
          <Card title={t("serviceDesk.appointments.mine")}>
            <div className="desk-list" data-testid="my-appointments">
              {mine.data?.length === 0 && <Empty description={t("serviceDesk.appointments.none")} />}
              {mine.data?.map((a) => (
                <Card key={a.id} size="small" data-testid={`appointment-${a.id}`}>
                  <Space direction="vertical" size={4} style={{ width: "100%" }}>
                    <Space wrap>
                      <Tag color={a.status === "booked" ? "green" : "default"}>
                        {t(`serviceDesk.appointments.status.${a.status}`)}
                      </Tag>
                      <Typography.Text strong>
                        {a.date} {a.start}–{a.end}
                      </Typography.Text>
                    </Space>
                    <Typography.Text>
                      {name(a.window)}
                      {a.window.address ? ` · ${a.window.address}` : ""}
                    </Typography.Text>
                    <Typography.Text type="secondary">{a.purpose}</Typography.Text>
                    {a.status === "booked" && !a.past && (
                      <Button size="small" danger onClick={() => cancel(a.id)} style={{ alignSelf: "flex-start" }}>
                        {t("serviceDesk.appointments.cancel")}
                      </Button>
                    )}
                    {a.status === "booked" && a.past && <RateBox subject="appointment" id={a.id} given={a.rating} />}
                  </Space>
                </Card>
              ))}
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
