import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { TITLE_MAX } from '../../../../shared/domain/limits';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { checkTitle, type TitleProblem } from './title-validation';

interface RenameFieldProps {
  chat: ChatDto;
  /** `saved`: false when cancelled; `refocus`: finished from the keyboard (not by clicking elsewhere). */
  onDone: (result: { saved: boolean; refocus: boolean }) => void;
}

/**
 * Inline title editor: Enter saves, Esc cancels; Tab or a click elsewhere saves a valid title and drops an
 * invalid one. Focus moved by the app itself (not the user) is taken back.
 */
export function RenameField({ chat, onDone }: RenameFieldProps) {
  const { t } = useTranslation();
  const renameChat = useAppStore((s) => s.renameChat);
  const [value, setValue] = useState(chat.title);
  const [problem, setProblem] = useState<TitleProblem | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  const leavingByKey = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const messageId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = (saved: boolean, refocus = true) => {
    if (finished.current) return;
    finished.current = true;
    onDone({ saved, refocus });
  };

  const save = async (refocus = true): Promise<boolean> => {
    const found = checkTitle(value);
    setProblem(found);
    if (found) return false;
    const title = value.trim();
    if (title === chat.title) {
      finish(true, refocus);
      return true;
    }
    setBusy(true);
    const failure = await renameChat(chat.id, title);
    setBusy(false);
    if (failure) {
      setError(failure);
      return false;
    }
    finish(true, refocus);
    return true;
  };

  /** Leaving by Tab or a click elsewhere keeps a good title and drops one that cannot be saved. */
  const commitOnLeave = useRef<() => void>(() => {});
  useEffect(() => {
    commitOnLeave.current = () => {
      if (finished.current || busy) return;
      if (checkTitle(value) || value.trim() === chat.title) finish(false, false);
      else void save(false).then((ok) => ok || finish(false, false));
    };
  });

  // A press anywhere outside the field is the user moving on.
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!form.current?.contains(e.target as Node)) commitOnLeave.current();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    } else {
      // A blur during this key's handling (Tab, a shortcut such as Ctrl+K) is the user leaving.
      leavingByKey.current = true;
      setTimeout(() => (leavingByKey.current = false), 0);
    }
  };

  const onBlur = () => {
    if (finished.current) return;
    if (leavingByKey.current) {
      commitOnLeave.current();
      return;
    }
    // Focus taken by the app, not the user (a chat that just opened focuses its composer): stay in the field.
    // Another window taking focus is not leaving either; the browser gives focus back on return.
    if (document.hasFocus() && !busy) setTimeout(() => input.current?.focus(), 0);
  };

  const invalid = problem !== null || error !== null;
  return (
    <form ref={form} className="rename" onSubmit={onSubmit}>
      <input
        ref={input}
        className="rename__input"
        aria-label={t('sidebar.rename.label')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? messageId : undefined}
        value={value}
        readOnly={busy}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <div id={messageId}>
        {problem && (
          <p className="notice notice--error rename__problem" role="alert">
            {problem.kind === 'empty'
              ? t('sidebar.rename.empty')
              : t('sidebar.rename.tooLong', { count: TITLE_MAX, length: problem.length })}
          </p>
        )}
        {error && <ErrorNotice code={error.code} role="alert" className="rename__problem" />}
      </div>
    </form>
  );
}
