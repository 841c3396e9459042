// The professional fields the act forms share: who asks for the act and as what (a new act, a
// téléexpertise request), and who signs with her RPPS (a report, an expert's reply).
import type React from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from './identity-store';
import type { Professional } from '../../shared/acts/encounter';

export type RequesterRole = Professional['role'];
const ROLES: readonly RequesterRole[] = ['nurse', 'physician', 'pharmacist', 'midwife', 'other'];

export function RequesterFields({
  name,
  role,
  onName,
  onRole,
}: {
  name: string;
  role: RequesterRole;
  onName(name: string): void;
  onRole(role: RequesterRole): void;
}) {
  const { t } = useTranslation();
  // Who is at the cart: the signed-in professional, unless someone typed another name.
  // Once only: a person who clears the field to type another name is not overruled.
  const signedIn = useSignedIn();
  const prefilled = useRef(false);
  useEffect(() => {
    if (!signedIn || prefilled.current) return;
    prefilled.current = true;
    if (!name) onName(signedIn.name);
  }, [signedIn, name, onName]);
  return (
    <>
      <label>
        {t('acts.requester')}
        <input value={name} onChange={(e) => onName(e.target.value)} required maxLength={200} autoComplete="name" />
      </label>
      <label>
        {t('acts.requesterRole')}
        <select value={role} onChange={(e) => onRole(e.target.value as RequesterRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`acts.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The signer and her RPPS (11 digits, optional), on one line with the form's submit button. */
export function SignerFields({
  author,
  rpps,
  onAuthor,
  onRpps,
  children,
}: {
  author: string;
  rpps: string;
  onAuthor(author: string): void;
  onRpps(rpps: string): void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="inline-form">
      <label>
        {t('acts.author')}
        <input value={author} onChange={(e) => onAuthor(e.target.value)} required maxLength={200} autoComplete="name" />
      </label>
      <label>
        {t('acts.authorRpps')}
        <input
          value={rpps}
          onChange={(e) => onRpps(e.target.value)}
          inputMode="numeric"
          pattern="\d{11}"
          maxLength={11}
          size={12}
        />
      </label>
      {children}
    </div>
  );
}
