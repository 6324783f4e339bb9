import {
  BoldOutlined,
  CodeOutlined,
  DisconnectOutlined,
  EditOutlined,
  ItalicOutlined,
  LineOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { type Editor, useEditorState } from "@tiptap/react";
import { Button, Divider, Tooltip } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkForm } from "./LinkForm";

interface Props {
  editor: Editor | null;
  source: boolean;
  canLeaveSource: boolean;
  onSource: () => void;
  onVisual: () => void;
}

/** The formats an official needs for a notice, each a button with its name (for screen readers and tooltips). */
export function EditorToolbar({ editor, source, canLeaveSource, onSource, onVisual }: Props) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const e = (k: string) => t(`publicInfo.editor.${k}`);
  const active = useEditorState({
    editor,
    selector: ({ editor: ed }) =>
      ed
        ? {
            paragraph: ed.isActive("paragraph"),
            h2: ed.isActive("heading", { level: 2 }),
            h3: ed.isActive("heading", { level: 3 }),
            bold: ed.isActive("bold"),
            italic: ed.isActive("italic"),
            underline: ed.isActive("underline"),
            strike: ed.isActive("strike"),
            bulletList: ed.isActive("bulletList"),
            orderedList: ed.isActive("orderedList"),
            blockquote: ed.isActive("blockquote"),
            link: ed.isActive("link"),
            undo: ed.can().undo(),
            redo: ed.can().redo(),
          }
        : null,
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (key: string, icon: ReactNode, run: () => void, pressed?: boolean, disabled?: boolean) => (
    <Tooltip title={e(key)} key={key}>
      <Button
        size="small"
        type={pressed ? "primary" : "text"}
        aria-label={e(key)}
        aria-pressed={pressed === undefined ? undefined : pressed}
        disabled={source || disabled}
        icon={icon}
        onClick={run}
      />
    </Tooltip>
  );
  const text = (key: string, label: string, run: () => void, pressed: boolean) => (
    <Button
      key={key}
      size="small"
      type={pressed ? "primary" : "text"}
      // the visible mark leads the name, so what is seen is what a voice user says (axe label-content-name-mismatch)
      aria-label={`${label} ${e(key)}`}
      title={e(key)}
      aria-pressed={pressed}
      disabled={source}
      onClick={run}
    >
      {label}
    </Button>
  );
  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label={e("toolbar")}>
      {text("paragraph", "¶", () => chain().setParagraph().run(), !!active?.paragraph)}
      {text("h2", "H2", () => chain().toggleHeading({ level: 2 }).run(), !!active?.h2)}
      {text("h3", "H3", () => chain().toggleHeading({ level: 3 }).run(), !!active?.h3)}
      <Divider type="vertical" />
      {tool("bold", <BoldOutlined />, () => chain().toggleBold().run(), !!active?.bold)}
      {tool("italic", <ItalicOutlined />, () => chain().toggleItalic().run(), !!active?.italic)}
      {tool("underline", <UnderlineOutlined />, () => chain().toggleUnderline().run(), !!active?.underline)}
      {tool("strike", <StrikethroughOutlined />, () => chain().toggleStrike().run(), !!active?.strike)}
      <Divider type="vertical" />
      {tool("bulletList", <UnorderedListOutlined />, () => chain().toggleBulletList().run(), !!active?.bulletList)}
      {tool("orderedList", <OrderedListOutlined />, () => chain().toggleOrderedList().run(), !!active?.orderedList)}
      {text("blockquote", "❝", () => chain().toggleBlockquote().run(), !!active?.blockquote)}
      {tool("hr", <LineOutlined />, () => chain().setHorizontalRule().run())}
      <Divider type="vertical" />
      {tool("link", <LinkOutlined />, () => setLinking(true), !!active?.link)}
      {tool(
        "unlink",
        <DisconnectOutlined />,
        () => chain().extendMarkRange("link").unsetLink().run(),
        undefined,
        !active?.link,
      )}
      <Divider type="vertical" />
      {tool("undo", <UndoOutlined />, () => chain().undo().run(), undefined, !active?.undo)}
      {tool("redo", <RedoOutlined />, () => chain().redo().run(), undefined, !active?.redo)}
      <Divider type="vertical" />
      <Button
        size="small"
        type="text"
        icon={source ? <EditOutlined /> : <CodeOutlined />}
        disabled={source && !canLeaveSource}
        onClick={source ? onVisual : onSource}
        data-testid="rich-text-mode"
      >
        {source ? e("visual") : e("source")}
      </Button>
      {linking && !source && (
        <LinkForm
          initial={String(editor.getAttributes("link").href ?? "")}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
          onApply={(href) => {
            setLinking(false);
            if (editor.state.selection.empty && !editor.isActive("link"))
              chain()
                .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
                .run();
            else chain().extendMarkRange("link").setLink({ href }).run();
          }}
        />
      )}
    </div>
  );
}
