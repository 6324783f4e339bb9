import type { AnalyticsColumns, CsrList } from "./columns.js";
import { pct, ratio, round, topK } from "./common.js";
import type { CooperationSection, InventorsSection, ReportLabels } from "./types.js";

const PAIR = 2 ** 26; // ordinals stay below 2^26, so a * PAIR + b is exact in a double
const MAX_LIST = 12; // a row with more names than this adds no pairs (consortium lists, data errors)
const NODES = 30;
const EDGES = 80;

interface Pairs {
  keys: Float64Array; // a * PAIR + b, a < b, ascending and distinct
  weights: Uint32Array; // rows naming both
}

/**
 * Counts every unordered pair (a < b) of values sharing a row: pair keys go into one typed array, which is sorted
 * and run-length counted (much faster than a Map of doubles at a million rows).
 */
function pairCounts(list: CsrList, rows: Int32Array, keep?: Uint8Array): Pairs {
  const { offs, vals } = list;
  let buf = new Float64Array(1024);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const s = offs[r];
    const e = offs[r + 1];
    if (e - s < 2 || e - s > MAX_LIST) continue;
    for (let x = s; x < e; x++) {
      if (keep && keep[vals[x]] === 0) continue;
      for (let y = x + 1; y < e; y++) {
        if (keep && keep[vals[y]] === 0) continue;
        const a = Math.min(vals[x], vals[y]);
        const b = Math.max(vals[x], vals[y]);
        if (n === buf.length) {
          const next = new Float64Array(buf.length * 2);
          next.set(buf);
          buf = next;
        }
        buf[n++] = a * PAIR + b;
      }
    }
  }
  const sorted = buf.subarray(0, n).sort();
  const keys = new Float64Array(n);
  const weights = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (m > 0 && keys[m - 1] === sorted[i]) weights[m - 1]++;
    else {
      keys[m] = sorted[i];
      weights[m++] = 1;
    }
  }
  return { keys: keys.slice(0, m), weights: weights.slice(0, m) };
}

/** Co-applicant network: applicants linked by patents they applied for together. */
export function cooperation(cols: AnalyticsColumns, rows: Int32Array, labels: ReportLabels): CooperationSection {
  const { offs } = cols.applicants;
  let co = 0;
  for (let i = 0; i < rows.length; i++) if (offs[rows[i] + 1] - offs[rows[i]] >= 2) co++;
  const pairs = pairCounts(cols.applicants, rows);
  const coCount = new Uint32Array(cols.dict.applicant.length); // co-applied patents per applicant (pair sums)
  const degree = new Uint32Array(cols.dict.applicant.length);
  for (let p = 0; p < pairs.keys.length; p++) {
    const w = pairs.weights[p];
    const a = Math.floor(pairs.keys[p] / PAIR);
    const b = pairs.keys[p] - a * PAIR;
    coCount[a] += w;
    coCount[b] += w;
    degree[a]++;
    degree[b]++;
  }
  const nodeOrd = topK(coCount, NODES);
  const inNodes = new Set(nodeOrd);
  const edgeList: { a: number; b: number; w: number }[] = [];
  for (let p = 0; p < pairs.keys.length; p++) {
    const a = Math.floor(pairs.keys[p] / PAIR);
    const b = pairs.keys[p] - a * PAIR;
    if (inNodes.has(a) && inNodes.has(b)) edgeList.push({ a, b, w: pairs.weights[p] });
  }
  const edges = edgeList
    .sort((x, y) => y.w - x.w || x.a - y.a || x.b - y.b)
    .slice(0, EDGES)
    .map((e) => ({ source: cols.dict.applicant[e.a], target: cols.dict.applicant[e.b], weight: e.w }));
  const nodes = nodeOrd.map((o) => ({
    key: cols.dict.applicant[o],
    name: labels.applicant(cols.dict.applicant[o]),
    count: coCount[o],
    degree: degree[o],
  }));
  const reading =
    co === 0
      ? ["没有两个及以上申请人共同申请的文献，未形成合作网络。"]
      : [
          `共同申请的文献 ${co} 件，占 ${pct(ratio(co, rows.length))}；合作关系（申请人对）${pairs.keys.length} 个。`,
          edges[0]
            ? `合作最多的一对是 ${labels.applicant(edges[0].source)} 与 ${labels.applicant(edges[0].target)}（${edges[0].weight} 件）。`
            : "",
          nodes[0] ? `合作伙伴最多的申请人是 ${[...nodes].sort((x, y) => y.degree - x.degree)[0].name}。` : "",
        ].filter(Boolean);
  return { coPatents: co, coShare: round(ratio(co, rows.length)), nodes, edges, reading };
}

