import type { Root } from 'hast';

export interface ParseRequest {
  id: number;
  blocks: { text: string; highlight: boolean }[];
}

export type ParseResponse = { id: number; trees: Root[] } | { id: number; error: string };
