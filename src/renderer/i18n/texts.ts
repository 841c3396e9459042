// The shape an English table must have to match its French reference: the same keys, strings.
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
