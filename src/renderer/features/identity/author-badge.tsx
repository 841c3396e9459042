// In the header of a station without sign-in: who is at the station (the name given in "Qui
// êtes-vous ?") with "Changer", or the button to say it. The question itself opens from here too.
import { useTranslation } from 'react-i18next';
import { useAuthor, useAuthorStore } from '../../ui/author-store';
import { AuthorDialog } from './author-dialog';
import './author.css';

export function AuthorBadge() {
  const { t } = useTranslation();
  const author = useAuthor();
  const change = () => {
    useAuthorStore.getState().forget();
    useAuthorStore.getState().ask();
  };
  return (
    <div className="identity author-badge" role="group" aria-label={t('author.badgeLabel')} data-testid="author-badge">
      {author ? (
        <>
          <span>{t('author.atStation', { name: author.name, role: t(`acts.roles.${author.role}`) })}</span>
          <button type="button" onClick={change}>
            {t('author.change')}
          </button>
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
