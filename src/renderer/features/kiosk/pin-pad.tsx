// The pharmacist's PIN, typed on a large keypad (or the keyboard): to enter kiosk mode (the first
// time it sets the PIN, typed twice) and to leave it. Wrong PINs count, and lock the keypad.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { trivialPin } from '../../../shared/identity/pin-rules';
import { relais } from '../../api';
import { formatTime } from '../../ui/format';

interface Props {
  purpose: 'enter' | 'leave';
  /** Entering for the first time: the PIN is chosen, so it is asked twice. */
  choosing: boolean;
  /** Why the keypad opened by itself (the window refused to close), shown above it. */
  note?: string;
  onDone(): void;
  onCancel(): void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'] as const;

export function PinPad({ purpose, choosing, note, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [first, setFirst] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function errorText(error: AppError): string {
    const field = error.fields?.[0];
    if (!field) return t(`errors.${error.code}`);
    const params = field.params?.until
      ? { ...field.params, until: formatTime(String(field.params.until)) }
      : field.params;
    return t(`fieldErrors.${field.code}`, params ?? {});
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (choosing && first === null) {
      // A trivial PIN is said at once rather than after typing it twice; the station checks it again.
      const trivial = trivialPin(pin);
      if (trivial) {
        setPin('');
        setProblem(t(`fieldErrors.pin.${trivial}`));
        return;
      }
      setFirst(pin);
      setPin('');
      setProblem(null);
      return;
    }
    if (choosing && first !== pin) {
      setFirst(null);
      setPin('');
      setProblem(t('kiosk.pin.mismatch'));
      return;
    }
    const result = await relais.invoke(purpose === 'enter' ? 'kiosk.enter' : 'kiosk.leave', { pin });
    setPin('');
    if (result.ok && purpose === 'enter') {
      // Browser mode cannot lock the window as Electron's kiosk does: full screen is the most it
      // can do (the browser must itself run as a kiosk for a real cabin; see the README).
      void document.documentElement.requestFullscreen?.().catch(() => {});
    }
    if (result.ok && purpose === 'leave' && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    if (result.ok) onDone();
    else setProblem(errorText(result.error));
  }

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'OK') void submit();
    else if (key === '⌫') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 12 ? p + key : p));
  };

  const title =
    purpose === 'leave'
      ? t('kiosk.pin.leaveTitle')
      : choosing
        ? first === null
          ? t('kiosk.pin.chooseTitle')
          : t('kiosk.pin.confirmTitle')
        : t('kiosk.pin.enterTitle');
  return (
    <form className="pin-pad card" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{title}</h2>
      {note && <p role="status">{note}</p>}
      <label htmlFor="kiosk-pin">{t('kiosk.pin.label')}</label>
      <input
        id="kiosk-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        maxLength={12}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        autoFocus
      />
      {choosing && <p className="hint">{t('kiosk.pin.hint')}</p>}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="pin-keys">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            aria-label={key === '⌫' ? t('kiosk.pin.erase') : key === 'OK' ? t('kiosk.pin.ok') : key}
            onClick={() => press(key)}
          >
            {key}
          </button>
        ))}
      </div>
      <button type="button" className="link" onClick={onCancel}>
        {t('kiosk.pin.cancel')}
      </button>
    </form>
  );
}
