// Hanging up asks first: a press by mistake (a cart bumped, a tap meant for the pad) must not cut
// off a consultation. The product's own dialog (showModal: the page behind is inert, focus stays
// inside, Escape keeps the call); "Continuer l'appel" has the focus, so Enter does no harm.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function HangupConfirm({ name, onConfirm, onKeep }: { name: string; onConfirm(): void; onKeep(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog hangup-confirm"
      aria-labelledby="hangup-title"
      aria-describedby="hangup-text"
      onCancel={(e) => {
        e.preventDefault();
        onKeep();
      }}
    >
      <h2 id="hangup-title">{t('calls.hangupConfirm.title')}</h2>
      <p id="hangup-text">{t('calls.hangupConfirm.text', { name })}</p>
      <div className="button-row">
        <button type="button" onClick={onKeep} autoFocus>
          {t('calls.hangupConfirm.keep')}
        </button>
        <button type="button" className="warning" onClick={onConfirm}>
          {t('calls.hangupConfirm.confirm')}
        </button>
      </div>
    </dialog>
  );
}
