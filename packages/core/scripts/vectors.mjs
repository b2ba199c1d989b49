// Writes proto/parley/v1/vectors.json: golden encodings of representative frames. Run only when
// the wire format deliberately changes; the test in test/vectors.test.ts checks them on every run.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parley } from '../src/gen/parley.js';

const pb = parley.v1;
const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../../proto/parley/v1/vectors.json');
const b64 = (hex) => Buffer.from(hex, 'hex').toString('base64');

const samples = [
  [
    'hello',
    'ClientFrame',
    {
      requestId: 1,
      hello: {
        protocolVersion: 1,
        userId: 'alice',
        deviceId: 7,
        authKey: b64('11'.repeat(32)),
        clientInfo: 'parley-js/0.1',
      },
    },
  ],
  ['challenge', 'ServerFrame', { requestId: 1, challenge: { nonce: b64('22'.repeat(32)), serverTime: 1764300000000 } }],
  ['auth', 'ClientFrame', { requestId: 2, auth: { signature: b64('33'.repeat(64)) } }],
  [
    'welcome',
    'ServerFrame',
    {
      requestId: 2,
      welcome: {
        serverTime: 1764300000123,
        registered: true,
        heartbeatIntervalMs: 20000,
        idleTimeoutMs: 60000,
        maxFrameBytes: 524288,
        pending: 3,
        deliveryWindow: 256,
      },
    },
  ],
  ['ping', 'ClientFrame', { requestId: 3, ping: { nonce: 1764300000456 } }],
  [
    'send',
    'ClientFrame',
    {
      requestId: 4,
      send: {
        messageId: '019ac9a0-0000-7000-8000-000000000001',
        userId: 'bob',
        shared: { type: 'PAYLOAD_TYPE_PLAINTEXT', data: b64('0a070a0568656c6c6f') },
      },
    },
  ],
  [
    'send_ack',
    'ServerFrame',
    {
      requestId: 4,
      sendAck: { messageId: '019ac9a0-0000-7000-8000-000000000001', serverTime: 1764300000500, recipients: 2 },
    },
  ],
  [
    'deliver',
    'ServerFrame',
    {
      deliver: {
        envelopes: [
          {
            id: '019ac9a0-0000-7000-8000-000000000001',
            sender: { userId: 'alice', deviceId: 7 },
            serverTime: 1764300000500,
            seq: 42,
            message: { type: 'PAYLOAD_TYPE_PLAINTEXT', data: b64('0a070a0568656c6c6f') },
          },
        ],
      },
    },
  ],
  ['deliver_ack', 'ClientFrame', { deliverAck: { ids: ['alice\u001f7\u001f019ac9a0-0000-7000-8000-000000000001'] } }],
  ['sync_complete', 'ServerFrame', { syncComplete: { delivered: 3 } }],
  [
    'error_devices_mismatch',
    'ServerFrame',
    {
      requestId: 5,
      error: {
        code: 'ERROR_CODE_DEVICES_MISMATCH',
        message: 'the copies do not match the current devices',
        devicesMismatch: { missing: [{ userId: 'bob', deviceId: 2 }], extra: [{ userId: 'bob', deviceId: 9 }] },
      },
    },
  ],
  ['goodbye', 'ServerFrame', { goodbye: { reason: 'CLOSE_REASON_REPLACED', message: 'the device connected again' } }],
  ['content_text', 'Content', { text: { text: 'hello' }, sentAt: 1764300000000 }],
];

const vectors = samples.map(([name, type, json]) => {
  const T = pb[type];
  const hex = Buffer.from(T.encode(T.fromObject(json)).finish()).toString('hex');
  return { name, type: `parley.v1.${type}`, json, hex };
});
writeFileSync(
  out,
  `${JSON.stringify({ description: 'Golden wire vectors: json uses the lowerCamelCase field names of the proto3 JSON mapping (requestId, sendAck), bytes as base64, enums by name, 64-bit integers as numbers (not strings); hex is the exact encoding.', vectors }, null, 2)}\n`,
);
console.log(`wrote ${vectors.length} vectors to ${out}`);
