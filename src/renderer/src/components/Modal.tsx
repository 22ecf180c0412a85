import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './components.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalProps {
  /** The dialog's heading; also its accessible name. */
  title: string;
  /** Esc, the backdrop, or a close button: the parent stops rendering the modal. */
  onClose: () => void;
  children: ReactNode;
  /** Focused when the modal opens; default: the first focusable element inside. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** 'alertdialog' for confirmations that interrupt (a delete); default 'dialog'. */
  role?: 'dialog' | 'alertdialog';
  /** id of the element that describes the dialog (its question), if any. */
  describedBy?: string;
  className?: string;
}

/**
 * An accessible modal: a native <dialog> opened with showModal(), so the page behind is inert.
 * Labelled by its heading, Tab stays inside, Esc closes, and focus goes back where it was.
 * Render it only while open: `{open && <Modal …/>}`.
 */
export function Modal({ title, onClose, children, initialFocusRef, role = 'dialog', describedBy, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocusRef?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the control that opened it, if it is still on the page.
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [initialFocusRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab') return;
    // Keep Tab inside: wrap from the last control to the first and back.
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      // The browser's own Esc handling would close the <dialog> behind React's back.
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the <dialog> itself, outside its panel) closes it.
        if (e.target === ref.current) onCloseRef.current();
      }}
    >
      <div className="modal__panel">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