const TEAMS = 10;
const TEAM_MEMBERS = 6;

/**
 * Inventor teams, greedily: the most prolific inventor not yet in a team, with every unassigned co-inventor who
 * shares 2+ patents with them, forms a team (no transitive chains). A team's patents are the hit rows naming at
 * least two of its members.
 */
export function inventorTeams(cols: AnalyticsColumns, rows: Int32Array, topN: number): InventorsSection {
  const n = cols.dict.inventor.length;
  const counts = new Uint32Array(n);
  const { offs, vals } = cols.inventors;
  let withInventors = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (offs[r + 1] > offs[r]) withInventors++;
    for (let j = offs[r]; j < offs[r + 1]; j++) counts[vals[j]]++;
  }
  const top = topK(counts, topN).map((o) => ({ name: cols.dict.inventor[o], count: counts[o] }));
  // adjacency (CSR) over pairs that co-invented 2+ patents
  const prolific = new Uint8Array(n);
  for (let v = 0; v < n; v++) prolific[v] = counts[v] >= 2 ? 1 : 0;
  const pairs = pairCounts(cols.inventors, rows, prolific);
  const degree = new Uint32Array(n + 1);
  for (let p = 0; p < pairs.keys.length; p++) {
    if (pairs.weights[p] < 2) continue;
    const a = Math.floor(pairs.keys[p] / PAIR);
    degree[a + 1]++;
    degree[pairs.keys[p] - a * PAIR + 1]++;
  }
  for (let v = 0; v < n; v++) degree[v + 1] += degree[v];
  const adj = new Uint32Array(degree[n]);
  const fill = degree.slice(0, n);
  for (let p = 0; p < pairs.keys.length; p++) {
    if (pairs.weights[p] < 2) continue;
    const a = Math.floor(pairs.keys[p] / PAIR);
    const b = pairs.keys[p] - a * PAIR;
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const seeds: number[] = [];
  for (let v = 0; v < n; v++) if (degree[v + 1] > degree[v]) seeds.push(v);
  seeds.sort((a, b) => counts[b] - counts[a] || a - b);
  const teamOf = new Int32Array(n).fill(-1);
  const teamMembers: number[][] = [];
  for (const v of seeds) {
    if (teamOf[v] >= 0) continue;
    const members = [v];
    for (let k = degree[v]; k < degree[v + 1]; k++) if (teamOf[adj[k]] < 0 && adj[k] !== v) members.push(adj[k]);
    if (members.length < 2) continue;
    for (const u of members) teamOf[u] = teamMembers.length;
    teamMembers.push(members);
  }
  const patents = new Uint32Array(teamMembers.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = offs[r]; j < offs[r + 1]; j++) {
      const t = teamOf[vals[j]];
      if (t < 0) continue;
      // count the row once, at the second member of team t it names
      let before = 0;
      for (let q = offs[r]; q < j; q++) if (teamOf[vals[q]] === t) before++;
      if (before === 1) patents[t]++;
    }
  }
  const teams = teamMembers
    .map((m, t) => ({
      members: [...m].sort((a, b) => counts[b] - counts[a] || a - b).map((v) => cols.dict.inventor[v]),
      size: m.length,
      patents: patents[t],
    }))
    .sort((a, b) => b.patents - a.patents || b.size - a.size || (a.members[0] < b.members[0] ? -1 : 1))
    .slice(0, TEAMS)
    .map((t) => ({ ...t, members: t.members.slice(0, TEAM_MEMBERS) }));
  const reading =
    withInventors === 0
      ? ["命中文献没有发明人信息。"]
      : [
          `有发明人信息的文献 ${withInventors} 件；发明量最多的是 ${top[0]?.name}（${top[0]?.count} 件）。`,
          teams.length > 0
            ? `以高产发明人为核心、与其共同发明 2 件以上者为成员，识别出 ${teamMembers.length} 个团队；共同完成最多的团队 ${teams[0].size} 人、${teams[0].patents} 件。`
            : "未发现共同发明 2 件以上的稳定团队。",
        ];
  return { withInventors, top, teams, reading };
}
