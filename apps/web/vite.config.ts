import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built by the root script `vite build apps/web`; the server serves dist/ at / with SPA fallback.
// In dev (`npx vite apps/web`), /api is proxied to a locally running server.
const apiTarget = process.env.ZHICHAN_API ?? "http://127.0.0.1:5173";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  server: { port: 5174, proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
  preview: { port: 5175 },
});
