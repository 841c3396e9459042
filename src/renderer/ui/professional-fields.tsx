// Who asks for the act (a new act, a téléexpertise request) and who signs (a report, an expert's
// reply): the session's author (author-store.ts), shown, never typed. The record takes her from
// needAuthor() when it is sent, so that "Qui êtes-vous ?" is asked once, at the first record.
import type React from 'react';
import { AuthorLine } from './author-line';

export { asProfessional, needAuthor } from './author-store';

/** The requester of a new act or request: the session's author. */
export function RequesterFields() {
  return <AuthorLine />;
}

/** The signer, on one line with the form's submit button. */
export function SignerFields({ children }: { children: React.ReactNode }) {
  return (
    <div className="inline-form">
      <AuthorLine />
      {children}
    </div>
  );
}
