import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenEstimateDto } from '../../../../shared/domain/dto';
import { api } from '../../api';
import { useAppStore } from '../../store';
import { numberFormat } from '../../components/intl-cache';
import './usage.css';

/** Typing must pause this long before the next request is estimated. */
export const ESTIMATE_DELAY_MS = 300;

interface TokenEstimateProps {
  chatId: string;
  draft: string;
}

/**
 * "≈ 12,400 / 200,000 tokens" near the composer while the person types: main's estimate of the next
 * request's input (system + the history that fits + the draft) against the model's context window, and,
 * when earlier messages would not fit, that they will be summarised or left out. Quiet, and not announced.
 */
export function TokenEstimate({ chatId, draft }: TokenEstimateProps) {
  const { t, i18n } = useTranslation();
  const [estimate, setEstimate] = useState<{ chatId: string; value: TokenEstimateDto } | null>(null);
  // A new message changes the history the estimate counts.
  const messageCount = useAppStore((s) => s.conversations[chatId]?.messages.length ?? 0);
  const summarize = useAppStore((s) => s.settings?.summarizeOmitted ?? true);
  const typing = draft.trim().length > 0;

  useEffect(() => {
    if (!typing) return;
    let current = true;
    const timer = setTimeout(() => {
      void api.chat.estimate({ chatId, draft }).then((result) => {
        if (current && result.ok) setEstimate({ chatId, value: result.value });
      });
    }, ESTIMATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [chatId, draft, typing, messageCount]);

  const value = typing && estimate?.chatId === chatId ? estimate.value : null;
  if (!value) return <p className="token-estimate" aria-hidden="true" />;
  const number = numberFormat(i18n.language);
  const over = value.inputTokens > value.budget;
  return (
    <p
      className={`token-estimate${over ? ' token-estimate--over' : ''}`}
      data-testid="token-estimate"
      title={t('estimate.title', { budget: number.format(value.budget) })}
    >
      <span>{t('estimate.tokens', { tokens: number.format(value.inputTokens), window: number.format(value.contextWindow) })}</span>
      {value.omittedMessages > 0 && (
        <span className="token-estimate__omitted">
          {summarize
            ? t('estimate.summarised', { count: value.omittedMessages })
            : t('estimate.leftOut', { count: value.omittedMessages })}
        </span>
      )}
    </p>
  );
}
