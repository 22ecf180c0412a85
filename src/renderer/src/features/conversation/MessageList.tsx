import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../shared/domain/dto';
import { afterNextPaint } from '../../components/after-paint';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { selectStreamForChat, type Conversation } from '../../store/messages-slice';
import { ArrowDownIcon } from './icons';
import { ContextDivider } from './ContextDivider';
import { findContextCut } from './context-cut';
import { estimatedHeight } from './height-estimate';
import { MessageItem } from './MessageItem';

/** Pixels from the bottom that still count as "reading the latest". */
const AT_BOTTOM_THRESHOLD = 48;
/** Pixels from the top (or bottom) at which the next older (or newer) page is asked for. */
const LOAD_PAGE_THRESHOLD = 400;
/** Messages rendered beyond each edge of the viewport; fewer until the chat's first screen is painted. */
const OVERSCAN = 4;
const FIRST_SCREEN_OVERSCAN = 0;
/** The space above the list and the composer, for the viewport's height before it is measured. */
const CHROME_HEIGHT = 200;
const viewportGuess = () => Math.max(window.innerHeight - CHROME_HEIGHT, 200);
/** The header's height (LoadEarlier keeps it), so the first render need not wait for it to be measured. */
const HEADER_HEIGHT = 72;
/** How long a message opened from search stays highlighted. */
const FOUND_HIGHLIGHT_MS = 2600;

export interface MessageListHandle {
  /** Scrolls to the newest text and follows it again. */
  jumpToLatest: () => void;
}

type ListVirtualizer = ReturnType<typeof useVirtualizer<HTMLDivElement, HTMLDivElement>>;

/**
 * While following, the list counts as "at the end" however far it is from it, so a growing answer and
 * new messages keep the newest line in view; otherwise never, so nothing pulls the reader away.
 */
const endThreshold = (following: boolean) => (following ? Number.MAX_SAFE_INTEGER : -1);

/** Height guesses by message, so a long loaded history is not re-estimated on every measurement. */
const estimates = new WeakMap<MessageDto, number>();
function estimate(message: MessageDto): number {
  let height = estimates.get(message);
  if (height === undefined) estimates.set(message, (height = estimatedHeight(message)));
  return height;
}

const TOP = 'message-list__top';
/** As tall with the "Load earlier" button as without it: the last older page going in must not move the view. */
const TOP_STYLE = { minHeight: HEADER_HEIGHT };

interface PageButtonProps {
  className: string;
  style?: CSSProperties;
  label: string;
  busy: boolean;
  onLoad: () => void;
  children?: ReactNode;
}

/** A button at an edge of the loaded messages that loads the next page that way. */
function PageButton({ className, style, label, busy, onLoad, children }: PageButtonProps) {
  return (
    <div className={`${className} load-earlier`} style={style}>
      <button type="button" className="button" onClick={onLoad} disabled={busy}>
        {label}
      </button>
      {children}
    </div>
  );
}

