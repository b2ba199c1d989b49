/**
 * Clock readings kept as milliseconds since a base, for times that every connection or device
 * holds (aim 5 of issue 15). V8 keeps a whole number below 2^31 inside the object that holds it (a
 * "small integer"), where a clock reading (about 1.8e12 ms) takes a 16-byte heap number of its own.
 * The base is the first time converted, so offsets stay small for the first 24.8 days of a process;
 * after that they are heap numbers again (more memory, still right).
 */
export class TimeBase {
  private base: number | undefined;

  /** `at` (a clock reading) as an offset from the base. */
  offset(at: number): number {
    this.base ??= at;
    const ms = at - this.base;
    // A difference of two heap numbers is a heap number even when whole: `| 0` makes it a small
    // integer, which it is exactly when it fits in 32 bits.
    return (ms | 0) === ms ? ms | 0 : ms;
  }

  /** The clock reading of an offset. */
  at(offset: number): number {
    return offset + (this.base ?? 0);
  }
}
