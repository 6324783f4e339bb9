import type { Actor } from "./accounts.policy.js";
import type { RequestInfo } from "./auth.service.js";
import type { PiiCodec } from "./pii.js";
import type { PiiRevealService } from "./pii-reveal.service.js";

/**
 * The accounts module's facade for personal data that OTHER modules hold (today: the contact phone of a case form).
 * They get the same checks, key, masks and reveal rules as the accounts' own phone numbers without reaching into
 * the cipher: values are checked, encrypted and masked here, and revealed only through PiiRevealService (reason,
 * per-official allowance, `pii.revealed` audit row).
 */
export class HeldPii {
  constructor(
    private readonly pii: PiiCodec,
    private readonly reveals: PiiRevealService,
  ) {}

  /** A mainland mobile number, encrypted and masked (400 when it is not one). */
  phone(raw: string): { enc: string; mask: string } {
    const p = this.pii.phone(raw);
    return { enc: p.phone_enc, mask: p.phone_mask };
  }

  /** The plain values, for an official whose scope the caller has checked; audited under `target`. */
  reveal(
    actor: Actor,
    target: string,
    encrypted: Record<string, string | null>,
    reason: string,
    req: RequestInfo,
  ): Record<string, string | null> {
    return this.reveals.revealHeld(actor, target, encrypted, reason, req);
  }
}
