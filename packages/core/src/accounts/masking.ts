/** Masks for personal data in responses and logs: enough to recognise, not enough to use. */

/** 410105199003071234 → 410***********1234 */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return "*".repeat(id.length);
  return `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 13812345678 → 138****5678; other lengths keep the first 3 and last 2. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, "");
  if (p.length === 11) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 5) return "*".repeat(p.length);
  return `${p.slice(0, 3)}${"*".repeat(p.length - 5)}${p.slice(-2)}`;
}

/** Mainland mobile numbers (1[3-9]x, 11 digits), optionally with +86. */
export function normalisePhone(raw: string): string | null {
  const p = raw.replace(/[\s-]+/g, "").replace(/^\+?86/, "");
  return /^1[3-9]\d{9}$/.test(p) ? p : null;
}
