import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Virtuoso, type Components, type VirtuosoHandle } from 'react-virtuoso';
import type { MessageDto } from '../../../../shared/domain/dto';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { selectStreamForChat, type Conversation } from '../../store/messages-slice';
import { ArrowDownIcon } from './icons';
import { ContextDivider } from './ContextDivider';
import { findContextCut, type ContextCut } from './context-cut';
import { firstScreenStart } from './first-screen';
import { MessageItem } from './MessageItem';

/**
 * The virtual index of the newest page's first message. Older pages go in front by lowering
 * `firstItemIndex` by the number of messages they add, which is how Virtuoso keeps the view still.
 */
const START_INDEX = 1_000_000;
/** Pixels from the bottom that still count as "reading the latest". */
const AT_BOTTOM_THRESHOLD = 48;
/** Pixels rendered beyond the viewport; until the first paint, everything of the first screen stays. */
const VIEWPORT = { top: 800, bottom: 400 };
const FIRST_SCREEN_VIEWPORT = { top: 4000, bottom: 4000 };
/** How long a message opened from search stays highlighted. */
const FOUND_HIGHLIGHT_MS = 2600;

export interface MessageListHandle {
  /** Scrolls to the newest text and follows it again. */
  jumpToLatest: () => void;
}

interface ListContext {
  chatId: string;
  conversation: Conversation;
  lastId: string | undefined;
  busy: boolean;
  logLabel: string;
  onStarted: () => void;
  /** Where the last request stopped sending earlier messages (a divider goes above that message). */
  cut: ContextCut | null;
  /** The message opened from search, highlighted briefly. */
  foundId: string | null;
}

/** The items' container is the `log`: the messages, in order. It announces nothing itself (see StreamAnnouncer). */
const LogList = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'> & { context?: ListContext }>(function LogList(
  { context, ...props },
  ref,
) {
  return <div {...props} ref={ref} role="log" aria-live="off" aria-label={context?.logLabel} className="message-log" />;
});

/** Above the oldest loaded message: loads the page before it (also done by scrolling to the top). */
function LoadEarlier({ context }: { context?: ListContext }) {
  const { t } = useTranslation();
  const loadEarlier = useAppStore((s) => s.loadEarlier);
  if (!context) return null;
  const { conversation, chatId } = context;
  if (!conversation.hasMore) return <div className="message-list__top" />;
  return (
    <div className="message-list__top load-earlier">
      <button type="button" className="button" onClick={() => void loadEarlier(chatId)} disabled={conversation.loadingEarlier}>
        {conversation.loadingEarlier ? t('conversation.loadingEarlier') : t('conversation.loadEarlier')}
      </button>
      {conversation.earlierError && <ErrorNotice code={conversation.earlierError.code} role="alert" />}
    </div>
  );
}

/** Below the newest loaded message when the chat was opened at an older one: loads the next page (also done by scrolling down). */
function BottomSpace({ context }: { context?: ListContext }) {
  const { t } = useTranslation();
  const loadNewer = useAppStore((s) => s.loadNewer);
  if (!context?.conversation.hasNewer) return <div className="message-list__bottom" />;
  return (
    <div className="message-list__bottom load-earlier">
      <button type="button" className="button" onClick={() => void loadNewer(context.chatId)} disabled={context.conversation.loadingNewer}>
        {context.conversation.loadingNewer ? t('search.loadingNewer') : t('search.loadNewer')}
      </button>
    </div>
  );
}

const components: Components<MessageDto, ListContext> = { List: LogList, Header: LoadEarlier, Footer: BottomSpace };

function itemContent(_index: number, message: MessageDto, context: ListContext) {
  return (
    <div className={message.id === context.foundId ? 'message-row message-row--found' : 'message-row'}>
      {context.cut?.messageId === message.id && <ContextDivider cut={context.cut} />}
      <MessageItem
        chatId={context.chatId}
        message={message}
        isLast={message.id === context.lastId}
        busy={context.busy}
        onStarted={context.onStarted}
      />
    </div>
  );
}

const computeItemKey = (_index: number, message: MessageDto) => message.id;

interface MessageListProps {
  chatId: string;
  conversation: Conversation;
}