/** Above the oldest loaded message: loads the page before it (also done by scrolling to the top). */
function LoadEarlier({ chatId, conversation }: { chatId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const loadEarlier = useAppStore((s) => s.loadEarlier);
  if (!conversation.hasMore) return <div className={TOP} style={TOP_STYLE} />;
  return (
    <PageButton
      className={TOP}
      style={TOP_STYLE}
      label={conversation.loadingEarlier ? t('conversation.loadingEarlier') : t('conversation.loadEarlier')}
      busy={conversation.loadingEarlier}
      onLoad={() => void loadEarlier(chatId)}
    >
      {conversation.earlierError && <ErrorNotice code={conversation.earlierError.code} role="alert" />}
    </PageButton>
  );
}

/** Below the newest loaded message when the chat was opened at an older one: loads the next page (also done by scrolling down). */
function BottomSpace({ chatId, conversation }: { chatId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const loadNewer = useAppStore((s) => s.loadNewer);
  if (!conversation.hasNewer) return <div className="message-list__bottom" />;
  return (
    <PageButton
      className="message-list__bottom"
      label={conversation.loadingNewer ? t('search.loadingNewer') : t('search.loadNewer')}
      busy={conversation.loadingNewer}
      onLoad={() => void loadNewer(chatId)}
    />
  );
}

interface MessageListProps {
  chatId: string;
  conversation: Conversation;
}

/**
 * The transcript, virtualised: only the messages near the viewport are in the DOM, so a chat with
 * thousands of messages scrolls like a short one. Older pages load when the top is reached, without the
 * view jumping (the virtualizer keeps the message being read where it was). New text is followed while
 * the reader is at the bottom; once they scroll up it is not, and "Jump to latest" takes them back.
 */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList({ chatId, conversation }, ref) {
  const { t } = useTranslation();
  const loadEarlier = useAppStore((s) => s.loadEarlier);
  const loadNewer = useAppStore((s) => s.loadNewer);
  const showLatest = useAppStore((s) => s.showLatest);
  const clearTarget = useAppStore((s) => s.clearTarget);
  const busy = useAppStore((s) => selectStreamForChat(s, chatId) !== undefined);
  const scroller = useRef<HTMLDivElement | null>(null);
  const header = useRef<HTMLDivElement | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const { messages } = conversation;
  // Opened at a message (a search hit): start there, not at the end, and highlight it for a moment.
  const [foundIndex] = useState(() => {
    const index = conversation.target ? messages.findIndex((m) => m.id === conversation.target) : -1;
    return index >= 0 ? index : null;
  });
  const [foundId, setFoundId] = useState(foundIndex !== null ? conversation.target : null);
  useEffect(() => clearTarget(chatId), [chatId, clearTarget]);
  useEffect(() => {
    if (!foundId) return;
    const timer = setTimeout(() => setFoundId(null), FOUND_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [foundId]);
  // Follow new text until the reader scrolls up. A ref for the scroll handlers, state for the button.
  const following = useRef(foundIndex === null);
  const [isFollowing, setIsFollowing] = useState(foundIndex === null);
  // The header's height: the virtualizer's offsets start below it.
  const [headerHeight, setHeaderHeight] = useState(HEADER_HEIGHT);

  const pages = useRef({ conversation, loadEarlier, loadNewer, chatId });
  pages.current = { conversation, loadEarlier, loadNewer, chatId };
  /** Near the top (or the bottom of a chat opened at an older message): ask for the next page. */
  const loadPagesNearEdges = useCallback((el: HTMLElement) => {
    const { conversation: c, chatId: id } = pages.current;
    if (el.scrollTop < LOAD_PAGE_THRESHOLD && c.hasMore && !c.loadingEarlier && !c.earlierError) void pages.current.loadEarlier(id);
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    if (distance < LOAD_PAGE_THRESHOLD && c.hasNewer && !c.loadingNewer) void pages.current.loadNewer(id);
  }, []);

  // The first screen is painted before the messages around it are rendered: Markdown is most of the cost.
  const [overscan, setOverscan] = useState(FIRST_SCREEN_OVERSCAN);
  useEffect(
    () =>
      afterNextPaint(() => {
        setOverscan(OVERSCAN);
        // A chat too short to scroll gets no scroll event: its older page is asked for here.
        if (scroller.current) loadPagesNearEdges(scroller.current);
      }),
    [loadPagesNearEdges],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here: the virtualizer re-renders this component itself.
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimate(messages[index]!),
    getItemKey: (index) => messages[index]!.id,
    overscan,
    scrollMargin: headerHeight,
    // Older pages going in above keep the message being read in place; a growing answer and new
    // messages keep the end in view while following (see endThreshold).
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: endThreshold(isFollowing),
    // The first render already shows the right messages: the end (or the search hit), by estimate.
    initialRect: { width: 0, height: viewportGuess() },
    initialOffset: () => {
      let offset = 0;
      const upTo = foundIndex ?? messages.length;
      for (let index = 0; index < upTo; index++) offset += estimate(messages[index]!);
      return Math.max(0, offset - (foundIndex === null ? viewportGuess() : viewportGuess() / 2));
    },
    // Scroll-only changes move the rows in the DOM directly; React renders when the range changes.
    // `top`, not a transform: a transform would make each row a stacking context (menus under the next row).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    // Rows are already placed by then, so a new range can wait for React's next render rather than
    // hold up the frame (a scroll event is handled just before the frame is drawn).
    useFlushSync: false,
  });
  const virtualizerRef = useRef<ListVirtualizer>(virtualizer);
  virtualizerRef.current = virtualizer;

  const setFollowing = useCallback((value: boolean) => {
    following.current = value;
    // At once, not at the next render: text arriving meanwhile must not pull the view back down.
    virtualizerRef.current.options.scrollEndThreshold = endThreshold(value);
    setIsFollowing(value);
  }, []);

  // Where the chat opens: its end, or the search hit in the middle of the screen.
  useLayoutEffect(() => {
    if (foundIndex === null) virtualizerRef.current.scrollToEnd();
    else virtualizerRef.current.scrollToIndex(foundIndex, { align: 'center' });
  }, [foundIndex]);

  const jumpToLatest = useCallback(() => {
    // Opened at an older message: the latest page replaces what is loaded (the list starts afresh at the end).
    if (useAppStore.getState().conversations[chatId]?.hasNewer) {
      void showLatest(chatId);
      return;
    }
    setFollowing(true);
    virtualizerRef.current.scrollToEnd();
  }, [chatId, setFollowing, showLatest]);

  useImperativeHandle(ref, () => ({ jumpToLatest }), [jumpToLatest]);

  // Scrolling up (wheel, keys, scrollbar) means "let me read": stop following. Growing content and
  // older pages going in above only ever move scrollTop down or keep it, so they never count.
  const lastScrollTop = useRef(0);
  /** Until when a scroll up by the reader is still under way (wheel and key scrolling are animated). */
  const readerScrollUntil = useRef(0);
  const detach = useRef<(() => void) | null>(null);
  const onScrollerRef = useCallback(
    (el: HTMLDivElement | null) => {
      detach.current?.();
      detach.current = null;
      scroller.current = el;
      if (!el) return;
      const onScroll = () => {
        const top = el.scrollTop;
        const distance = el.scrollHeight - top - el.clientHeight;
        if (top < lastScrollTop.current - 1 && distance > AT_BOTTOM_THRESHOLD) {
          if (following.current) setFollowing(false);
        } else if (!following.current && top > lastScrollTop.current && distance <= 2 && performance.now() > readerScrollUntil.current) {
          // Back at the very bottom by the reader's own scrolling: follow again.
          setFollowing(true);
        }
        lastScrollTop.current = top;
        setAtBottom(distance <= AT_BOTTOM_THRESHOLD);
        loadPagesNearEdges(el);
      };
      // The intent counts before the scroll does: a smooth wheel scroll takes a few frames, and new text
      // arriving meanwhile would otherwise pull the view back down and cancel it.
      const readerScrollsUp = () => {
        readerScrollUntil.current = performance.now() + 400;
        virtualizerRef.current.cancelScroll();
        setFollowing(false);
      };
      const onWheel = (e: WheelEvent) => {
        if (e.deltaY < 0) readerScrollsUp();
      };
      const onKeyDown = (e: KeyboardEvent) => {
        if (e.key === 'PageUp' || e.key === 'ArrowUp' || e.key === 'Home') readerScrollsUp();
      };
      el.addEventListener('scroll', onScroll, { passive: true });
      el.addEventListener('wheel', onWheel, { passive: true });
      el.addEventListener('keydown', onKeyDown);
      detach.current = () => {
        el.removeEventListener('scroll', onScroll);
        el.removeEventListener('wheel', onWheel);
        el.removeEventListener('keydown', onKeyDown);
      };
    },
    [loadPagesNearEdges, setFollowing],
  );

  const empty = messages.length === 0;
  // The header's height changes only with an error notice; the virtualizer is told so its offsets match.
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const update = () => setHeaderHeight(el.offsetHeight);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [empty]);

  const logLabel = t('conversation.messages');
  const lastId = messages.at(-1)?.id;
  const cut = useMemo(() => findContextCut(messages), [messages]);

  if (empty) {
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
      {/* Focusable, so the transcript scrolls by keyboard like any long document. */}
      <div className="message-scroller" ref={onScrollerRef} tabIndex={0}>
        <div ref={header}>
          <LoadEarlier chatId={chatId} conversation={conversation} />
        </div>
        {/* The log: the messages, in order. It announces nothing itself (see StreamAnnouncer). */}
        <div ref={virtualizer.containerRef} role="log" aria-live="off" aria-label={logLabel} className="message-log">
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index]!;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={message.id === foundId ? 'message-row message-row--found' : 'message-row'}
              >
                {cut?.messageId === message.id && <ContextDivider cut={cut} />}
                <MessageItem chatId={chatId} message={message} isLast={message.id === lastId} busy={busy} onStarted={jumpToLatest} />
              </div>
            );
          })}
        </div>
        <BottomSpace chatId={chatId} conversation={conversation} />
      </div>
      {(conversation.hasNewer || (!atBottom && !isFollowing)) && (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          <ArrowDownIcon />
          <span>{t('conversation.jumpToLatest')}</span>
        </button>
      )}
    </div>
  );
});
