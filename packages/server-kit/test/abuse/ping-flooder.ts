// A flooding client in its own process (so its own sending costs the server's process nothing):
// authenticates as argv[3] on argv[2], prints "flooding", then sends ping frames as fast as its socket
// takes them, at most argv[4] of them, printing "sent <n>" every 10,000 and "closed <code> <sent>" when
// the server closes it.
import {
  authChallengePayload,
  decodeServerFrame,
  encodeClientFrame,
  generateAuthKeyPair,
  PROTOCOL_VERSION,
  serverOrigin,
  signWithAuthKey,
} from '@parley/core';
import WebSocket from 'ws';

const [url = '', userId = 'flooder', maxText = '1000000'] = process.argv.slice(2);
const max = Number(maxText);
const ws = new WebSocket(url);
ws.binaryType = 'arraybuffer';
const key = await generateAuthKeyPair();
let sent = 0;
const PING = new Uint8Array([0x62, 0x02, 0x08, 0x01]); // ClientFrame{ping: Ping{nonce: 1}}

function flood(): void {
  if (ws.readyState !== ws.OPEN || sent >= max) return;
  if (ws.bufferedAmount < 64 * 1024) {
    for (let i = 0; i < 500; i++) ws.send(PING);
    sent += 500;
    if (sent % 10_000 === 0) process.stdout.write(`sent ${sent}\n`);
  }
  setImmediate(flood);
}

ws.on('message', async (data) => {
  const frame = decodeServerFrame(new Uint8Array(data as ArrayBuffer), { maxFrameBytes: 4 << 20 });
  if (frame.body === 'challenge') {
    const nonce = frame.challenge?.nonce as Uint8Array;
    const origin = serverOrigin(url);
    const signature = await signWithAuthKey(key.privateKey, authChallengePayload(nonce, userId, 1, origin));
    ws.send(encodeClientFrame({ requestId: 2, auth: { signature, origin } }));
  } else if (frame.body === 'welcome') {
    process.stdout.write('flooding\n');
    flood();
  }
});
ws.on('open', () =>
  ws.send(
    encodeClientFrame({
      requestId: 1,
      hello: { protocolVersion: PROTOCOL_VERSION, userId, deviceId: 1, authKey: key.publicKey },
    }),
  ),
);
ws.on('close', (code) => {
  process.stdout.write(`closed ${code} ${sent}\n`);
  process.exit(0);
});
ws.on('error', () => {});
