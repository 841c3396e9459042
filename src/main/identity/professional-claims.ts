// Who signed in, read from what the identity provider says of her. A generic provider names her in
// the ID token (IdNatPS as SubjectNameID or preferred_username); Pro Santé Connect gives her
// identifiers and practices at its userinfo endpoint (ANS, "Pro Santé Connect — userinfo"):
// SubjectNameID is the IdNatPS, SubjectRefPro.exercices[] her professions (codeProfession, from the
// RPPS's TRE_G15 table; codeSavoirFaire, her specialty) and, in each, her activities and their sites.
import { rppsOfIdNatPs, type Practice, type SignedIn } from '../../shared/identity/identity';

type Claims = Record<string, unknown>;

const text = (claims: Claims, key: string) =>
  typeof claims[key] === 'string' && claims[key] ? (claims[key] as string) : null;

export function userOf(claims: Claims, expiresAt: Date): SignedIn {
  const idNatPs = text(claims, 'SubjectNameID') ?? text(claims, 'preferred_username');
  const name =
    [text(claims, 'given_name'), text(claims, 'family_name')].filter(Boolean).join(' ') ||
    text(claims, 'name') ||
    idNatPs ||
    String(claims.sub);
  return {
    sub: String(claims.sub),
    idNatPs,
    rpps: rppsOfIdNatPs(idNatPs),
    name,
    expiresAt: expiresAt.toISOString(),
    practice: null,
  };
}

const objects = (value: unknown): Claims[] =>
  Array.isArray(value) ? value.filter((v): v is Claims => typeof v === 'object' && v !== null) : [];

/** Her first practice as PSC lists it (the one the station's acts are signed under). Garbage gives null fields, never a throw. */
export function practiceOf(userinfo: Claims): Practice | null {
  const refPro =
    typeof userinfo.SubjectRefPro === 'object' && userinfo.SubjectRefPro !== null
      ? (userinfo.SubjectRefPro as Claims)
      : {};
  const exercice = objects(refPro.exercices)[0];
  if (!exercice) return null;
  const activity = objects(exercice.activities)[0] ?? {};
  return {
    professionCode: text(exercice, 'codeProfession'),
    specialtyCode: text(exercice, 'codeSavoirFaire'),
    organization: text(activity, 'raisonSocialeSite') ?? text(userinfo, 'SubjectOrganization'),
    finess: text(activity, 'numeroFinessSite'),
  };
}

/** PSC: the ID token gives the subject; userinfo (checked to be about the same subject) gives the rest. */
export function pscUserOf(idClaims: Claims, userinfo: Claims, expiresAt: Date): SignedIn {
  return { ...userOf({ ...userinfo, sub: idClaims.sub }, expiresAt), practice: practiceOf(userinfo) };
}