/**
 * The transcript, virtualised: only the messages near the viewport are in the DOM, so a chat with
 * thousands of messages scrolls like a short one. Older pages load when the top is reached, without the
 * view jumping. New text is followed while the reader is at the bottom; once they scroll up it is not,
 * and "Jump to latest" takes them back.
 */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList({ chatId, conversation }, ref) {
  const { t } = useTranslation();
  const loadEarlier = useAppStore((s) => s.loadEarlier);
  const busy = useAppStore((s) => selectStreamForChat(s, chatId) !== undefined);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const { messages } = conversation;
  // Opened at a message (a search hit): start there, not at the end, and highlight it for a moment.
  const [foundIndex] = useState(() => {
    const index = conversation.target ? messages.findIndex((m) => m.id === conversation.target) : -1;
    return index >= 0 ? index : null;
  });
  const [foundId, setFoundId] = useState(foundIndex !== null ? conversation.target : null);
  // Opened at its end, the chat first renders only the messages that fill the screen, starting at the
  // top of the list: Virtuoso scrolls to an item other than the first only after four animation frames
  // (~70 ms). The older loaded messages go in above right after the first paint, without moving the view.
  const [withheld, setWithheld] = useState(() => (foundIndex === null ? firstScreenStart(messages, window.innerHeight) : 0));
  useEffect(() => {
    if (withheld === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setWithheld(0))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [withheld]);
  const clearTarget = useAppStore((s) => s.clearTarget);
  const loadNewer = useAppStore((s) => s.loadNewer);
  const showLatest = useAppStore((s) => s.showLatest);
  useEffect(() => clearTarget(chatId), [chatId, clearTarget]);
  useEffect(() => {
    if (!foundId) return;
    const timer = setTimeout(() => setFoundId(null), FOUND_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [foundId]);
  // Follow new text until the reader scrolls up. A ref for the scroll handlers, state for the button.
  const following = useRef(foundIndex === null);
  const [isFollowing, setIsFollowing] = useState(foundIndex === null);
  const lastScrollTop = useRef(0);

  const setFollowing = useCallback((value: boolean) => {
    following.current = value;
    setIsFollowing(value);
  }, []);

  /** Where our own last scroll put the view, so its scroll event is not taken for the reader's. */
  const ownScrollTop = useRef<number | null>(null);
  /** Until when a scroll up by the reader is still under way (wheel and key scrolling are animated). */
  const readerScrollUntil = useRef(0);

  const scrollToEnd = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    ownScrollTop.current = el.scrollTop;
  }, []);

  const jumpToLatest = useCallback(() => {
    // Opened at an older message: the latest page replaces what is loaded (the list starts afresh at the end).
    if (useAppStore.getState().conversations[chatId]?.hasNewer) {
      void showLatest(chatId);
      return;
    }
    setFollowing(true);
    virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
    // Item heights are measured as they render; land on the true end (and the bottom padding) after that.
    requestAnimationFrame(() => requestAnimationFrame(scrollToEnd));
  }, [chatId, scrollToEnd, setFollowing, showLatest]);

  useImperativeHandle(ref, () => ({ jumpToLatest }), [jumpToLatest]);

  // Scrolling up (wheel, keys, scrollbar) means "let me read": stop following. Growing content and
  // older pages going in above only ever move scrollTop down or keep it, so they never count.
  const detach = useRef<(() => void) | null>(null);
  const onScrollerRef = useCallback(
    (el: HTMLElement | Window | null) => {
      detach.current?.();
      detach.current = null;
      scroller.current = el instanceof HTMLElement ? el : null;
      const target = scroller.current;
      if (!target) return;
      const onScroll = () => {
        const top = target.scrollTop;
        const distance = target.scrollHeight - top - target.clientHeight;
        const own = ownScrollTop.current !== null && Math.abs(top - ownScrollTop.current) < 2;
        ownScrollTop.current = null;
        if (!own) {
          if (top < lastScrollTop.current - 1 && distance > AT_BOTTOM_THRESHOLD) setFollowing(false);
          // Back at the very bottom by the reader's own scrolling: follow again.
          else if (top > lastScrollTop.current && distance <= 2 && performance.now() > readerScrollUntil.current) setFollowing(true);
        }
        lastScrollTop.current = top;
      };
      // The intent counts before the scroll does: a smooth wheel scroll takes a few frames, and new text
      // arriving meanwhile would otherwise pull the view back down and cancel it.
      const readerScrollsUp = () => {
        readerScrollUntil.current = performance.now() + 400;
        setFollowing(false);
      };
      const onWheel = (e: WheelEvent) => {
        if (e.deltaY < 0) readerScrollsUp();
      };
      const onKeyDown = (e: KeyboardEvent) => {
        if (e.key === 'PageUp' || e.key === 'ArrowUp' || e.key === 'Home') readerScrollsUp();
      };
      target.addEventListener('scroll', onScroll, { passive: true });
      target.addEventListener('wheel', onWheel, { passive: true });
      target.addEventListener('keydown', onKeyDown);
      detach.current = () => {
        target.removeEventListener('scroll', onScroll);
        target.removeEventListener('wheel', onWheel);
        target.removeEventListener('keydown', onKeyDown);
      };
    },
    [setFollowing],
  );

  const onAtBottom = useCallback(
    (bottom: boolean) => setAtBottom(bottom),
    [],
  );

  // New messages and a streamed answer growing inside its item both change the list's height: keep the
  // newest line in view while following. (Virtuoso's own followOutput is not used: it also scrolls down
  // when an item grows shortly after the data changed, which with a delta every frame means always,
  // even after the reader has scrolled up.)
  const onHeightChanged = useCallback(() => {
    if (following.current) scrollToEnd();
  }, [scrollToEnd]);

  const onEndReached = useCallback(() => {
    if (conversation.hasNewer && !conversation.loadingNewer) void loadNewer(chatId);
  }, [chatId, conversation.hasNewer, conversation.loadingNewer, loadNewer]);

  const onStartReached = useCallback(() => {
    if (withheld > 0) return;
    if (conversation.hasMore && !conversation.loadingEarlier) void loadEarlier(chatId);
  }, [chatId, conversation.hasMore, conversation.loadingEarlier, loadEarlier, withheld]);

  const logLabel = t('conversation.messages');
  const lastId = messages.at(-1)?.id;
  const cut = useMemo(() => findContextCut(messages), [messages]);
  const context = useMemo<ListContext>(
    () => ({ chatId, conversation, lastId, busy, logLabel, onStarted: jumpToLatest, cut, foundId }),
    [chatId, conversation, lastId, busy, logLabel, jumpToLatest, cut, foundId],
  );

  if (messages.length === 0) {
    return (
      <div className="message-scroller message-scroller--empty">
        <div role="log" aria-label={logLabel} className="message-log">
          <EmptyState title={t('conversation.emptyTitle')}>
            <p>{t('conversation.emptyBody')}</p>
          </EmptyState>
        </div>
      </div>
    );
  }

  return (
    <div className="message-list">
      <Virtuoso
        ref={virtuoso}
        className="message-scroller"
        scrollerRef={onScrollerRef}
        data={withheld > 0 ? messages.slice(withheld) : messages}
        context={context}
        components={components}
        itemContent={itemContent}
        computeItemKey={computeItemKey}
        firstItemIndex={START_INDEX - conversation.prepended + withheld}
        initialItemCount={withheld > 0 ? messages.length - withheld : undefined}
        initialTopMostItemIndex={foundIndex !== null ? { index: foundIndex, align: 'center' } : withheld > 0 ? 0 : { index: 'LAST', align: 'end' }}
        atBottomStateChange={onAtBottom}
        atBottomThreshold={AT_BOTTOM_THRESHOLD}
        totalListHeightChanged={onHeightChanged}
        startReached={onStartReached}
        endReached={onEndReached}
        increaseViewportBy={withheld > 0 ? FIRST_SCREEN_VIEWPORT : VIEWPORT}
        // Measure in the ResizeObserver callback itself, before paint: otherwise an older page goes in
        // at estimated heights for one frame and the view visibly jumps by the estimate's error.
        skipAnimationFrameInResizeObserver
      />
      {(conversation.hasNewer || (!atBottom && !isFollowing)) && (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          <ArrowDownIcon />
          <span>{t('conversation.jumpToLatest')}</span>
        </button>
      )}
    </div>
  );
});
