import type { ContextPolicy } from '../../../shared/context/context-document';
import type { PolicyDto } from '../../../shared/domain/dto';
import type { ContextRepository } from '../db/context-repository';
import type { SettingsService } from '../settings/settings-service';
import type { ContextSyncService } from './sync/context-sync-service';

/** The plan's defaults: 20 requests a minute, 3 answers at once. */
export const DEFAULT_RATE_LIMITS = { requestsPerMinute: 20, concurrentStreams: 3 } as const;

/** The policy in the synced context document, in force while sync manages the primary context. */
export class PolicyService {
  constructor(
    private readonly contexts: ContextRepository,
    private readonly sync: ContextSyncService,
    private readonly settings: SettingsService,
  ) {}

  async current(): Promise<PolicyDto> {
    const [policy, settings] = await Promise.all([this.policy(), this.settings.get()]);
    return {
      ...policy,
      effectiveRateLimits: {
        requestsPerMinute: policy.rateLimits?.requestsPerMinute ?? settings.requestsPerMinute ?? DEFAULT_RATE_LIMITS.requestsPerMinute,
        concurrentStreams: policy.rateLimits?.concurrentStreams ?? settings.concurrentStreams ?? DEFAULT_RATE_LIMITS.concurrentStreams,
      },
      managed: Object.keys(policy).length > 0,
    };
  }

  /** The model to use given a preference: the preference when allowed, else the policy's default, else the first allowed. */
  async allowedModel(preferred: string): Promise<string> {
    const { allowedModels, defaultModel } = await this.policy();
    if (!allowedModels || allowedModels.length === 0 || allowedModels.includes(preferred)) return preferred;
    if (defaultModel && allowedModels.includes(defaultModel)) return defaultModel;
    return allowedModels[0]!;
  }

  async isModelAllowed(model: string): Promise<boolean> {
    const { allowedModels } = await this.policy();
    return !allowedModels || allowedModels.length === 0 || allowedModels.includes(model);
  }

  private async policy(): Promise<ContextPolicy> {
    if (!(await this.sync.isManaging())) return {};
    const primary = await this.contexts.find('primary');
    if (!primary?.source_url || !primary.policy) return {};
    try {
      return JSON.parse(primary.policy) as ContextPolicy;
    } catch {
      return {};
    }
  }
}
