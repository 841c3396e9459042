// In a form, instead of a field to type a name: whose name the record will carry (the signed-in
// professional, or the one given once in "Qui êtes-vous ?"), or that it will be asked once.
import { useTranslation } from 'react-i18next';
import { useAuthor } from './author-store';

export function AuthorLine() {
  const { t } = useTranslation();
  const author = useAuthor();
  if (!author)
    return (
      <p className="hint author-line" data-testid="author-line">
        {t('author.lineAsk')}
      </p>
    );
  const role = t(`acts.roles.${author.role}`);
  return (
    <p className="hint author-line" data-testid="author-line">
      {author.rpps
        ? t('author.lineRpps', { name: author.name, role, rpps: author.rpps })
        : t('author.line', { name: author.name, role })}
    </p>
  );
}
