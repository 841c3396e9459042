// "Qui êtes-vous ?": on a station without sign-in, the person at the station says once who she is
// (name, profession, RPPS when she has one); every form then records her as its author. Opens when
// a form first needs an author (author-store.ts, needAuthor) or from the header's badge.
import { useState, type FormEvent } from 'react';
import { ModalDialog } from '../../ui/modal-dialog';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { AUTHOR_ROLES, authorProblems, useAuthorStore, type AuthorRole } from '../../ui/author-store';
import { FormField, SelectField } from '../../ui/form-field';

export function AuthorDialog() {
  const asking = useAuthorStore((s) => s.asking);
  // Under body, not in the header: the page behind is inert while she answers (showModal).
  return asking ? createPortal(<AuthorQuestion />, document.body) : null;
}

function AuthorQuestion() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  // The profession the asking screen expects (a cabin: pharmacist); she may choose another.
  const [role, setRole] = useState<AuthorRole>(() => useAuthorStore.getState().suggestedRole);
  const [rpps, setRpps] = useState('');
  const [tried, setTried] = useState(false);
  const problems = tried ? authorProblems({ name, rpps }) : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(authorProblems({ name, rpps })).length > 0) return;
    useAuthorStore.getState().declare({ name, role, rpps });
  }

  return (
    <ModalDialog
      className="author-dialog"
      labelledBy="author-title"
      describedBy="author-why"
      onCancel={() => useAuthorStore.getState().cancel()}
    >
      <form noValidate onSubmit={submit}>
        <h2 id="author-title">{t('author.title')}</h2>
        <p id="author-why">{t('author.why')}</p>
        <FormField
          id="author-name"
          label={t('author.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          autoComplete="name"
          autoFocus
          error={problems.name && t(`author.problems.${problems.name}`)}
        />
        <SelectField
          id="author-role"
          label={t('author.role')}
          value={role}
          options={AUTHOR_ROLES.map((r) => ({ value: r, label: t(`acts.roles.${r}`) }))}
          onChange={(value) => setRole(value as AuthorRole)}
        />
        <FormField
          id="author-rpps"
          label={t('author.rpps')}
          hint={t('author.rppsHint')}
          value={rpps}
          onChange={(e) => setRpps(e.target.value)}
          inputMode="numeric"
          maxLength={14}
          autoComplete="off"
          error={problems.rpps && t(`author.problems.${problems.rpps}`)}
        />
        <div className="actions">
          <button type="button" onClick={() => useAuthorStore.getState().cancel()}>
            {t('author.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('author.confirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
