/** HTTP clients of the load test: sign-in, the search loop, export loops and PDF waves (loopback only). */

export interface Session {
  cookie: string;
  csrf: string;
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="));

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const first = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = cookiesOf(first);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: csrfCookies.join("; "), "x-csrf-token": csrfToken },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken?: string; user?: { csrfToken?: string } };
  return { cookie: cookiesOf(res).join("; "), csrf: body.csrfToken ?? body.user?.csrfToken ?? csrfToken };
}

/** Keeps `concurrency` searches in flight until `until`; returns each one's latency in ms. */
export async function searchLoad(base: string, queries: string[], concurrency: number, until: number) {
  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const q = queries[next++ % queries.length];
        const started = performance.now();
        const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=20&facets=year,type`);
        await res.arrayBuffer();
        if (res.ok) ms.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  return { ms, errors };
}

export interface Outcomes {
  done: number;
  refused: number;
  failed: number;
  rows?: number;
}

/** One client exporting `q` again and again until `until` (a 429 waits a moment and tries again). */
export async function exportLoop(base: string, q: string, headers: Record<string, string>, until: number) {
  const out: Outcomes = { done: 0, refused: 0, failed: 0 };
  while (Date.now() < until) {
    const res = await fetch(`${base}/api/search/export?q=${encodeURIComponent(q)}&format=xlsx`, { headers });
    const body = await res.arrayBuffer();
    if (res.ok && body.byteLength > 0) {
      out.done++;
      out.rows = Number(res.headers.get("x-total-count"));
    } else if (res.status === 429) {
      out.refused++;
      await new Promise((r) => setTimeout(r, 250));
    } else out.failed++;
  }
  return out;
}

/** Waves of `n` concurrent PDF requests for one report until `until` (at least one wave). */
export async function pdfWaves(base: string, reportId: number, n: number, session: Session, until: number) {
  const out: Outcomes = { done: 0, refused: 0, failed: 0 };
  do {
    await Promise.all(
      Array.from({ length: n }, async () => {
        const res = await fetch(`${base}/api/reports/${reportId}/pdf`, { headers: { cookie: session.cookie } });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.ok && body.subarray(0, 5).toString() === "%PDF-") out.done++;
        else if (res.status === 429) out.refused++;
        else out.failed++;
      }),
    );
  } while (Date.now() < until);
  return out;
}

/** Asks for a navigation report as `session` and waits until it is done (bounded). */
export async function finishedReport(base: string, session: Session, q: string): Promise<number> {
  const auth = { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": "application/json" };
  const res = await fetch(`${base}/api/reports`, { method: "POST", headers: auth, body: JSON.stringify({ q }) });
  if (res.status !== 202) throw new Error(`report request failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: number };
  for (let i = 0; i < 600; i++) {
    const r = (await (await fetch(`${base}/api/reports/${id}`, { headers: auth })).json()) as { status: string };
    if (r.status === "done") return id;
    if (r.status === "failed") throw new Error(`report ${id} failed`);
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`report ${id} did not finish in 5 minutes`);
}
