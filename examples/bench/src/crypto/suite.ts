// The operations the crypto benchmark measures, the same for every implementation.
import { DEFAULT_MEASURE, type Measurement, measure, type Operation } from './measure.js';

/** The benchmarked operations, in table order. */
export const OPERATIONS = [
  'identityKeys',
  'signedPreKey',
  'oneTimePreKey',
  'sessionSetup',
  'steadyEncrypt',
  'steadyDecrypt',
  'pingPong',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<OperationName, string> = {
  identityKeys: 'identity key pair + registration id',
  signedPreKey: 'signed prekey (key pair + XEdDSA signature)',
  oneTimePreKey: 'one-time prekey',
  sessionSetup: 'session setup (bundle -> 1st msg decrypted)',
  steadyEncrypt: 'steady encrypt (one direction)',
  steadyDecrypt: 'steady decrypt (one direction)',
  pingPong: 'ping-pong msg (encrypt + decrypt, DH step)',
};

/** One implementation's version of every operation. */
export type Suite = { [K in OperationName]: Operation<unknown> };

export type SuiteResult = Record<OperationName, Measurement>;

/** The message every encrypt and decrypt carries. */
export const MESSAGE_BYTES = 100;

export function message(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(MESSAGE_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

export async function runSuite(name: string, suite: Suite): Promise<SuiteResult> {
  const out = {} as SuiteResult;
  for (const op of OPERATIONS) {
    const result = await measure(suite[op], DEFAULT_MEASURE);
    out[op] = result;
    process.stdout.write(
      `  ${name.padEnd(18)} ${OPERATION_LABELS[op].padEnd(46)} ${result.msPerOp.toFixed(4).padStart(10)} ms/op  ${result.iterations} runs\n`,
    );
  }
  return out;
}

/** A sender/receiver pair that alternates on every ping-pong message. */
export function alternating<P>(a: P, b: P): () => [P, P] {
  let turn = 0;
  return () => (turn++ % 2 === 0 ? [a, b] : [b, a]);
}
