import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFullDate, formatRelativeTime, getNow, subscribeNow } from './relative-time';

interface RelativeTimeProps {
  /** An ISO-8601 timestamp, as main sends them. */
  date: string;
  className?: string;
}

/**
 * A <time> that says how long ago, in the UI language, and keeps itself current (every 30 s; a date newer
 * than the last tick reads "just now", which it is).
 */
export function RelativeTime({ date, className }: RelativeTimeProps) {
  const { t, i18n } = useTranslation();
  const now = useSyncExternalStore(subscribeNow, getNow);
  const when = new Date(date);
  if (Number.isNaN(when.getTime())) return null;
  return (
    <time className={className} dateTime={date} title={formatFullDate(when, i18n.language)}>
      {formatRelativeTime(when, new Date(now), i18n.language, t('time.justNow'))}
    </time>
  );
}
