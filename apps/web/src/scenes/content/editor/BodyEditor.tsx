import { Skeleton } from "antd";
import { lazy, Suspense } from "react";
import type { RichTextEditorProps } from "./RichTextEditor";

// the editor (Tiptap, ProseMirror) is loaded only when an official opens an item, not with the public pages
const RichTextEditor = lazy(() => import("./RichTextEditor"));

/** The body field of the content editor: Form.Item gives it value and onChange. */
export function BodyEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
