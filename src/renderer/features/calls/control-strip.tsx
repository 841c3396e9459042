// The cart's camera grant: who steers now, the button that lets the expert steer or takes the
// camera back, and the expert's request waiting for her answer (she grants it with the same
// button, or refuses it).
import { useTranslation } from 'react-i18next';
import { needAuthor } from '../../ui/author-store';
import { useSignedIn } from '../../ui/identity-store';
import { useCalls, type CurrentCall } from '../../webrtc/call-store';
import { refuseControl, setControlGranted } from './call-controller';

export function ControlStrip({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  // Who lets the expert steer: the professional signed in (the station knows her), else the
  // session's author, asked once. The station refuses a grant nobody answers for.
  const signedIn = useSignedIn();
  const error = call.controlError;
  const toggle = async () => {
    if (!call.controlGranted && !signedIn) {
      const author = await needAuthor();
      if (!author) return;
      useCalls.setState({ grantBy: author.name });
    }
    await setControlGranted(!call.controlGranted);
  };
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
      <button type="button" className={call.controlGranted ? 'warning' : ''} onClick={() => void toggle()}>
        {call.controlGranted ? t('calls.control.revoke') : t('calls.control.grant', { name: call.remote.name })}
      </button>
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
