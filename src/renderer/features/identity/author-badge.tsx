// In the header of a station without sign-in: who is at the station (the name given in "Qui
// êtes-vous ?") with "Changer", or the button to say it. The question itself opens from here too.
import { useTranslation } from 'react-i18next';
import { useAuthor, useAuthorStore } from '../../ui/author-store';
import { AuthorDialog } from './author-dialog';
import './author.css';

export function AuthorBadge() {
  const { t } = useTranslation();
  const author = useAuthor();
  // "Changer" asks again; closing the question without an answer keeps who was there.
  const change = () => useAuthorStore.getState().ask();
  return (
    <div className="identity author-badge" role="group" aria-label={t('author.badgeLabel')} data-testid="author-badge">
      {author ? (
        <>
          {/* Name over profession, each on one line: the header keeps its height at 1366 px. */}
          <span className="author-who" title={author.name}>
            <strong>{author.name}</strong>
            <span>
              <small>{t(`acts.roles.${author.role}`)}</small> ·{' '}
              <button type="button" className="author-change" onClick={change}>
                {t('author.change')}
              </button>
            </span>
          </span>
        </>
      ) : (
        <button type="button" onClick={() => useAuthorStore.getState().ask()}>
          {t('author.nobody')}
        </button>
      )}
      <AuthorDialog />
    </div>
  );
}
