// On the cabin's identify step, instead of a field for her name: the pharmacist present is the
// session's author (the signed-in professional, or the one who said once who she is), shown with
// "Changer" as the station's header badge does; nobody yet, the button to say it now (else the
// first record asks). The question opens with the pharmacist's profession chosen.
import { useTranslation } from 'react-i18next';
import { useAuthorStore, type Author } from '../../ui/author-store';

/** author: the session's author now (useAuthor() in the kiosk screen), null when nobody said it. */
export function CabinPharmacist({ author }: { author: Author | null }) {
  const { t } = useTranslation();
  const ask = () => useAuthorStore.getState().ask('pharmacist');
  return (
    <div className="field kiosk-pharmacist" role="group" aria-labelledby="kiosk-pharmacist-title">
      <p id="kiosk-pharmacist-title" className="kiosk-pharmacist-title">
        {t('kiosk.identify.pharmacist')}
      </p>
      {author ? (
        <p data-testid="cabin-pharmacist">
          {t('kiosk.identify.pharmacistIs', { name: author.name, role: t(`acts.roles.${author.role}`) })}{' '}
          {/* A signed-in pharmacist changes by signing out, not here. */}
          {!author.signedIn && (
            <button type="button" className="kiosk-small" onClick={ask}>
              {t('author.change')}
            </button>
          )}
        </p>
      ) : (
        <p data-testid="cabin-pharmacist">
          {t('kiosk.identify.pharmacistAsk')}{' '}
          <button type="button" className="kiosk-small" onClick={ask}>
            {t('author.nobody')}
          </button>
        </p>
      )}
    </div>
  );
}
