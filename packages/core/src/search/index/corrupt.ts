/**
 * Thrown when segment bytes or the lists decoded from them break the format's invariants (a damaged or
 * tampered file). The server answers it by discarding the index and rebuilding it from the database, so every
 * check that guards a loop or an allocation throws this instead of trusting the bytes.
 */
export class CorruptSegmentError extends Error {
  override name = "CorruptSegmentError";
}

export function corrupt(what: string): never {
  throw new CorruptSegmentError(`corrupt segment: ${what}`);
}
