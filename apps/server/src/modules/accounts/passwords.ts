import { hash, verify } from "@node-rs/argon2";

/** argon2id (the library's default algorithm); parameters from OWASP's cheat sheet unless a test lowers them. */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}
export const PRODUCTION_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** For tests only: same algorithm, a fraction of the cost. */
export const TEST_ARGON2: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly params: Argon2Params = PRODUCTION_ARGON2) {}

  hash(password: string): Promise<string> {
    return hash(password, this.params);
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown username is not told apart by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash("zhichan-dummy-password");
    await this.verify(await this.dummy, password);
    return false;
  }
}
