// The patients of the appointments shown, read once each from the station (names and birth date on
// the cart). A patient the station does not hold is said as such, never guessed.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';

export type PatientsById = Record<string, Patient | 'unknown'>;

export function usePatients(ids: readonly string[]): PatientsById {
  const [known, setKnown] = useState<PatientsById>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map((id) => relais.invoke('patients.get', { id }).then((r) => [id, r.ok ? r.value : 'unknown'] as const)),
    ).then((pairs) => current && setKnown(Object.fromEntries(pairs)));
    return () => {
      current = false;
    };
  }, [key]);
  return known;
}

/** "LE BIHAN Yvonne, née le 03/12/1956" as the station holds her; said so when it does not. */
export function patientWords(
  t: TFunction,
  patients: PatientsById,
  a: { patientId: string; patientName: string | null },
  language: string,
): string {
  // The expert's station names the patient as the appointment does (her record is the cart's).
  if (a.patientName) return a.patientName;
  const p = patients[a.patientId];
  if (!p) return '…';
  if (p === 'unknown') return t('agenda.agenda.patientUnknown');
  const born = new Date(`${p.birthDate}T12:00:00`).toLocaleDateString(language);
  return `${p.birthName.toUpperCase()} ${p.firstName}, ${t('agenda.agenda.bornOn', { date: born })}`;
}
