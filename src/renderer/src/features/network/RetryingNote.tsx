import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { RetryingState } from '../../store/messages-slice';
import { useCountdown } from './use-countdown';
import './network.css';

type RetryKind = 'busy' | 'offline' | 'rateLimited' | 'tooLong';

function kindOf(code: RetryingState['code']): RetryKind {
  switch (code) {
    case 'offline':
      return 'offline';
    case 'rate_limited':
      return 'rateLimited';
    case 'context_too_long':
      return 'tooLong';
    default:
      return 'busy';
  }
}

/**
 * Main is trying the request again after a failure (an overloaded service, a rate limit, a dropped
 * connection): says why, and counts down to the next attempt. Shown inside the streaming answer.
 */
export function RetryingNote({ messageId }: { messageId: string }) {
  const retrying = useAppStore((s) => s.retrying[messageId]);
  if (!retrying) return null;
  // Keyed by attempt: each new announcement starts its own countdown.
  return <RetryingCountdown key={`${retrying.attempt}:${retrying.at ?? 0}`} retrying={retrying} />;
}

function RetryingCountdown({ retrying }: { retrying: RetryingState }) {
  const { t } = useTranslation();
  const kind = kindOf(retrying.code);
  const seconds = useCountdown((retrying.at ?? 0) + retrying.inSeconds * 1000) ?? 0;
  const { attempt } = retrying;
  let text: string;
  if (kind === 'tooLong') text = t('network.retrying.tooLong');
  else if (seconds > 0) text = t(`network.retrying.${kind}`, { seconds, attempt });
  else text = t(`network.retrying.${kind}Now`, { attempt });
  return (
    <p className="message__meta message__retrying retrying-note" data-retry-code={retrying.code}>
      <span className="retrying-note__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
