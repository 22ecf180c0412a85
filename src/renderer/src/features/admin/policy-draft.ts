import type { ContextPolicy } from '../../../../shared/context/context-document';
import type { PolicyDto } from '../../../../shared/domain/dto';

/** The policy form's text, as typed: an empty field leaves that part of the policy unset. */
export interface PolicyDraft {
  maxChats: string;
  /** None ticked: every model is allowed. */
  allowedModels: string[];
  /** '' : not set. */
  defaultModel: string;
  requestsPerMinute: string;
  concurrentStreams: string;
}

export type PolicyNumberField = 'maxChats' | 'requestsPerMinute' | 'concurrentStreams';

/** The limits of src/shared/context/context-document.ts (contextPolicySchema). */
export const POLICY_LIMITS: Record<PolicyNumberField, { min: number; max: number }> = {
  maxChats: { min: 1, max: 100_000 },
  requestsPerMinute: { min: 1, max: 10_000 },
  concurrentStreams: { min: 1, max: 100 },
};

/** Starts from the policy in force (a synced document's), so republishing keeps it unless changed. */
export function draftFromPolicy(policy: PolicyDto | null): PolicyDraft {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    maxChats: text(policy?.maxChats),
    allowedModels: policy?.allowedModels ?? [],
    defaultModel: policy?.defaultModel ?? '',
    requestsPerMinute: text(policy?.rateLimits?.requestsPerMinute),
    concurrentStreams: text(policy?.rateLimits?.concurrentStreams),
  };
}

/** The document's `policy` (undefined when nothing is set), or the fields that are not valid numbers. */
export function policyFromDraft(draft: PolicyDraft): { policy: ContextPolicy | undefined; invalid: PolicyNumberField[] } {
  const invalid: PolicyNumberField[] = [];
  const number = (field: PolicyNumberField): number | undefined => {
    const raw = draft[field].trim();
    if (raw === '') return undefined;
    const n = Number(raw);
    const { min, max } = POLICY_LIMITS[field];
    if (!Number.isInteger(n) || n < min || n > max) {
      invalid.push(field);
      return undefined;
    }
    return n;
  };
  const maxChats = number('maxChats');
  const requestsPerMinute = number('requestsPerMinute');
  const concurrentStreams = number('concurrentStreams');
  const policy: ContextPolicy = {};
  if (maxChats !== undefined) policy.maxChats = maxChats;
  if (draft.allowedModels.length > 0) policy.allowedModels = [...draft.allowedModels];
  if (draft.defaultModel) policy.defaultModel = draft.defaultModel;
  if (requestsPerMinute !== undefined || concurrentStreams !== undefined) {
    policy.rateLimits = {
      ...(requestsPerMinute !== undefined ? { requestsPerMinute } : {}),
      ...(concurrentStreams !== undefined ? { concurrentStreams } : {}),
    };
  }
  return { policy: Object.keys(policy).length > 0 ? policy : undefined, invalid };
}
