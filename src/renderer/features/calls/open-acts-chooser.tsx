// The patient's open acts, each with a button to use it for this call, and a form that opens a
// new act for the call with the requester's name: what the consent panel and the stroke panel
// both ask of the nurse before anything of the call is recorded or shared.
import { useEffect, useState, type FormEvent } from 'react';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';
import { formatDateTime } from '../../ui/format';
import { AuthorLine } from '../../ui/author-line';
import { asProfessional, needAuthor } from '../../ui/author-store';

/** The panel's words, translated by the caller: the list's label, the button on each act, the new act's form and its field. */
export interface OpenActsTexts {
  acts: string;
  useAct: string;
  newAct: string;
  requester: string;
  /** Said when the patient has no open act; nothing is said when absent. */
  noOpenAct?: string;
}

export function OpenActsChooser({
  patient,
  texts,
  onUse,
  onCreate,
}: {
  patient: Patient;
  texts: OpenActsTexts;
  onUse(act: Encounter): Promise<void>;
  onCreate(requester: Professional): Promise<void>;
}) {
  const [acts, setActs] = useState<Encounter[] | null>(null);
  useEffect(() => {
    let current = true;
    void relais
      .invoke('encounters.forPatient', { patientId: patient.id })
      .then((r) => current && setActs(r.ok ? r.value.filter((a) => a.status !== 'closed') : []));
    return () => {
      current = false;
    };
  }, [patient.id]);
  if (acts === null) return null;
  async function create(event: FormEvent) {
    event.preventDefault();
    // The requester is the session's author ("Qui êtes-vous ?" once), never typed here.
    const author = await needAuthor();
    if (author) await onCreate(asProfessional(author));
  }
  return (
    <>
      {acts.length === 0 && texts.noOpenAct && <p className="hint">{texts.noOpenAct}</p>}
      {acts.length > 0 && (
        <ul className="plain-list" aria-label={texts.acts}>
          {acts.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.createdAt)} — {a.reason}{' '}
              <button type="button" onClick={() => void onUse(a)}>
                {texts.useAct}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" aria-label={texts.newAct} onSubmit={(e) => void create(e)} noValidate>
        <AuthorLine />
        <button type="submit">{texts.newAct}</button>
      </form>
    </>
  );
}
