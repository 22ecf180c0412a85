import { useEffect, useState } from 'react';
import type { MessageDto } from '../../../../shared/domain/dto';
import { useTranslation } from 'react-i18next';
import { knownCode } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { selectStreamForChat } from '../../store/messages-slice';
import { spokenExcerpt } from './spoken-excerpt';

/**
 * A polite live region for the open chat. Screen readers hear "Claude is answering…" when an answer
 * starts and its opening lines (or how it ended) when it is done, instead of every streamed fragment.
 */
export function StreamAnnouncer({ chatId }: { chatId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');

  useEffect(() => {
    /** The answer whose ending is still to be announced. */
    let watching: string | null = null;
    const announceEnd = (message: MessageDto) => {
      switch (message.status) {
        case 'complete':
          setText(t('conversation.announce.finished', { text: spokenExcerpt(message.content) }));
          return;
        case 'stopped':
          setText(t('conversation.announce.stopped'));
          return;
        case 'interrupted':
          setText(t('conversation.announce.interrupted'));
          return;
        case 'error': {
          const code = knownCode(message.metadata?.error?.code ?? 'internal');
          setText(t('conversation.announce.failed', { error: t(`errors.${code}`) }));
          return;
        }
      }
    };
    return useAppStore.subscribe((state, previous) => {
      const now = selectStreamForChat(state, chatId);
      if (now && !selectStreamForChat(previous, chatId)) {
        watching = now.messageId;
        setText(t('conversation.announce.answering'));
        return;
      }
      if (watching === null || now?.messageId === watching) return;
      // The stream is over; its message may reach its final state (or the list) a moment later.
      const message = state.conversations[chatId]?.messages.find((m) => m.id === watching);
      if (!message || message.status === 'streaming') return;
      watching = null;
      announceEnd(message);
    });
  }, [chatId, t]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="stream-announcer">
      {text}
    </div>
  );
}
