// In the header: who is signed in (name and RPPS), or the button to sign in with the region's
// identity provider (Pro Santé Connect). The provider's page opens in the system browser (Electron)
// or a new tab (browser mode); the station learns the result by itself. Signed in, on an open
// cart: the lock button and her badge panel.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relais, stationMode } from '../../api';
import { AuthorBadge } from './author-badge';
import { BadgePanel } from './badge-panel';
import { useIdentity } from '../../ui/identity-store';

export function IdentityBadge() {
  const { t } = useTranslation();
  const { state, load } = useIdentity();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!state) void load();
  }, [state, load]);
  if (!state) return null;
  // Without sign-in (the site's choice): who is at the station, said once in "Qui êtes-vous ?".
  if (!state.configured) return <AuthorBadge />;

  async function signIn() {
    setProblem(null);
    const result = await relais.invoke('identity.login', {});
    if (!result.ok) return setProblem(result.error.message);
    // SECURITY: noopener: the provider's page gets no handle on the station's page.
    if (stationMode === 'browser') window.open(result.value.authorizationUrl, '_blank', 'noopener');
  }
  async function signOut() {
    const result = await relais.invoke('identity.logout', {});
    if (result.ok && result.value.endSessionUrl && stationMode === 'browser')
      window.open(result.value.endSessionUrl, '_blank', 'noopener');
  }

  const user = state.user;
  return (
    <div className="identity" role="group" aria-label={t('identity.label')}>
      {user ? (
        <>
          <span data-testid="signed-in">
            {user.rpps
              ? t('identity.signedInRpps', { name: user.name, rpps: user.rpps })
              : t('identity.signedIn', { name: user.name })}
          </span>
          {state.unlockPinSet && !state.locked && (
            <button type="button" onClick={() => void relais.invoke('identity.lock', {})}>
              {t('identity.lock')}
            </button>
          )}
          {state.unlockPinSet && !state.locked && <BadgePanel enrolled={state.badgeEnrolled} />}
          <button type="button" onClick={() => void signOut()}>
            {t('identity.signOut')}
          </button>
        </>
      ) : state.pending ? (
        <span role="status">{t('identity.pending')}</span>
      ) : (
        <button type="button" onClick={() => void signIn()}>
          {t('identity.signIn')}
        </button>
      )}
      {(problem ?? state.lastError) && (
        <span role="alert" className="error-text">
          {t('identity.failed', { reason: problem ?? state.lastError })}
        </span>
      )}
    </div>
  );
}
