// A golden Sender Keys vector: fixed key material, and the bytes the official libsignal made from it
// (@signalapp/libsignal-client, checked against 0.72.1 and the current release by
// packages/interop-tests/test/sender-keys-interop.test.ts, which printed these values once with
// PARLEY_PRINT_SENDER_KEY_VECTOR=1). XEdDSA signatures are randomized, so only the signed part of
// each message (everything but its last 64 bytes) is the same every time. Core's Sender Keys tests
// check Parley against it too.
import { fromHex, toHex } from '@parley/core';
import type { SenderKeyRecord } from '@parley/core/crypto';

export const SENDER_KEY_VECTOR = {
  sender: { userId: 'alice', deviceId: 2 },
  distributionId: '6f1c1d0e-5a2b-4c3d-8e9f-0a1b2c3d4e5f',
  chainId: 0x5eed1234,
  iteration: 7,
  chainKey: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  signingPrivateKey: '404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f',
  signingPublicKey: '0579a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a',
  /** The SenderKeyDistributionMessage of the key at `iteration`. */
  distribution:
    '330a106f1c1d0e5a2b4c3d8e9f0a1b2c3d4e5f10b4a4b4f70518072220000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2a210579a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a',
  /** SenderKeyMessages at iterations 7, 8, 9, 10, with the official library's signatures. */
  messages: [
    {
      plaintext: '67726f75702068656c6c6f',
      message:
        '330a106f1c1d0e5a2b4c3d8e9f0a1b2c3d4e5f10b4a4b4f70518072210a1ef70d7e0e1372d1ff1795cdd41aef27f0c24b9a76806b040593ccc4014f8eba61f1af8980f01ac1d01691e7ac4ea99a69177c09510fe51c9a4336099cb99cedadb5a1972f361909feb540378e52b88',
    },
    {
      plaintext: '',
      message:
        '330a106f1c1d0e5a2b4c3d8e9f0a1b2c3d4e5f10b4a4b4f7051808221097ed3fe08271d65d6880e9bf7fb1151310f6fa5158a87d5d5cf9633404e6a2b849fc059cbfcd1680a932d762d5cba6d0160c5cd4a733c04a83d7136f7312fa36751c0893a4159b71aede309b223bc381',
    },
    {
      plaintext: '000102030405060708090a0b0c0d0e0f',
      message:
        '330a106f1c1d0e5a2b4c3d8e9f0a1b2c3d4e5f10b4a4b4f70518092220f379d7654082fc9719eed9d0db924523f92f669ec5e4b3bdd6ebaa27d4d253581c4b840d890cef8d5a40773832dce8525aa6f4692147f962fd39c0e82ecce34f0933f4bd7638de98ecbd6685fae8a5c3cf66b6413489f67a4ce08b4c3b6f2e8e',
    },
    {
      plaintext:
        '54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f673b20746865206669766520626f78696e672077697a61726473206a756d7020717569636b6c792e20537068696e78206f6620626c61636b2071756172747a2c206a75646765206d7920766f772e',
      message:
        '330a106f1c1d0e5a2b4c3d8e9f0a1b2c3d4e5f10b4a4b4f705180a228001f5e1a7d212c3463205e9e8dc389fcdd5aa6a4bb7e480cba06645ad7fda02bbde74b821624074995b204e7ac744b6f8f41e5dafb33c8c8ebd1f6af648beb8b0d2d97a9b0563407741ab4dd510d89dd9ed4e3800e9889165a2184865666a823e605a0f53f264f9e2db203dd0037d8ecac0bd619b570a751380f845039c01798de958cad21b543fd3029706c16fbfe65e64844ec55955ff487e261afe63f6a2437ca76fc358fb90f9c4f622e50e635e803272ed01714474acbfebeb382d8c84d788',
    },
  ],
} as const;

/** The sender's own record holding the vector's key material, as Parley stores it. */
export function vectorSenderKeyRecord(): SenderKeyRecord {
  const v = SENDER_KEY_VECTOR;
  return {
    version: 1,
    states: [
      {
        chainId: v.chainId,
        iteration: v.iteration,
        chainKey: fromHex(v.chainKey),
        firstIteration: v.iteration,
        signingKey: fromHex(v.signingPublicKey),
        signingPrivateKey: fromHex(v.signingPrivateKey),
        skippedKeys: new Uint8Array(0),
      },
    ],
  };
}

/** The signed part of a SenderKeyMessage, in hex: all but its last 64 bytes (the randomized XEdDSA signature). */
export const signedPart = (message: Uint8Array): string => toHex(message.subarray(0, message.byteLength - 64));
