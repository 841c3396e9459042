// INSi's answer shown to the person who asked: a found identity beside the record's traits (what
// differs marked), what accepting it does to the status, or why there is nothing to take.
import { useTranslation } from 'react-i18next';
import { INSI_TRAITS, type InsiOutcome } from '../../../shared/patients/insi';
import type { Patient } from '../../../shared/patients/patient';
import { toFrenchDate } from '../../ui/parse-search';

interface Props {
  patient: Patient;
  outcome: InsiOutcome;
  onAccept(answerId: string): void;
  onReject(): void;
}

const MESSAGES = { verified: 'verified', not_found: 'notFound', several_found: 'severalFound' } as const;

export function InsiAnswer({ patient, outcome, onAccept, onReject }: Props) {
  const { t } = useTranslation();
  if (outcome.outcome !== 'found' && outcome.outcome !== 'traits_differ') {
    // A verification that does not find the record's INS is another matter than a search finding nobody.
    const key = outcome.outcome === 'not_found' && patient.ins ? 'unknownIns' : MESSAGES[outcome.outcome];
    return (
      <p role="status" className={outcome.outcome === 'verified' ? 'ok-text' : 'warning-text'}>
        {t(`vigilance.insi.${key}`)}
      </p>
    );
  }
  const shown = (trait: (typeof INSI_TRAITS)[number], value: string) =>
    trait === 'birthDate' ? toFrenchDate(value) : trait === 'sex' ? t(`form.sexes.${value}`) : value || '—';
  const becomesQual = patient.identityDocument !== null && outcome.differences.length === 0;
  return (
    <div role="status" className="insi-answer">
      <p>{t(outcome.outcome === 'found' ? 'vigilance.insi.found' : 'vigilance.insi.traitsDiffer')}</p>
      <table>
        <caption>{t('vigilance.insi.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vigilance.insi.table.trait')}</th>
            <th scope="col">{t('vigilance.insi.table.here')}</th>
            <th scope="col">{t('vigilance.insi.table.insi')}</th>
          </tr>
        </thead>
        <tbody>
          {INSI_TRAITS.map((trait) => {
            const differs = outcome.differences.includes(trait);
            return (
              <tr key={trait} className={differs ? 'differs' : undefined}>
                <th scope="row">{t(`vigilance.traits.${trait}`)}</th>
                <td>{shown(trait, patient[trait])}</td>
                <td>
                  {shown(trait, outcome.identity[trait])}
                  {differs && <strong className="warning-text"> ({t('vigilance.insi.table.differs')})</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{t(becomesQual ? 'vigilance.insi.becomesQual' : 'vigilance.insi.becomesRecup')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onAccept(outcome.answerId)}>
          {t('vigilance.insi.accept')}
        </button>
        <button type="button" onClick={onReject}>
          {t('vigilance.insi.reject')}
        </button>
      </div>
    </div>
  );
}
