/**
 * What an English page catalogue must be: every key of the Chinese one, nothing more, any strings.
 * (The Chinese catalogues are `as const`, so without widening en would have to repeat the Chinese text.)
 */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
