import { describe, expect, it } from 'vitest';
import { draftFromPolicy, policyFromDraft } from '../../src/renderer/src/features/admin/policy-draft';
import { invalidPaths, syncReason } from '../../src/renderer/src/features/admin/sync-codes';
import en from '../../src/shared/locales/en/translation.json';

describe('the policy form', () => {
  it('publishes only what is filled in, and nothing at all when the form is empty', () => {
    expect(policyFromDraft(draftFromPolicy(null))).toEqual({ policy: undefined, invalid: [] });
    expect(
      policyFromDraft({ maxChats: ' 50 ', allowedModels: ['claude-haiku-5-5'], defaultModel: 'claude-haiku-5-5', requestsPerMinute: '', concurrentStreams: '2' }),
    ).toEqual({ policy: { maxChats: 50, allowedModels: ['claude-haiku-5-5'], defaultModel: 'claude-haiku-5-5', rateLimits: { concurrentStreams: 2 } }, invalid: [] });
  });

  it('names the numbers that are not whole or out of range', () => {
    const { invalid } = policyFromDraft({ maxChats: '0', allowedModels: [], defaultModel: '', requestsPerMinute: '2.5', concurrentStreams: '101' });
    expect(invalid).toEqual(['maxChats', 'requestsPerMinute', 'concurrentStreams']);
  });

  it('starts from the policy in force, so republishing keeps it', () => {
    const draft = draftFromPolicy({ maxChats: 9, rateLimits: { requestsPerMinute: 5 }, effectiveRateLimits: { requestsPerMinute: 5, concurrentStreams: 3 }, managed: true });
    expect(policyFromDraft(draft).policy).toEqual({ maxChats: 9, rateLimits: { requestsPerMinute: 5 } });
  });
});

describe('sync status wording', () => {
  it('has a sentence for every failure code main reports, and one for codes it does not know yet', () => {
    const codes = ['offline', 'timeout', 'http_error', 'not_found', 'wrong_content_type', 'too_large', 'malformed', 'invalid_document', 'rollback', 'missing_signature', 'wrong_key', 'bad_signature', 'insecure_url'];
    for (const code of codes) {
      expect(syncReason(code)).toBe(code);
      expect(en.sync.reason[code as keyof typeof en.sync.reason]).toEqual(expect.any(String));
    }
    expect(syncReason('something_new')).toBe('unknown');
  });

  it('reads which fields an invalid_input is about', () => {
    expect([...invalidPaths([{ path: 'url', message: 'https only' }, { path: 'publicKey', message: 'x' }])]).toEqual(['url', 'publicKey']);
    expect(invalidPaths(undefined).size).toBe(0);
  });
});
