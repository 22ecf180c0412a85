import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/domain/errors';
import { ErrorNotice } from './ErrorNotice';
import { Modal } from './Modal';

export interface ConfirmDialogProps {
  /** The question, naming what it is about: "Delete “Trip to Lisbon”?" */
  title: string;
  /** What happens if the user says yes. */
  message?: string;
  /** The verb on the confirming button: "Delete". */
  confirmLabel: string;
  /** Default: "Cancel". */
  cancelLabel?: string;
  /** Paints the confirming button as destructive and focuses Cancel first. */
  danger?: boolean;
  /** The action is running: the buttons are disabled. */
  busy?: boolean;
  /** Shown inside the dialog when the action failed. */
  error?: AppErrorData | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question in a modal. Render it only while asking: `{asking && <ConfirmDialog …/>}`. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title={title}
      onClose={onCancel}
      role="alertdialog"
      describedBy={message ? messageId : undefined}
      initialFocusRef={danger ? cancelRef : confirmRef}
      className="modal--confirm"
    >
      {message && (
        <p id={messageId} className="modal__message">
          {message}
        </p>
      )}
      {error && <ErrorNotice code={error.code} role="alert" />}
      <div className="modal__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t('app.cancel')}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
