// A software WebAuthn authenticator for tests: P-256 keys, "none" or "packed"
// attestation, hand-made CBOR.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** RFC 8949 encoding of the few types WebAuthn needs. */
export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    return Buffer.concat([head(3, b.length), b]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), v]);
  if (Array.isArray(v)) return Buffer.concat([head(4, v.length), ...v.map(cbor)]);
  const parts = [head(5, v.size)];
  for (const [k, x] of v) parts.push(cbor(k), cbor(x));
  return Buffer.concat(parts);
}

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

export interface Overrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  counter?: number;
  type?: string;
  /** COSE algorithm claimed in the public key. */
  alg?: number;
  /** Whether the authenticator verified the user (PIN, biometric): the UV flag; default yes. */
  userVerified?: boolean;
  /** The user handle a discoverable credential returns (base64url). */
  userHandle?: string;
  /** The model the authenticator states at registration (an AAGUID); default all zeroes. */
  aaguid?: string;
  /**
   * Packed attestation (WebAuthn §8.2) instead of none: signed by the
   * attestation key with its chain (full), or without `x5c` by the credential
   * key itself (self attestation).
   */
  packed?: { x5c?: Buffer[]; key?: string };
}

/** One credential on a software authenticator; each assertion moves its counter on. */
export class SoftAuthenticator {
  readonly id = Buffer.from(crypto.getRandomValues(new Uint8Array(16)));
  readonly key: { privateKey: KeyObject; publicKey: KeyObject };
  counter = 0;

  constructor(
    readonly rpId: string,
    readonly origin: string,
  ) {
    this.key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  }

  get credentialId() {
    return b64url(this.id);
  }

  private coseKey(alg: number): Buffer {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    return cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, alg],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  private authData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), c, ...(attested ? [attested] : [])]);
  }

  private clientData(type: string, challenge: string, origin: string): string {
    return JSON.stringify({ type, challenge, origin, crossOrigin: false });
  }

  /** The browser's JSON for navigator.credentials.create() answered with this credential. */
  register(challenge: string, o: Overrides = {}) {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(this.id.length);
    const aaguid = o.aaguid ? Buffer.from(o.aaguid.replace(/-/g, ''), 'hex') : Buffer.alloc(16);
    const attested = Buffer.concat([aaguid, len, this.id, this.coseKey(o.alg ?? -7)]);
    // UP | UV | AT
    const authData = this.authData(o.rpId ?? this.rpId, 0x45, o.counter ?? 0, attested);
    const clientDataJSON = this.clientData(
      o.type ?? 'webauthn.create',
      o.challenge ?? challenge,
      o.origin ?? this.origin,
    );
    const attStmt = new Map<string, Cbor>();
    if (o.packed) {
      const signer = o.packed.key ? createPrivateKey(o.packed.key) : this.key.privateKey;
      attStmt.set('alg', -7);
      attStmt.set('sig', sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), signer));
      if (o.packed.x5c) attStmt.set('x5c', o.packed.x5c);
    }
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', o.packed ? 'packed' : 'none'],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** The browser's JSON for navigator.credentials.get(); the counter goes up unless given. */
  assert(challenge: string, o: Overrides = {}) {
    const counter = o.counter ?? ++this.counter;
    // UP, and UV unless told otherwise
    const authData = this.authData(
      o.rpId ?? this.rpId,
      o.userVerified === false ? 0x01 : 0x05,
      counter,
    );
    const clientDataJSON = this.clientData(
      o.type ?? 'webauthn.get',
      o.challenge ?? challenge,
      o.origin ?? this.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      this.key.privateKey,
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(o.userHandle ? { userHandle: o.userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
