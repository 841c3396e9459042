// Before a second record of the same person: show the look-alikes and let the nurse decide.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import { PatientSummary } from '../../ui/patient-summary';

interface Props {
  candidates: Patient[];
  onOpen(id: string): void;
  onCreateAnyway(): void;
  onCancel(): void;
}

export function DuplicateDialog({ candidates, onOpen, onCreateAnyway, onCancel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // showModal() makes the rest of the page inert and keeps focus inside the dialog.
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="duplicates-title"
      aria-describedby="duplicates-intro"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="duplicates-title">{t('duplicates.title')}</h2>
      <p id="duplicates-intro">{t('duplicates.intro')}</p>
      <ul className="result-list">
        {candidates.map((p) => (
          <li key={p.id} className="candidate">
            <PatientSummary patient={p} />
            <button type="button" onClick={() => onOpen(p.id)}>
              {t('duplicates.open')}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('duplicates.cancel')}
        </button>
        <button type="button" className="warning" onClick={onCreateAnyway}>
          {t('duplicates.createAnyway')}
        </button>
      </div>
    </dialog>
  );
}
