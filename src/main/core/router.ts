import { AppError, type Result } from '../../shared/domain/errors';
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract';
import type { Logger } from './logger';

export type Handlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>>;
};

/**
 * The only place that turns untrusted input into service calls: unknown channels and input that
 * fails the contract's schema are refused with `invalid_input` before any service runs.
 */
export function createRouter(handlers: Handlers, logger: Logger) {
  return async function handle(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel: ${String(channel).slice(0, 64)}` } };
    }
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The request was not valid',
          details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      logger.error('handler failed', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Parley' } };
    }
  };
}
