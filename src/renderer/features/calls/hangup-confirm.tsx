// Hanging up asks first: a press by mistake (a cart bumped, a tap meant for the pad) must not cut
// off a consultation. The product's own modal dialog (ui/modal-dialog.tsx: the page behind is inert,
// focus stays inside, Escape keeps the call); "Continuer l'appel" has the focus, so Enter does no harm.
import { ModalDialog } from '../../ui/modal-dialog';
import { useTranslation } from 'react-i18next';

export function HangupConfirm({ name, onConfirm, onKeep }: { name: string; onConfirm(): void; onKeep(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog className="hangup-confirm" labelledBy="hangup-title" describedBy="hangup-text" onCancel={onKeep}>
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
    </ModalDialog>
  );
}
