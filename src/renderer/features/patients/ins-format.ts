// How an INS and its kind are shown: the matricule grouped as on a Carte Vitale (1 06 12 75 111 005 64).
import { INS_OID } from '../../../shared/patients/ins';

export function groupedMatricule(matricule: string): string {
  const m = /^(.)(..)(..)(..)(...)(...)(..)$/.exec(matricule);
  return m ? m.slice(1).join(' ') : matricule;
}

/** The key of form.oids for an OID (NIR, NIA, NIR_TEST, NIA_TEST). */
export function oidName(oid: string): keyof typeof INS_OID | null {
  const entry = Object.entries(INS_OID).find(([, value]) => value === oid);
  return entry ? (entry[0] as keyof typeof INS_OID) : null;
}
