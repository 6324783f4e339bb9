import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Alert, Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { canonicalHtml, needsSourceMode } from "./canonicalHtml";
import { EditorToolbar } from "./EditorToolbar";

export interface RichTextEditorProps {
  /** The stored HTML (Form.Item passes it). */
  value?: string;
  onChange?: (html: string) => void;
  /** The field's visible label, the editing area's accessible name. */
  label: string;
}

/**
 * The body of a notice, policy or news item, edited without writing HTML: a toolbar over a Tiptap (ProseMirror)
 * area whose schema holds only what the server's allow-list keeps — paragraphs, h2–h4, bold, italic, underline,
 * strike, lists, quotes, rules, line breaks and links — so what the official sees is what will be published.
 * Text the schema cannot hold (tables, sub/superscript) is edited as HTML source instead of being cut down.
 */
export default function RichTextEditor({ value = "", onChange, label }: RichTextEditorProps) {
  const { t } = useTranslation();
  const [source, setSource] = useState(() => needsSourceMode(value));
  // what this editor last emitted: a value that differs came from outside (loaded or saved item) and is shown
  const emitted = useRef(value);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          // the server sets rel itself and keeps no target or class; matching it keeps the saved text unchanged
          HTMLAttributes: { target: null, rel: "noopener noreferrer", class: null },
        },
      }),
    ],
    content: needsSourceMode(value) ? "" : value,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        class: "rich-text rich-text-editor-area",
        "data-testid": "rich-text-editor",
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = canonicalHtml(e.getHTML());
      emitted.current = html;
      onChange?.(html);
    },
  });

  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    if (needsSourceMode(value)) setSource(true);
    else editor?.commands.setContent(value, { emitUpdate: false });
  }, [value, editor]);

  const toVisual = () => {
    editor?.commands.setContent(value, { emitUpdate: false });
    setSource(false);
  };

  return (
    <div className="rich-text-editor">
      <EditorToolbar
        editor={editor}
        source={source}
        canLeaveSource={!needsSourceMode(value)}
        onSource={() => setSource(true)}
        onVisual={toVisual}
      />
      {source ? (
        <>
          {needsSourceMode(value) && (
            <Alert type="info" showIcon message={t("publicInfo.editor.sourceOnly")} style={{ margin: "8px 0" }} />
          )}
          <Input.TextArea
            aria-label={`${label} ${t("publicInfo.editor.source")}`}
            rows={10}
            value={value}
            onChange={(e) => {
              emitted.current = e.target.value;
              onChange?.(e.target.value);
            }}
            data-testid="rich-text-source"
          />
        </>
      ) : (
        <EditorContent editor={editor} />
      )}
    </div>
  );
}
