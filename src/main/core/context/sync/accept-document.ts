import { contextDocumentSchema, type ContextDocument } from '../../../../shared/context/context-document';
import type { KeyObject } from 'node:crypto';
import { verifyDocument } from '../signing';
import { SyncFailure } from './fetch-document';

export type Acceptance = { kind: 'new'; document: ContextDocument; verified: boolean } | { kind: 'same' };

/**
 * The rules a fetched document must pass before it replaces the copy in use: it parses as schema 1,
 * its version is higher than the one held (no rollback), and a pinned key has signed it.
 */
export function acceptDocument(
  body: unknown,
  held: { version: number; content: string } | null,
  pinned: { key: KeyObject; keyId: string } | null,
): Acceptance {
  const parsed = contextDocumentSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncFailure('invalid_document', `Not a context document: ${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid'}`);
  }
  const document = parsed.data;
  if (pinned) {
    const result = verifyDocument(body as Record<string, unknown>, pinned);
    if (!result.ok) {
      const messages = {
        missing_signature: 'The document is not signed, but a public key is pinned',
        wrong_key: `The document is signed by another key (${String(document.keyId ?? 'none')})`,
        bad_signature: 'The signature does not match the document: it was changed after signing',
      } as const;
      throw new SyncFailure(result.reason, messages[result.reason]);
    }
  }
  if (held) {
    if (document.version < held.version) {
      throw new SyncFailure('rollback', `Version ${document.version} is older than version ${held.version} in use`);
    }
    if (document.version === held.version) {
      if (document.content === held.content) return { kind: 'same' };
      throw new SyncFailure('rollback', `Version ${document.version} was changed without a new version number`);
    }
  }
  return { kind: 'new', document, verified: pinned !== null };
}
