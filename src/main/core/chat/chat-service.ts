import type { ChatDto } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import { newId, type Clock } from '../clock';
import { ChatRepository, toChatDto } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { ChatsTable } from '../db/schema';
import type { SettingsService } from '../settings/settings-service';

export const DEFAULT_CHAT_TITLE = 'New Chat';

export interface ChatPatch {
  title?: string | undefined;
  isArchived?: boolean | undefined;
  model?: string | null | undefined;
  temperature?: number | null | undefined;
  topP?: number | null | undefined;
  maxTokens?: number | null | undefined;
}

export interface ChatModelRules {
  isAllowed(model: string): Promise<boolean>;
  maxOutputTokens(model: string): Promise<number>;
}

export class ChatService {
  constructor(
    private readonly db: Executor,
    private readonly chats: ChatRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    /** The admin policy's limit, when one is in force, wins over the setting. */
    private readonly policyMaxChats: () => Promise<number | undefined> = async () => undefined,
    private readonly models: ChatModelRules = { isAllowed: async () => true, maxOutputTokens: async () => Number.MAX_SAFE_INTEGER },
  ) {}

  private async maxChats(): Promise<number> {
    return (await this.policyMaxChats()) ?? (await this.settings.get()).maxChats;
  }

  async create(title?: string): Promise<ChatDto> {
    const maxChats = await this.maxChats();
    const now = this.clock.now();
    const row: ChatsTable = {
      id: newId(),
      title: title ?? DEFAULT_CHAT_TITLE,
      title_source: title === undefined ? 'default' : 'user',
      provider: 'anthropic',
      model: null,
      is_archived: 0,
      created_at: now,
      updated_at: now,
    };
    // Count and insert in one transaction so two quick clicks cannot both pass the limit.
    await this.db.transaction().execute(async (tx) => {
      await this.assertBelowLimit(maxChats, tx);
      await this.chats.insert(row, tx);
    });
    return toChatDto(row);
  }

  async list(archived: boolean): Promise<ChatDto[]> {
    return (await this.chats.list(archived)).map(toChatDto);
  }

  async get(id: string): Promise<ChatDto> {
    return toChatDto(await this.require(id));
  }

  async require(id: string, tx: Executor = this.db): Promise<ChatsTable> {
    const row = await this.chats.findById(id, tx);
    if (!row) throw new AppError('not_found', 'Chat not found', { id });
    return row;
  }

  async update(id: string, patch: ChatPatch): Promise<ChatDto> {
    const maxChats = await this.maxChats();
    await this.checkSampling(id, patch);
    await this.db.transaction().execute(async (tx) => {
      const row = await this.require(id, tx);
      // Unarchiving brings a chat back into the active set, so it is held to the same limit as creating one.
      if (patch.isArchived === false && row.is_archived === 1) await this.assertBelowLimit(maxChats, tx);
      await this.chats.update(
        id,
        {
          ...(patch.title !== undefined ? { title: patch.title, title_source: 'user' as const } : {}),
          ...(patch.isArchived !== undefined ? { is_archived: patch.isArchived ? 1 : 0 } : {}),
          ...(patch.model !== undefined ? { model: patch.model } : {}),
          ...(patch.temperature !== undefined ? { temperature: patch.temperature } : {}),
          ...(patch.topP !== undefined ? { top_p: patch.topP } : {}),
          ...(patch.maxTokens !== undefined ? { max_tokens: patch.maxTokens } : {}),
        },
        tx,
      );
    });
    return this.get(id);
  }

  async delete(id: string): Promise<{ id: string }> {
    const deleted = await this.chats.delete(id);
    if (deleted === 0) throw new AppError('not_found', 'Chat not found', { id });
    return { id };
  }

  /** Clear refusals for settings the API would reject or the admin does not allow. */
  private async checkSampling(id: string, patch: ChatPatch): Promise<void> {
    const row = await this.require(id);
    const temperature = patch.temperature !== undefined ? patch.temperature : (row.temperature ?? null);
    const topP = patch.topP !== undefined ? patch.topP : (row.top_p ?? null);
    if (temperature !== null && topP !== null) {
      throw new AppError('invalid_input', 'Set either temperature or top-p for a chat, not both', [{ path: 'topP', message: 'Set either temperature or top-p, not both' }]);
    }
    if (patch.model && !(await this.models.isAllowed(patch.model))) {
      throw new AppError('model_not_allowed', 'Your organisation does not allow this model', { model: patch.model });
    }
    const model = patch.model !== undefined ? patch.model : row.model;
    if (patch.maxTokens && model) {
      const cap = await this.models.maxOutputTokens(model);
      if (patch.maxTokens > cap) {
        throw new AppError('invalid_input', `${model} writes at most ${cap} tokens`, [{ path: 'maxTokens', message: `At most ${cap} tokens for this model` }]);
      }
    }
  }

  private async assertBelowLimit(maxChats: number, tx: Executor): Promise<void> {
    const active = await this.chats.countActive(tx);
    if (active >= maxChats) {
      throw new AppError('chat_limit_reached', `You have reached the limit of ${maxChats} active chats`, {
        maxChats,
        active,
      });
    }
  }
}
