import { z } from 'zod';

/**
 * The context document an organisation publishes (docs/context-sync.md). Unknown fields are kept:
 * they are covered by the signature, and a newer schema can add fields older clients pass through.
 */
export const CONTEXT_DOCUMENT_MAX_BYTES = 1024 * 1024;

export const contextPolicySchema = z
  .object({
    maxChats: z.number().int().min(1).max(100_000).optional(),
    allowedModels: z.array(z.string().min(1).max(100)).max(100).optional(),
    defaultModel: z.string().min(1).max(100).optional(),
    rateLimits: z
      .object({
        requestsPerMinute: z.number().int().min(1).max(10_000).optional(),
        concurrentStreams: z.number().int().min(1).max(100).optional(),
      })
      .optional(),
  })
  .loose();

export const contextDocumentSchema = z
  .object({
    schema: z.literal(1),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    content: z.string(),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: z.string().min(1).max(200),
    policy: contextPolicySchema.optional(),
    keyId: z.string().min(1).max(100).optional(),
    signature: z.string().min(1).max(200).optional(),
  })
  .loose();

export type ContextPolicy = z.infer<typeof contextPolicySchema>;
export type ContextDocument = z.infer<typeof contextDocumentSchema>;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values a context document holds: keys sorted by
 * UTF-16 code units, no white space, strings and numbers as ECMAScript's JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Non-finite numbers cannot be canonicalised');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`Cannot canonicalise a ${typeof value}`);
}

/** What is signed: the whole document except its `signature`, canonicalised. */
export function signingPayload(document: Record<string, unknown>): string {
  const { signature: _signature, ...rest } = document;
  return canonicalJson(rest);
}
