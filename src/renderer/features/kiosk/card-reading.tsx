// "Lire le numéro": what a Carte Vitale's number says, and whose card it is. The number is that of
// the card's insured person, who may be a parent (a child's rights are on a parent's card): the
// cabin takes nothing from it until the pharmacist says it is the patient's own card.
import { useTranslation } from 'react-i18next';
import type { CardHolder, CarteVitaleFacts } from '../../../shared/kiosk/carte-vitale';

interface Props {
  facts: CarteVitaleFacts;
  holder: CardHolder;
  onHolder(holder: Exclude<CardHolder, null>): void;
}

export function CardReading({ facts, holder, onHolder }: Props) {
  const { t } = useTranslation();
  const says = t('kiosk.identify.card.says', {
    sex: t(`kiosk.identify.card.sexWords.${facts.sex}`),
    month: facts.birthMonth ?? t('kiosk.identify.card.unknownMonth'),
    year: facts.birthYear2,
    place: facts.birthplaceCode,
  });
  return (
    <fieldset className="field radio-group" aria-describedby="kiosk-card-says">
      <legend>{t('kiosk.identify.card.whose')}</legend>
      <p id="kiosk-card-says">{says}</p>
      {(['patient', 'someone_else'] as const).map((choice) => (
        <label key={choice} className="radio">
          <input type="radio" name="card-holder" checked={holder === choice} onChange={() => onHolder(choice)} />
          {t(`kiosk.identify.card.${choice === 'patient' ? 'patient' : 'someoneElse'}`)}
        </label>
      ))}
      {holder && (
        <p className="hint">{t(`kiosk.identify.card.${holder === 'patient' ? 'patientHint' : 'someoneElseHint'}`)}</p>
      )}
    </fieldset>
  );
}
