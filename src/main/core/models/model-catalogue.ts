import { BUILT_IN_MODELS, FALLBACK_CONTEXT_WINDOW, FALLBACK_MAX_OUTPUT, type ModelOption } from '../../../shared/domain/models';
import type { ClaudeClientFactory } from '../ai/claude-client';
import type { Clock } from '../clock';
import type { Executor } from '../db/connection';
import type { Logger } from '../logger';

/**
 * Which models exist and how much each can take: the API's list (cached in SQLite, refreshed when online),
 * or the built-in list before the first fetch and whenever the cache is empty.
 */
export class ModelCatalogue {
  constructor(
    private readonly deps: { db: Executor; createClient: ClaudeClientFactory; clock: Clock; logger: Logger; baseURL?: string | undefined },
  ) {}

  async list(): Promise<{ models: ModelOption[]; source: 'api' | 'built_in'; fetchedAt: string | null }> {
    const rows = await this.deps.db.selectFrom('model_cache').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    if (rows.length === 0) return { models: [...BUILT_IN_MODELS], source: 'built_in', fetchedAt: null };
    return {
      models: rows.map((row) => ({
        id: row.id,
        label: row.display_name,
        maxInputTokens: row.max_input_tokens ?? FALLBACK_CONTEXT_WINDOW,
        maxOutputTokens: row.max_tokens ?? FALLBACK_MAX_OUTPUT,
      })),
      source: 'api',
      fetchedAt: rows[0]!.fetched_at,
    };
  }

  /** What a model can take; an unknown id gets conservative defaults rather than an error. */
  async info(id: string): Promise<ModelOption> {
    const known = (await this.list()).models.find((m) => m.id === id) ?? BUILT_IN_MODELS.find((m) => m.id === id);
    return known ?? { id, label: id, maxInputTokens: FALLBACK_CONTEXT_WINDOW, maxOutputTokens: FALLBACK_MAX_OUTPUT };
  }

  /** Asks the API for its list and replaces the cache; failures (offline) keep the cache as it is. */
  async refresh(apiKey: string): Promise<boolean> {
    try {
      const client = this.deps.createClient({ apiKey, baseURL: this.deps.baseURL, maxRetries: 0, timeoutMs: 15_000 });
      const models = await client.listModels(AbortSignal.timeout(15_000));
      if (models.length === 0) return false;
      const now = this.deps.clock.now();
      await this.deps.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('model_cache').execute();
        for (const model of models) {
          await tx
            .insertInto('model_cache')
            .values({
              id: model.id,
              display_name: model.displayName,
              max_input_tokens: model.maxInputTokens,
              max_tokens: model.maxTokens,
              created_at: model.createdAt,
              fetched_at: now,
            })
            .execute();
        }
      });
      return true;
    } catch (error) {
      this.deps.logger.warn('model list not refreshed', { error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }
}
