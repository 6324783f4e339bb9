/** An English catalogue holds every key of the Chinese one (which is `as const`), with any strings. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
