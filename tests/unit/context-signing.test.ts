import { describe, expect, it } from 'vitest';
import { canonicalJson, contextDocumentSchema, signingPayload } from '../../src/shared/context/context-document';
import { generateSigningKeyPair, parsePublicKey, publicKeyFromPrivate, signDocument, verifyDocument } from '../../src/main/core/context/signing';

const base = {
  schema: 1,
  version: 3,
  content: '# Company context\n\nBe kind. Отвечай по-русски, если спросят по-русски. 🚀',
  updatedAt: '2026-11-21T10:00:00.000Z',
  updatedBy: 'Ada Admin',
  policy: { maxChats: 50, allowedModels: ['claude-sonnet-5-5'], rateLimits: { requestsPerMinute: 20, concurrentStreams: 3 } },
};

describe('canonicalJson (RFC 8785 subset)', () => {
  it('sorts keys, drops white space and undefined, keeps unicode as JSON.stringify writes it', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é\n"'], c: undefined, '\u00e9': 2, A: { z: 0, y: -1.5 } })).toBe(
      '{"A":{"y":-1.5,"z":0},"a":[true,null,"é\\n\\""],"b":1,"é":2}',
    );
  });

  it('gives the same text whatever the key order', () => {
    const shuffled = { policy: base.policy, updatedBy: base.updatedBy, content: base.content, version: 3, schema: 1, updatedAt: base.updatedAt };
    expect(canonicalJson(shuffled)).toBe(canonicalJson(base));
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it('leaves the signature out of what is signed', () => {
    expect(signingPayload({ ...base, signature: 'xyz' })).toBe(canonicalJson(base));
  });
});

describe('Ed25519 signing', () => {
  const pair = generateSigningKeyPair();
  const pinned = parsePublicKey(pair.publicKey)!;

  it('makes a key pair whose public key and id can be recovered from the private key', () => {
    expect(Buffer.from(pair.publicKey, 'base64')).toHaveLength(32);
    expect(pair.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(publicKeyFromPrivate(pair.privateKey)).toEqual({ publicKey: pair.publicKey, keyId: pair.keyId });
    expect(pinned.keyId).toBe(pair.keyId);
  });

  it('verifies a signed document, which still parses as a context document', () => {
    const signed = signDocument(base, pair.privateKey);
    expect(signed.keyId).toBe(pair.keyId);
    expect(verifyDocument(signed, pinned)).toEqual({ ok: true, keyId: pair.keyId });
    expect(contextDocumentSchema.safeParse(JSON.parse(JSON.stringify(signed))).success).toBe(true);
    // Key order and formatting on the wire do not matter.
    expect(verifyDocument(JSON.parse(JSON.stringify(signed, null, 2)), pinned).ok).toBe(true);
  });

  it('fails verification after a one-byte change anywhere', () => {
    const signed = signDocument(base, pair.privateKey);
    const changes: Record<string, unknown>[] = [
      { ...signed, content: signed.content.replace('kind', 'kinf') },
      { ...signed, version: 4 },
      { ...signed, updatedBy: 'Ada Admim' },
      { ...signed, policy: { ...base.policy, maxChats: 51 } },
      { ...signed, extra: 'added field' },
    ];
    for (const changed of changes) expect(verifyDocument(changed, pinned)).toEqual({ ok: false, reason: 'bad_signature' });
    const sig = Buffer.from(signed.signature, 'base64');
    sig[0] = sig[0]! ^ 1;
    expect(verifyDocument({ ...signed, signature: sig.toString('base64') }, pinned).ok).toBe(false);
  });

  it('refuses a missing signature, another key, and a keyId swapped to ours', () => {
    expect(verifyDocument(base, pinned)).toEqual({ ok: false, reason: 'missing_signature' });
    const other = generateSigningKeyPair();
    const byOther = signDocument(base, other.privateKey);
    expect(verifyDocument(byOther, pinned)).toEqual({ ok: false, reason: 'wrong_key' });
    expect(verifyDocument({ ...byOther, keyId: pair.keyId }, pinned)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('only accepts a pinned key of 32 bytes in canonical base64', () => {
    expect(parsePublicKey('not base64!')).toBeNull();
    expect(parsePublicKey(Buffer.alloc(31).toString('base64'))).toBeNull();
    expect(parsePublicKey(` ${pair.publicKey} `)).not.toBeNull();
  });
});
