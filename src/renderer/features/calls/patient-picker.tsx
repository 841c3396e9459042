// Finds the patient of the call in the station's registry (name, birth date or INS), for the
// panels of the call that work on her record (images, stroke sheet).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';
import { parseSearch } from '../../ui/parse-search';
import { PatientSummary } from '../../ui/patient-summary';

export function PatientPicker({ onPick }: { onPick(patient: Patient): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Patient[] | null>(null);
  async function search(event: FormEvent) {
    event.preventDefault();
    const result = await relais.invoke('patients.search', { ...parseSearch(text), limit: 20 });
    setFound(result.ok ? result.value : []);
  }
  return (
    <div>
      <form className="inline-form" onSubmit={(e) => void search(e)} noValidate>
        <label>
          {t('sharedImaging.patient')}
          <input value={text} onChange={(e) => setText(e.target.value)} required />
        </label>
        <button type="submit">{t('patients.searchButton')}</button>
      </form>
      {found && found.length === 0 && <p>{t('sharedImaging.noPatient')}</p>}
      {found && found.length > 0 && (
        <ul className="plain-list">
          {found.map((p) => (
            <li key={p.id}>
              <button type="button" className="result" onClick={() => onPick(p)}>
                <PatientSummary patient={p} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
