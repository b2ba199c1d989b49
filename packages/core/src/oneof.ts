// One typed way to read a protobuf oneof: protobufjs exposes the set case as a string field
// (`frame.body === 'send'`) beside optional members, so the compiler cannot link the two. `oneof`
// returns `{ case, value }` narrowed together, so a `switch (case)` needs no cast.

/** The cases of oneof `K` on message `M`: the member names its case field can hold. */
export type OneofCaseName<M, K extends keyof M> = Extract<NonNullable<M[K]>, keyof M>;

/** One set case of oneof `K` on message `M`, with its value. */
export type OneofCase<M, K extends keyof M> = {
  [C in OneofCaseName<M, K>]: { case: C; value: NonNullable<M[C]> };
}[OneofCaseName<M, K>];

/** A oneof as `{ case, value }`: a set case, or `{ case: undefined }` when none is set. */
export type Oneof<M, K extends keyof M> = OneofCase<M, K> | { case: undefined; value: undefined };

const NONE = Object.freeze({ case: undefined, value: undefined });

/**
 * Reads oneof `field` of a decoded (or `create`d) protobufjs message as `{ case, value }`.
 * A case whose member is missing (a hand-built object that set only the case name) reads as none.
 */
export function oneof<M extends object, K extends keyof M>(message: M, field: K): Oneof<M, K> {
  const name = message[field] as unknown;
  if (typeof name !== 'string' || name === '') return NONE;
  const value = (message as Record<string, unknown>)[name];
  if (value === undefined || value === null) return NONE;
  return { case: name, value } as unknown as Oneof<M, K>;
}
