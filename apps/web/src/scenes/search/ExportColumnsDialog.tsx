import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from "@ant-design/icons";
import type { ExportColumnKey } from "@zhichan/shared/search-assist.ts";
import { Button, type ButtonProps, Checkbox, Modal, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dialogOrder, move } from "./exportColumnsStore";

/**
 * 导出列 / Columns: which columns an export holds and in what order — a tick per column, arrows to move it. The
 * page keeps the choice (localStorage) so the next export uses it.
 */
export function ExportColumnsDialog({
  columns,
  onChange,
}: {
  columns: ExportColumnKey[];
  onChange: (columns: ExportColumnKey[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [order, setOrder] = useState<ExportColumnKey[]>([]);
  const [chosen, setChosen] = useState<Set<ExportColumnKey>>(new Set());

  const start = () => {
    setOrder(dialogOrder(columns));
    setChosen(new Set(columns));
    setOpen(true);
  };
  const toggle = (k: ExportColumnKey, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(k);
    else next.delete(k);
    setChosen(next);
  };
  const save = () => {
    onChange(order.filter((k) => chosen.has(k)));
    setOpen(false);
  };

  return (
    <>
      <Tooltip title={t("searchAssist.columnsHint", { n: columns.length })}>
        <Button icon={<SettingOutlined />} onClick={start} data-testid="export-columns">
          {t("searchAssist.columns")}
        </Button>
      </Tooltip>
      <Modal
        title={t("searchAssist.columnsTitle")}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={save}
        okText={t("searchAssist.columnsSave")}
        cancelText={t("searchAssist.cancel")}
        okButtonProps={{ disabled: chosen.size === 0, "data-testid": "export-columns-save" } as ButtonProps}
      >
        <p className="muted">{t("searchAssist.columnsNote")}</p>
        <ol className="export-columns" data-testid="export-columns-list">
          {order.map((k, i) => (
            <li key={k} data-column={k}>
              <Checkbox checked={chosen.has(k)} onChange={(e) => toggle(k, e.target.checked)} data-testid={`col-${k}`}>
                {t(`searchAssist.col.${k}`)}
              </Checkbox>
              <span className="export-columns-move">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => setOrder(move(order, i, -1))}
                  aria-label={t("searchAssist.moveUp", { name: t(`searchAssist.col.${k}`) })}
                  data-testid={`up-${k}`}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === order.length - 1}
                  onClick={() => setOrder(move(order, i, 1))}
                  aria-label={t("searchAssist.moveDown", { name: t(`searchAssist.col.${k}`) })}
                  data-testid={`down-${k}`}
                />
              </span>
            </li>
          ))}
        </ol>
      </Modal>
    </>
  );
}
