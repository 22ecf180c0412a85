import type { MessageMetadata } from '../../../shared/domain/dto';
import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../../shared/domain/models';
import type { ClaudeRequest } from '../ai/claude-client';
import type { ContextService, SystemBlock } from '../context/context-service';
import type { MessageRepository, MessageRow } from '../db/message-repository';
import type { ChatsTable } from '../db/schema';
import type { SettingsRepository } from '../db/settings-repository';
import type { ModelCatalogue } from '../models/model-catalogue';
import type { SettingsService } from '../settings/settings-service';
import { estimateTokens, fitHistory, MESSAGE_OVERHEAD_TOKENS } from './context-window';
import { buildRequest, conversationRows } from './request-builder';
import type { SummaryService } from './summary-service';

/** Sent as a user turn after a cut-off answer: works on every model, unlike an assistant prefill. */
export const CONTINUE_PROMPT =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything and without any preamble.';

export const CALIBRATION_KEY = 'tokenCalibration';

export interface RequestPlan {
  request: ClaudeRequest;
  /** Uncalibrated estimate of the input, compared with the API's count afterwards to calibrate. */
  estimatedRawTokens: number;
  /** Calibrated estimate, as shown near the composer. */
  estimatedTokens: number;
  budget: number;
  contextWindow: number;
  context: NonNullable<MessageMetadata['context']>;
}

export interface PlanInput {
  chat: Pick<ChatsTable, 'id' | 'temperature' | 'top_p' | 'max_tokens'>;
  model: string;
  /** null: plan without writing a summary (an estimate while typing). */
  apiKey: string | null;
  /** < 1 after the API said the prompt was too long: leave more out. */
  shrink?: number;
  /** Continue this answer from `partial` (Continue, or a retry after a dropped stream). */
  continueFrom?: { messageId: string; partial: string };
  /** Text being typed, counted as the next question (estimates only). */
  draft?: string;
}

/**
 * Decides what one request sends: the system blocks, as much recent history as fits the model's window
 * (less the answer's room and a margin), a summary of what was left out when allowed, and the chat's
 * sampling settings.
 */
export class RequestPlanner {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      context: ContextService;
      catalogue: ModelCatalogue;
      summaries: SummaryService;
      settings: SettingsService;
      settingsRepo: SettingsRepository;
    },
  ) {}

  async plan(input: PlanInput): Promise<RequestPlan> {
    const { deps } = this;
    const [rowsAll, info, settings, stored, baseSystem] = await Promise.all([
      deps.messages.listForChat(input.chat.id),
      deps.catalogue.info(input.model),
      deps.settings.get(),
      deps.settingsRepo.all(),
      deps.context.systemBlocks(),
    ]);
    const calibration = typeof stored[CALIBRATION_KEY] === 'number' ? stored[CALIBRATION_KEY] : 1;
    let rows = rowsAll.map((row) => (row.id === input.continueFrom?.messageId ? { ...row, content: input.continueFrom.partial, status: 'stopped' as const } : row));
    rows = conversationRows(rows);
    if (input.draft?.trim()) rows.push(draftRow(input.chat.id, input.draft));

    const maxTokens = Math.min(input.chat.max_tokens ?? DEFAULT_MAX_OUTPUT_TOKENS, info.maxOutputTokens);
    const margin = Math.max(1024, Math.ceil(info.maxInputTokens * 0.02));
    const budget = Math.max(1024, Math.floor((info.maxInputTokens - maxTokens - margin) * (input.shrink ?? 1)));
    const continueCost = input.continueFrom ? estimateTokens(CONTINUE_PROMPT, calibration) + MESSAGE_OVERHEAD_TOKENS : 0;
    const blockCost = (blocks: SystemBlock[]) => blocks.reduce((sum, block) => sum + estimateTokens(block.text, calibration), 0);

    let system = baseSystem;
    let fit = fitHistory(rows, budget - blockCost(system) - continueCost, calibration);
    let summarized = false;
    // A summary takes room too, so fitting runs again with it; turns it pushes out join the next summary.
    for (let round = 0; round < 2 && fit.omitted.length > 0 && input.apiKey && settings.summarizeOmitted; round++) {
      const summary = await deps.summaries.summaryFor(input.chat.id, fit.omitted, input.apiKey);
      if (!summary) break;
      system = [...baseSystem, { type: 'text', text: `Summary of the earlier part of this conversation, which is not included below:\n\n${summary}` }];
      summarized = true;
      const refit = fitHistory(rows, budget - blockCost(system) - continueCost, calibration);
      const covered = fit.omitted.length;
      fit = refit;
      if (refit.omitted.length <= covered) break;
    }

    const request = buildRequest({
      model: input.model,
      system,
      history: fit.kept,
      maxTokens,
      temperature: input.chat.temperature ?? undefined,
      topP: input.chat.top_p ?? undefined,
    });
    if (input.continueFrom) request.messages.push({ role: 'user', content: CONTINUE_PROMPT });
    const raw = blockCost(system) / calibration + fit.tokens / calibration + continueCost / calibration;
    return {
      request,
      estimatedRawTokens: Math.round(raw),
      estimatedTokens: Math.round(raw * calibration),
      budget,
      contextWindow: info.maxInputTokens,
      context: {
        fromMessageId: fit.omitted.length > 0 ? (fit.kept.find((row) => !row.id.startsWith('draft:'))?.id ?? null) : null,
        omittedMessages: fit.omitted.length,
        summarized,
      },
    };
  }
}

function draftRow(chatId: string, content: string): MessageRow {
  return { seq: Number.MAX_SAFE_INTEGER, id: 'draft:next', chat_id: chatId, role: 'user', content, status: 'complete', metadata: null, tool_calls: null, tool_call_id: null, created_at: '' };
}
