// Find a patient by name, birth date or INS; an empty search lists the most recent ones.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useView } from '../../ui/view-store';
import { parseSearch } from '../../ui/parse-search';
import { PatientSummary } from '../../ui/patient-summary';

export function PatientsScreen() {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const [results, setResults] = useState<Patient[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  // The query that was submitted; each new one replaces the answer of the previous one.
  const [query, setQuery] = useState({ text: '', serial: 0 });

  useEffect(() => {
    let current = true;
    void relais.invoke('patients.search', parseSearch(query.text)).then((result) => {
      if (!current) return;
      setSearched(query.text.trim());
      if (result.ok) {
        setResults(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [query]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQuery((q) => ({ text, serial: q.serial + 1 }));
  };

  return (
    <section aria-labelledby="patients-title">
      <div className="title-row">
        <h1 id="patients-title">{t('patients.title')}</h1>
        <button type="button" className="primary" onClick={() => show({ name: 'new-patient' })}>
          {t('patients.new')}
        </button>
      </div>
      <form role="search" onSubmit={onSubmit} className="search-form" noValidate>
        <label htmlFor="patient-search">{t('patients.search')}</label>
        <div className="search-row">
          <input
            id="patient-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="patient-search-hint"
            autoComplete="off"
          />
          <button type="submit">{t('patients.searchButton')}</button>
        </div>
        <p id="patient-search-hint" className="hint">
          {t('patients.searchHint')}
        </p>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      {results && (
        <section aria-label={searched ? t('patients.results') : t('patients.recent')} aria-live="polite">
          <h2>{searched ? t('patients.results') : t('patients.recent')}</h2>
          {results.length === 0 ? (
            <p>{t('patients.none')}</p>
          ) : (
            <ul className="result-list">
              {results.map((p) => (
                <li key={p.id}>
                  <button type="button" className="result" onClick={() => show({ name: 'patient', id: p.id })}>
                    <PatientSummary patient={p} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
