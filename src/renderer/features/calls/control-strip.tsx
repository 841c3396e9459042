// The cart's camera grant: who steers now, the nurse's name when nobody is signed in, the button
// that lets the expert steer or takes the camera back, and the expert's request waiting for her
// answer (she grants it with the same button, or refuses it).
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../ui/identity-store';
import { useCalls, type CurrentCall } from '../../webrtc/call-store';
import { refuseControl, setControlGranted } from './call-controller';

export function ControlStrip({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  // Who lets the expert steer: the professional signed in, else the name typed here (kept for the
  // next calls of this page). The station refuses a grant nobody answers for.
  const signedIn = useSignedIn();
  const grantBy = useCalls((s) => s.grantBy);
  const needsName = !call.controlGranted && !signedIn;
  const error = call.controlError;
  return (
    <div className={`card control-strip ${call.controlGranted ? 'remote-steering' : ''}`}>
      <p role="status" data-testid="steering-indicator">
        {call.controlGranted ? t('calls.control.byExpert', { name: call.remote.name }) : t('calls.control.byYou')}
      </p>
      {call.controlRequested && (
        <p className="call-request">
          <strong>{t('calls.control.requested', { name: call.remote.name })}</strong>{' '}
          <button type="button" onClick={refuseControl}>
            {t('calls.control.refuse')}
          </button>
        </p>
      )}
      {needsName && (
        <label>
          {t('calls.control.grantedBy')}
          <input
            value={grantBy}
            onChange={(e) => useCalls.setState({ grantBy: e.target.value })}
            maxLength={200}
            autoComplete="name"
          />
        </label>
      )}
      <button
        type="button"
        className={call.controlGranted ? 'warning' : ''}
        disabled={needsName && !grantBy.trim()}
        onClick={() => void setControlGranted(!call.controlGranted)}
      >
        {call.controlGranted ? t('calls.control.revoke') : t('calls.control.grant', { name: call.remote.name })}
      </button>
      {needsName && !grantBy.trim() && <p className="hint">{t('calls.control.grantedByFirst')}</p>}
      {call.controlEnded && call.controlEnded !== 'revoked' && (
        <p role="status">{t(`calls.control.ended.${call.controlEnded}`)}</p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {t(`calls.control.errors.${error.code}`, { defaultValue: t(`errors.${error.code}`) })}
        </p>
      )}
    </div>
  );
}
