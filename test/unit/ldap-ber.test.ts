// The LDAP front reads BER itself (src/fronts/ldap/ber.ts readElements): on
// random element trees, and on those trees cut short, with bytes flipped,
// inserted or dropped, it must read exactly what asn1js reads (the library
// the front used before) or refuse exactly where asn1js refuses — and it
// holds its own limits on depth and element count. The seed is fixed
// (printed); FUZZ_SEED and FUZZ_RUNS run other or more cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { type BerNode, ProtocolError, readElements, tlv } from '../../src/fronts/ldap/ber.ts';

/** What asn1js reads, as the front's nodes (with RFC 4511 §5.1's rules), or an Error. */
function byAsn1js(bytes: Uint8Array): BerNode | Error {
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes, { maxDepth: 60, maxNodes: 100_000, copyInput: false });
  } catch (e) {
    return e as Error; // (some universal types' contents throw)
  }
  if (parsed.offset !== bytes.length || parsed.result.error) return new Error(parsed.result.error);
  const toNode = (block: asn1js.AsnType): BerNode => {
    const b = block as asn1js.BaseBlock;
    if (b.lenBlock.isIndefiniteForm) throw new Error('indefinite');
    if (b.lenBlock.blockLength > 5) throw new Error('length of more than four octets');
    const { tagClass, tagNumber, isConstructed, blockLength } = b.idBlock;
    // The high-tag-number form, whatever number it writes (X.690 §8.1.2.2: 0–30 take one octet).
    const id =
      blockLength === 1 ? ((tagClass - 1) << 6) | (isConstructed ? 0x20 : 0) | tagNumber : -1;
    if (isConstructed) {
      const inner = (b.valueBlock as unknown as { value: asn1js.BaseBlock[] }).value;
      // asn1js lets the last element inside run past the end its container declares.
      if (inner.reduce((n, c) => n + c.blockLength, 0) !== b.lenBlock.length)
        throw new Error('an element runs past its container');
      return { id, children: inner.map(toNode), value: new Uint8Array(0) };
    }
    const whole = b.valueBeforeDecodeView;
    // asn1js reads an end-of-contents (universal 0) header alone, whatever length it gives.
    if (whole.length !== blockLength + b.lenBlock.blockLength + b.lenBlock.length)
      throw new Error('contents shorter than their length');
    return { id, children: [], value: whole.subarray(blockLength + b.lenBlock.blockLength) };
  };
  try {
    return toNode(parsed.result);
  } catch (e) {
    return e as Error;
  }
}

function ours(bytes: Uint8Array): BerNode | Error {
  try {
    return readElements(bytes);
  } catch (e) {
    assert.ok(e instanceof ProtocolError, `only protocol errors: ${e}`);
    return e;
  }
}

/** Trees as plain data, so that Uint8Array views compare by content. */
const plain = (n: BerNode | Error): unknown =>
  n instanceof Error
    ? 'refused'
    : { id: n.id, value: Buffer.from(n.value).toString('hex'), children: n.children.map(plain) };

/**
 * asn1js also checks the contents of universal types (INTEGER, OBJECT
 * IDENTIFIER, times …), which the front's decoders do where it reads them,
 * and refuses universal tags above 36, which the front reads as -1 (an
 * element no decoder accepts): trees compare on the universal types LDAP's
 * structure uses, OCTET STRING, SEQUENCE and SET, and on every other class.
 */
const comparable = (n: BerNode | Error): boolean =>
  n instanceof Error ||
  (n.id >= 0 &&
    (n.id >> 6 !== 0 || [0x04, 0x30, 0x31].includes(n.id)) &&
    n.children.every(comparable));

/** Random element trees, written with the front's own encoder (short and long lengths). */
const tree: fc.Arbitrary<Buffer> = fc.letrec<{ node: Buffer }>((self) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 3 }),
        fc.uint8Array({ maxLength: 300 }),
      )
      .map(([tag, cls, value]) => tlv(cls === 0 ? 0x04 : (cls << 6) | tag, Buffer.from(value))),
    fc
      .tuple(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(self('node'), { maxLength: 5 }),
      )
      .map(([tag, cls, children]) =>
        tlv(cls === 0 ? 0x30 | (tag & 1) : (cls << 6) | 0x20 | tag, ...children),
      ),
  ),
})).node;

/** A tree damaged: cut short, a byte changed, bytes inserted or dropped. */
const damaged = fc
  .tuple(
    tree,
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 3 }),
    fc.uint8Array({ maxLength: 4 }),
  )
  .map(([bytes, at, byte, how, extra]) => {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    const b = Buffer.from(bytes);
    if (how === 0) return b.subarray(0, i);
    if (how === 1) {
      b[i] = byte;
      return b;
    }
    if (how === 2) return Buffer.concat([b.subarray(0, i), extra, b.subarray(i)]);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + (byte % 3))]);
  });

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);

describe('reading LDAP’s BER', () => {
  console.log(`ldap-ber: fast-check seed ${SEED}`);
  it('reads well-formed element trees as asn1js does', () => {
    fc.assert(
      fc.property(tree, (bytes) => {
        const want = byAsn1js(bytes);
        assert.ok(!(want instanceof Error), 'a written tree is well formed');
        assert.deepEqual(plain(ours(bytes)), plain(want));
      }),
      { numRuns: RUNS / 10, seed: SEED },
    );
  });

  it('reads or refuses damaged ones as asn1js does', () => {
    fc.assert(
      fc.property(damaged, (bytes) => {
        fc.pre(comparable(ours(bytes)));
        assert.deepEqual(
          plain(ours(bytes)),
          plain(byAsn1js(bytes)),
          Buffer.from(bytes).toString('hex'),
        );
      }),
      { numRuns: RUNS, maxSkipsPerRun: 10, seed: SEED },
    );
  });

  it('refuses the indefinite form, lengths of five octets, and nothing at all', () => {
    for (const hex of ['3080020101', '0485000000000100', '', '30', '3004020101', '020101ff'])
      assert.throws(() => readElements(Buffer.from(hex, 'hex')), ProtocolError, hex);
    assert.deepEqual(plain(readElements(Buffer.from('1f8101020a0b', 'hex'))), {
      id: -1,
      value: '0a0b',
      children: [],
    });
  });

  it('refuses more than 40 levels, or more than 4096 elements, in one message', () => {
    const nested = (levels: number): Buffer =>
      levels === 0 ? tlv(0x04, 'x') : tlv(0x30, nested(levels - 1));
    assert.equal(plain(readElements(nested(40))) !== 'refused', true);
    assert.throws(() => readElements(nested(41)), /nested too deep/);
    const flat = (n: number) => tlv(0x30, ...Array.from({ length: n }, () => tlv(0x05)));
    assert.equal(readElements(flat(4095)).children.length, 4095);
    assert.throws(() => readElements(flat(4096)), /too many elements/);
  });
});
