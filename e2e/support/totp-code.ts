import { base32Decode, hotp, totpCounter } from "../../apps/server/src/modules/accounts/totp";

/** The TOTP window each secret's last code came from, in this test process. */
const lastUsed = new Map<string, number>();

/**
 * A TOTP code not used before: the server refuses a code's second use (replay protection), so signing the same
 * person in twice within one 30-second window fails. On a fast machine two sign-ins of one official in a journey
 * land in one window; this waits for the next window instead.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  let counter = totpCounter(Date.now());
  while (counter <= (lastUsed.get(secret) ?? -1)) {
    await new Promise((r) => setTimeout(r, 500));
    counter = totpCounter(Date.now());
  }
  lastUsed.set(secret, counter);
  return hotp(base32Decode(secret), counter);
}
