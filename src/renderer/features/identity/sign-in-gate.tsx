// What the station shows instead of its screens while no professional may open records: sign in
// first; then choose the PIN that unlocks the cart between acts; then, when the cart is locked,
// that PIN or her badge (or another professional signs in). A badge read here is said what became of.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityState } from '../../../shared/identity/identity';
import type { AppError } from '../../../shared/result';
import { trivialPin } from '../../../shared/identity/pin-rules';
import { relais } from '../../api';
import { BadgeNoticeLine } from './badge-panel';
import { clearBadgeNotice, useBadge } from './badge-store';

function PinForm({
  label,
  button,
  onPin,
}: {
  label: string;
  button: string;
  onPin(pin: string): Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const error = await onPin(pin);
    setPin('');
    const field = error?.fields?.[0];
    setProblem(error ? (field ? t(`fieldErrors.${field.code}`, field.params ?? {}) : t(`errors.${error.code}`)) : null);
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {label}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          maxLength={8}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          autoFocus
        />
      </label>
      <button type="submit" className="primary">
        {button}
      </button>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </form>
  );
}

const failureOf = (result: { ok: boolean; error?: AppError }) => (result.ok ? null : result.error!);

export function SignInGate({ state }: { state: IdentityState }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const badgeReads = useBadge((s) => s.reads);
  const user = state.user;

  if (!user) {
    return (
      <section className="card" aria-labelledby="gate-title">
        <h1 id="gate-title">{t('identity.gate.signInTitle')}</h1>
        <p>{t('identity.gate.signInWhy')}</p>
        <BadgeNoticeLine />
      </section>
    );
  }
  if (!state.unlockPinSet) {
    return (
      <section className="card" aria-labelledby="gate-title">
        <h1 id="gate-title">{t('identity.gate.choosePinTitle', { name: user.name })}</h1>
        <p>{t('identity.gate.choosePinWhy')}</p>
        <BadgeNoticeLine />
        {mismatch && (
          <p role="alert" className="error-text">
            {t('identity.gate.mismatch')}
          </p>
        )}
        {first === null ? (
          <PinForm
            key="first"
            label={t('identity.gate.newPin')}
            button={t('identity.gate.next')}
            onPin={async (pin) => {
              setMismatch(false);
              // Said at once rather than after typing it twice; the station checks it again.
              const trivial = trivialPin(pin);
              if (trivial)
                return {
                  code: 'validation_failed',
                  message: trivial,
                  fields: [{ path: 'pin', code: `pin.${trivial}` }],
                };
              setFirst(pin);
              return null;
            }}
          />
        ) : (
          <PinForm
            key="again"
            label={t('identity.gate.pinAgain')}
            button={t('identity.gate.confirm')}
            onPin={async (pin) => {
              if (pin !== first) {
                setFirst(null);
                setMismatch(true);
                return null;
              }
              return failureOf(await relais.invoke('identity.setPin', { pin }));
            }}
          />
        )}
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="gate-title">
      <h1 id="gate-title">{t('identity.gate.lockedTitle', { name: user.name })}</h1>
      {state.badgeEnrolled && <p>{t('identity.badge.lockedHint')}</p>}
      <BadgeNoticeLine />
      <PinForm
        key={badgeReads}
        label={t('identity.gate.yourPin')}
        button={t('identity.gate.unlock')}
        onPin={async (pin) => {
          clearBadgeNotice();
          return failureOf(await relais.invoke('identity.unlock', { pin }));
        }}
      />
      <button type="button" className="link" onClick={() => void relais.invoke('identity.logout', {})}>
        {t('identity.gate.someoneElse')}
      </button>
    </section>
  );
}
