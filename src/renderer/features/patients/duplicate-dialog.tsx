// Before a second record of the same person: show the look-alikes and let the nurse decide.
import { ModalDialog } from '../../ui/modal-dialog';
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
  return (
    <ModalDialog labelledBy="duplicates-title" describedBy="duplicates-intro" onCancel={onCancel}>
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
    </ModalDialog>
  );
}
