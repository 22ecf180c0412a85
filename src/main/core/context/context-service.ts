import type { ContextFileDto, ContextType } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import { newId, type Clock } from '../clock';
import type { ContextRepository } from '../db/context-repository';
import type { ContextFilesTable } from '../db/schema';
import { DEFAULT_SYSTEM_PROMPT } from './default-prompt';

export interface SystemBlock {
  type: 'text';
  text: string;
}

function toDto(row: ContextFilesTable, managed: boolean): ContextFileDto {
  return {
    type: row.type,
    content: row.content,
    version: row.version,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    provenance:
      row.source_url && row.fetched_at
        ? { sourceUrl: row.source_url, etag: row.etag ?? null, keyId: row.key_id ?? null, fetchedAt: row.fetched_at, verified: row.verified === 1 }
        : null,
    managed,
  };
}

export class ContextService {
  constructor(
    private readonly repo: ContextRepository,
    private readonly clock: Clock,
    /** True while a sync source manages the primary context. */
    private readonly primaryManaged: () => Promise<boolean>,
  ) {}

  /** A context never written reads as empty, version 0. */
  async get(type: ContextType): Promise<ContextFileDto> {
    const managed = type === 'primary' && (await this.primaryManaged());
    const row = await this.repo.find(type);
    if (row) return toDto(row, managed);
    const now = this.clock.now();
    return { type, content: '', version: 0, updatedBy: null, createdAt: now, updatedAt: now, provenance: null, managed };
  }

  /** Every saved change bumps the version; saving identical content is not a change. */
  async update(type: ContextType, content: string, updatedBy: string): Promise<ContextFileDto> {
    if (type === 'primary' && (await this.primaryManaged())) {
      throw new AppError('managed_setting', 'The primary context is managed by your organisation’s sync source');
    }
    const now = this.clock.now();
    const existing = await this.repo.find(type);
    if (!existing) {
      await this.repo.insert({ id: newId(), type, content, version: 1, updated_by: updatedBy, created_at: now, updated_at: now });
    } else if (existing.content !== content || existing.source_url) {
      // Editing a copy that once came from sync makes it a local file again: provenance no longer applies.
      await this.repo.update(type, {
        content,
        version: existing.version + 1,
        updated_by: updatedBy,
        updated_at: now,
        source_url: null,
        etag: null,
        key_id: null,
        fetched_at: null,
        verified: null,
        policy: null,
      });
    }
    return this.get(type);
  }

  /** Primary context (or the built-in prompt), then the personal context when it has text. */
  async systemBlocks(): Promise<SystemBlock[]> {
    const [primary, personal] = await Promise.all([this.repo.find('primary'), this.repo.find('personal')]);
    const blocks: SystemBlock[] = [
      { type: 'text', text: primary && primary.content.trim() ? primary.content : DEFAULT_SYSTEM_PROMPT },
    ];
    if (personal && personal.content.trim()) blocks.push({ type: 'text', text: personal.content });
    return blocks;
  }
}
