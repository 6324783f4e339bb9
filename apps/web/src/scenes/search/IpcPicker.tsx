import { TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getIpcChildren, type IpcNode } from "../../api/ipc";
import { ipcNodeLabel } from "./ipcLabel";

interface TreeNode {
  value: string;
  title: string;
  /** What a chosen code shows as in the box: the code alone. */
  label: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  ariaLabel: string;
}

/**
 * The IPC classification as a tree (sections → classes → subclasses → main groups), each branch fetched when
 * opened from /api/ipc; any level can be chosen, several at once.
 */
export function IpcPicker({ value, onChange, ariaLabel }: Props) {
  const { t, i18n } = useTranslation();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [failed, setFailed] = useState(false);
  const lang = i18n.language;

  const toNode = (n: IpcNode): TreeNode => ({
    value: n.code,
    title: ipcNodeLabel(n, lang, t),
    label: n.code,
    isLeaf: !n.hasChildren,
  });

  useEffect(() => {
    const ctl = new AbortController();
    getIpcChildren(undefined, ctl.signal).then(
      (r) => setTree(r.items.map(toNode)),
      (e) => (e as Error).name !== "AbortError" && setFailed(true),
    );
    return () => ctl.abort();
  }, [lang]);

  const loadData = async (node: { value?: string | number; children?: unknown[] }) => {
    const code = String(node.value);
    if (node.children?.length) return;
    try {
      const r = await getIpcChildren(code);
      setTree((nodes) => attach(nodes, code, r.items.map(toNode)));
    } catch {
      setFailed(true);
    }
  };

  return (
    <TreeSelect
      className="qb-value"
      aria-label={ariaLabel}
      multiple
      value={value}
      onChange={(codes: string[]) => onChange(codes)}
      treeData={tree}
      loadData={loadData}
      treeNodeLabelProp="label"
      placeholder={failed ? t("searchUi.ipcLoadFailed") : t("searchUi.ipcPlaceholder")}
      status={failed ? "error" : undefined}
      showSearch
      treeNodeFilterProp="title"
      allowClear
      popupClassName="ipc-picker-popup"
      listHeight={320}
    />
  );
}

function attach(nodes: TreeNode[], code: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => {
    if (n.value === code) return { ...n, children };
    if (n.children && code.startsWith(n.value)) return { ...n, children: attach(n.children, code, children) };
    return n;
  });
}
