/**
 * A User-Agent header in a few words ("Chrome 124 · Windows"), so a person can tell their sessions apart. Browser
 * and system names are proper nouns, the same in every language. The order of the checks matters: Edge, Opera and
 * the Chinese in-app browsers also say "Chrome" and "Safari".
 */
const BROWSERS: [string, RegExp][] = [
  ["WeChat", /MicroMessenger\/(\d+)/],
  ["QQ Browser", /QQBrowser\/(\d+)/],
  ["UC Browser", /UCBrowser\/(\d+)/],
  ["Edge", /Edg(?:e|A|iOS)?\/(\d+)/],
  ["Opera", /(?:OPR|Opera)\/(\d+)/],
  ["Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  ["Chrome", /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ["Safari", /Version\/(\d+)(?:\.\d+)*.*Safari\//],
];

const SYSTEMS: [string, RegExp][] = [
  ["HarmonyOS", /HarmonyOS|OpenHarmony/],
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["ChromeOS", /CrOS/],
  ["Linux", /Linux|X11/],
];

export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = BROWSERS.map(([name, re]) => [name, re.exec(ua)] as const).find(([, m]) => m);
  const system = SYSTEMS.find(([, re]) => re.test(ua))?.[0];
  if (!browser && !system) return ua.slice(0, 60);
  const b = browser ? `${browser[0]} ${browser[1]?.[1] ?? ""}`.trim() : null;
  return [b, system].filter(Boolean).join(" · ");
}

/** The address with its host part hidden: 192.168.1.* or 2001:db8:85a3:* (enough to tell networks apart). */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`;
  if (ip.includes(":")) {
    const groups = ip.split(":").filter((g) => g !== "");
    return `${groups.slice(0, 3).join(":")}:*`;
  }
  return "*";
}
