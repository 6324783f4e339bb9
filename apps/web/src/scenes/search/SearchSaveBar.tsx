import { HistoryOutlined, StarOutlined } from "@ant-design/icons";
import { type CountUnit, type HistoryItem, type SearchSort, WATCH_LIMITS } from "@zhichan/shared";
import { App, Button, Checkbox, Dropdown, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { deleteHistory, getHistory, recordHistory, saveSearch } from "../../api/watches";
import { useSession } from "../../components/shell/useSession";
import { apiErrorText } from "../../i18n/apiErrors";
import "../watches/watches.css";

interface Props {
  q: string;
  group: CountUnit;
  sort: SearchSort;
  /** The query is one the user ran (not the empty page or browse-all): it goes into the history. */
  ran: boolean;
  onPick: (q: string, group: CountUnit) => void;
}

/**
 * For a signed-in user on the search page: save the query (and watch it for new hits) and the server-side history
 * of recent queries as a dropdown. Nothing is shown to a visitor.
 */
export function SearchSaveBar({ q, group, sort, ran, onPick }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [history, setHistory] = useState<HistoryItem[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!user) return;
    const run = ran ? recordHistory({ q, group }) : getHistory();
    run.then(
      (h) => setHistory(h.items),
      () => undefined,
    );
  }, [user, q, group, ran]);

  if (!user) return null;
  const items = history.map((h) => ({
    key: String(h.id),
    label: (
      <span className="history-item">
        <span className="history-q">{h.q}</span>
        {h.group === "invention" && <span className="history-unit">{t("watches.unitInvention")}</span>}
      </span>
    ),
  }));
  return (
    <div className="search-save-bar" data-testid="search-save-bar">
      <Dropdown
        trigger={["click"]}
        menu={{
          items: items.length
            ? [...items, { type: "divider" as const }, { key: "clear", label: t("watches.clearHistory"), danger: true }]
            : [{ key: "none", label: t("watches.historyEmpty"), disabled: true }],
          onClick: ({ key }) => {
            if (key === "clear") {
              void deleteHistory().then(() => setHistory([]));
              return;
            }
            const h = history.find((x) => String(x.id) === key);
            if (h) onPick(h.q, h.group);
          },
        }}
      >
        <Button size="small" icon={<HistoryOutlined />} data-testid="history-button">
          {t("watches.history")}
        </Button>
      </Dropdown>
      {ran && (
        <Button size="small" icon={<StarOutlined />} onClick={() => setSaving(true)} data-testid="save-search">
          {t("watches.save")}
        </Button>
      )}
      <Link to="/me/watches" className="search-save-link">
        {t("watches.menu")}
      </Link>
      {saving && <SaveModal q={q} group={group} sort={sort} onClose={() => setSaving(false)} />}
    </div>
  );
}

function SaveModal({
  q,
  group,
  sort,
  onClose,
}: {
  q: string;
  group: CountUnit;
  sort: SearchSort;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; watch: boolean }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await saveSearch({ name: v.name, q, group, sort, watch: v.watch });
      message.success(v.watch ? t("watches.savedWatched") : t("watches.saved"));
      onClose();
    } catch (e) {
      message.error(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t("watches.saveTitle")}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ id: "save-search-ok" }}
    >
      <Form form={form} layout="vertical" initialValues={{ name: q.slice(0, WATCH_LIMITS.nameLength), watch: true }}>
        <Form.Item label={t("watches.query")}>
          <code className="saved-query">{q}</code>
          {group === "invention" && <span className="history-unit">{t("watches.unitInvention")}</span>}
        </Form.Item>
        <Form.Item
          name="name"
          label={t("watches.name")}
          rules={[{ required: true, whitespace: true, message: t("watches.nameRequired") }]}
        >
          <Input maxLength={WATCH_LIMITS.nameLength} data-testid="save-search-name" />
        </Form.Item>
        <Form.Item name="watch" valuePropName="checked">
          <Checkbox data-testid="save-search-watch">{t("watches.alsoWatch")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
