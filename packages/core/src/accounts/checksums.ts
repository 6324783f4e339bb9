/**
 * Check digits of the two national identifiers the platform accepts:
 * - 居民身份证号码 (GB 11643-1999): 17 digits + a check character (0-9 or X), ISO 7064 MOD 11-2.
 * - 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet, MOD 31 check character.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** Upper-cases and strips spaces so "1101 0519 4912 3100 2x" is read as written on the card. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** A valid 18-character resident ID number: digits, a real birth date and the right check character. */
export function isValidIdCardNumber(raw: string): boolean {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

/** The 31 characters of GB 32100 (no I, O, Z, S, V). */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normaliseUscc(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A valid unified social credit code: 18 characters of the alphabet, the 6-digit division code, the check char. */
export function isValidUscc(raw: string): boolean {
  const code = normaliseUscc(raw);
  if (code.length !== 18) return false;
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return false;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
