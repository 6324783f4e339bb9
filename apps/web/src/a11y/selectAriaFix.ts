/**
 * antd's Form.Item gives a required control `aria-required`, and rc-select copies aria-* props to both its root
 * <div> and its combobox <input>. ARIA allows aria-required on the combobox, not on a plain div (axe-core:
 * aria-allowed-attr, critical), so the div's copy is removed as it appears; the input keeps its own. Selects,
 * tree selects and cascaders all share the root class.
 */
const ROOT = ".ant-select";

function strip(el: Element): void {
  if (el.matches(ROOT) && el.hasAttribute("aria-required")) el.removeAttribute("aria-required");
}

function scan(node: ParentNode): void {
  for (const el of node.querySelectorAll(`${ROOT}[aria-required]`)) strip(el);
}

export function installSelectAriaFix(root: HTMLElement = document.body): () => void {
  scan(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") strip(r.target as Element);
      else
        for (const n of r.addedNodes) {
          if (n instanceof Element) {
            strip(n);
            scan(n);
          }
        }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-required"] });
  return () => observer.disconnect();
}
