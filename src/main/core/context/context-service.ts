import type { ContextFileDto, ContextType } from '../../../shared/domain/dto';
import { newId, type Clock } from '../clock';
import type { ContextRepository } from '../db/context-repository';
import type { ContextFilesTable } from '../db/schema';
import { DEFAULT_SYSTEM_PROMPT } from './default-prompt';

export interface SystemBlock {
  type: 'text';
  text: string;
}

function toDto(row: ContextFilesTable): ContextFileDto {
  return {
    type: row.type,
    content: row.content,
    version: row.version,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class ContextService {
  constructor(
    private readonly repo: ContextRepository,
    private readonly clock: Clock,
  ) {}

  /** A context never written reads as empty, version 0. */
  async get(type: ContextType): Promise<ContextFileDto> {
    const row = await this.repo.find(type);
    if (row) return toDto(row);
    const now = this.clock.now();
    return { type, content: '', version: 0, updatedBy: null, createdAt: now, updatedAt: now };
  }

  /** Every saved change bumps the version; saving identical content is not a change. */
  async update(type: ContextType, content: string, updatedBy: string): Promise<ContextFileDto> {
    const now = this.clock.now();
    const existing = await this.repo.find(type);
    if (!existing) {
      await this.repo.insert({
        id: newId(),
        type,
        content,
        version: 1,
        updated_by: updatedBy,
        created_at: now,
        updated_at: now,
      });
    } else if (existing.content !== content) {
      await this.repo.update(type, { content, version: existing.version + 1, updated_by: updatedBy, updated_at: now });
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
