import { unstableSetRender } from "antd";
import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { installSelectAriaFix } from "./a11y/selectAriaFix";
import "./i18n";
import "./styles.css";
import { App } from "./App";

// antd 5 renders Modal/message portals through this hook under React 19.
unstableSetRender((node, container) => {
  const host = container as Element & { _zcRoot?: Root };
  host._zcRoot ??= createRoot(container);
  host._zcRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    host._zcRoot?.unmount();
    host._zcRoot = undefined;
  };
});

installSelectAriaFix();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
