import type { SettingsDto } from '../../../shared/domain/dto';
import type { SettingsRepository } from '../db/settings-repository';

export const DEFAULT_SETTINGS: SettingsDto = {
  model: null,
  maxChats: 500,
  language: 'system',
  theme: 'system',
  requestsPerMinute: 20,
  concurrentStreams: 3,
  summarizeOmitted: true,
};

export class SettingsService {
  constructor(private readonly repo: SettingsRepository) {}

  async get(): Promise<SettingsDto> {
    const stored = await this.repo.all();
    // Unknown or malformed stored values fall back to defaults rather than breaking start-up.
    return {
      model: typeof stored.model === 'string' ? stored.model : DEFAULT_SETTINGS.model,
      maxChats: positiveInt(stored.maxChats) ?? DEFAULT_SETTINGS.maxChats,
      language:
        stored.language === 'en' || stored.language === 'ru' || stored.language === 'system'
          ? stored.language
          : DEFAULT_SETTINGS.language,
      theme:
        stored.theme === 'light' || stored.theme === 'dark' || stored.theme === 'system' ? stored.theme : DEFAULT_SETTINGS.theme,
      requestsPerMinute: positiveInt(stored.requestsPerMinute) ?? DEFAULT_SETTINGS.requestsPerMinute,
      concurrentStreams: positiveInt(stored.concurrentStreams) ?? DEFAULT_SETTINGS.concurrentStreams,
      summarizeOmitted: typeof stored.summarizeOmitted === 'boolean' ? stored.summarizeOmitted : DEFAULT_SETTINGS.summarizeOmitted,
    };
  }

  async update(patch: Partial<SettingsDto>): Promise<SettingsDto> {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await this.repo.set(key, value);
    }
    return this.get();
  }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
