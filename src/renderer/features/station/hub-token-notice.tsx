// What a person reads when the station's hub token can no longer be renewed (its renewals reached
// the region's maximum age, or the region revoked it), or has expired: what it means and what to
// do (ask the regional IT for a new station token). Nothing while it is valid.
import { useTranslation } from 'react-i18next';
import type { HubTokenStatus } from '../../../shared/station/station';

/** What an expired token means depends on whose it is: a station's, an expert's, the coordination's. */
const EXPIRED: Record<HubTokenStatus['holder'], string> = {
  station: 'hubToken.expired',
  expert: 'hubToken.expiredExpert',
  coordinator: 'hubToken.expiredCoordinator',
};

export function HubTokenNotice({ token }: { token: HubTokenStatus }) {
  const { t, i18n } = useTranslation();
  if (token.state === 'valid') return null;
  const at = token.expiresAt ? new Date(token.expiresAt).toLocaleString(i18n.language) : '';
  return (
    <p role="alert" className="error-text" data-testid="hub-token-notice">
      {token.refusal === 'revoked'
        ? t('hubToken.revoked')
        : token.state === 'expired'
          ? t(EXPIRED[token.holder], {
              at: at ? t('hubToken.expiredAt', { at }) : '',
            })
          : t(token.refusal === 'max_age' ? 'hubToken.maxAge' : 'hubToken.refreshRefused', { at })}
      {token.reason && (
        <>
          <br />
          {t('hubToken.hubSaid', { reason: token.reason })}
        </>
      )}
    </p>
  );
}
