import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { signingPayload } from '../../../shared/context/context-document';

/** DER prefix that turns a raw 32-byte Ed25519 public key into an SPKI structure Node can load. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKeyPair {
  /** base64 of the raw 32-byte public key: what admins pin in Parley. */
  publicKey: string;
  /** base64 PKCS#8 DER: kept in the keychain, never shown. */
  privateKey: string;
  keyId: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    publicKey: raw.toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    keyId: keyIdOf(raw),
  };
}

/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
export function keyIdOf(rawPublicKeyBytes: Buffer): string {
  return createHash('sha256').update(rawPublicKeyBytes).digest('hex').slice(0, 16);
}

/** Parses a pinned public key (base64 of 32 raw bytes); null when it is not one. */
export function parsePublicKey(base64: string): { key: KeyObject; keyId: string } | null {
  const raw = Buffer.from(base64.trim(), 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64.trim()) return null;
  try {
    return { key: createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }), keyId: keyIdOf(raw) };
  } catch {
    return null;
  }
}

export function publicKeyFromPrivate(privateKeyBase64: string): { publicKey: string; keyId: string } {
  const raw = rawPublicKey(createPublicKey(loadPrivateKey(privateKeyBase64)));
  return { publicKey: raw.toString('base64'), keyId: keyIdOf(raw) };
}

/** Returns the document with `keyId` and `signature` set (any old signature is replaced). */
export function signDocument<T extends Record<string, unknown>>(document: T, privateKeyBase64: string): T & { keyId: string; signature: string } {
  const key = loadPrivateKey(privateKeyBase64);
  const { keyId } = publicKeyFromPrivate(privateKeyBase64);
  const { signature: _old, ...rest } = document;
  const unsigned = { ...rest, keyId };
  const signature = sign(null, Buffer.from(signingPayload(unsigned), 'utf8'), key).toString('base64');
  return { ...unsigned, signature } as T & { keyId: string; signature: string };
}

export type VerifyResult = { ok: true; keyId: string } | { ok: false; reason: 'missing_signature' | 'wrong_key' | 'bad_signature' };

/** Checks a document's signature against the pinned key; its `keyId` must name that key. */
export function verifyDocument(document: Record<string, unknown>, pinned: { key: KeyObject; keyId: string }): VerifyResult {
  const signature = document.signature;
  if (typeof signature !== 'string' || signature.length === 0) return { ok: false, reason: 'missing_signature' };
  if (document.keyId !== pinned.keyId) return { ok: false, reason: 'wrong_key' };
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(signingPayload(document), 'utf8'), pinned.key, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? { ok: true, keyId: pinned.keyId } : { ok: false, reason: 'bad_signature' };
}

function loadPrivateKey(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
}
