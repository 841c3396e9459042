// The thrombolysis help of the stroke sheet: the weight (an unusual one confirmed), the doses of
// both labels computed from it (tenecteplase: the band's dose of the label beside the exact
// 0.25 mg/kg), the patient's age when under 18, and the contra-indication checklist. Labelled as
// help: the decision and the prescription are the physician's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checklistState,
  CONTRAINDICATIONS,
  type Answer,
  type Contraindication,
  type StrokeChangeInput,
  type StrokeSheet,
} from '../../../shared/stroke/sheet';
import { ADULT_AGE_YEARS, alteplaseDose, tenecteplaseDose } from '../../../shared/stroke/thrombolysis-dose';
import { WEIGHT_RANGE_KG, weightNeedsConfirmation } from '../../../shared/stroke/thrombolysis-dose';
import { bandText, numberText } from './stroke-format';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

function WeightForm({ sheet, onChange }: { sheet: StrokeSheet; onChange(change: StrokeChangeInput): void }) {
  const { t } = useTranslation();
  const [weight, setWeight] = useState(sheet.weight ? String(sheet.weight.value.kg) : '');
  const [source, setSource] = useState<'measured' | 'estimated'>(sheet.weight?.value.source ?? 'estimated');
  const [confirmed, setConfirmed] = useState(false);
  const kg = Number(weight.replace(',', '.'));
  const typed = weight.trim() !== '' && Number.isFinite(kg) && kg >= WEIGHT_RANGE_KG.min && kg <= WEIGHT_RANGE_KG.max;
  const unusual = typed && weightNeedsConfirmation(kg);
  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed && (!unusual || confirmed))
          onChange({ kind: 'weight', kg, source, confirmUnusual: unusual && confirmed });
      }}
    >
      <label>
        {t('stroke.weight')}
        <input value={weight} onChange={(e) => setWeight(e.target.value)} inputMode="decimal" size={6} />
      </label>
      <select
        aria-label={t('stroke.weightSource')}
        value={source}
        onChange={(e) => setSource(e.target.value as 'measured' | 'estimated')}
      >
        <option value="estimated">{t('stroke.estimated')}</option>
        <option value="measured">{t('stroke.measured')}</option>
      </select>
      {unusual && (
        <label className="inline-choice warning-text">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
          {t('stroke.confirmWeight')}
        </label>
      )}
      <ReasonedButton
        type="submit"
        reason={firstReason([
          !typed && t('stroke.why.weightFirst'),
          unusual && !confirmed && t('stroke.why.weightConfirmFirst'),
        ])}
      >
        {t('stroke.saveWeight')}
      </ReasonedButton>
    </form>
  );
}

export interface StrokeThrombolysisProps {
  sheet: StrokeSheet;
  onChange(change: StrokeChangeInput): void;
  ageYears: number | null;
}

export function StrokeThrombolysis({ sheet, onChange, ageYears }: StrokeThrombolysisProps) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => numberText(x, i18n.language);
  const checklist = checklistState(sheet);
  const weight = sheet.weight?.value ?? null;
  const input = weight ? { weightKg: weight.kg, weightSource: weight.source } : null;
  const alteplase = input ? alteplaseDose(input) : null;
  const tenecteplase = input ? tenecteplaseDose(input) : null;
  const open = checklist.unknown.length + checklist.unanswered.length;
  const answer = (c: Contraindication, a: Answer) => onChange({ kind: 'contraindication', item: c, answer: a });
  return (
    <section aria-labelledby="stroke-help">
      <h3 id="stroke-help">{t('stroke.helpTitle')}</h3>
      <p className="hint">{t('stroke.helpOnly')}</p>
      <WeightForm key={sheet.weight?.at ?? 'none'} sheet={sheet} onChange={onChange} />
      {ageYears !== null && ageYears < ADULT_AGE_YEARS && (
        <p role="alert" className="warning-text" data-testid="stroke-minor">
          {t('stroke.minor', { age: ageYears })}
        </p>
      )}
      {weight && alteplase && tenecteplase && (
        <ul className="plain-list stroke-doses" aria-label={t('stroke.doses')}>
          <li>
            {t('stroke.alteplase', {
              total: n(alteplase.totalMg),
              bolus: n(alteplase.bolusMg),
              infusion: n(alteplase.infusionMg),
              rate: n(alteplase.infusionRateMlPerHour),
            })}
            {alteplase.capped ? ` ${t('stroke.capped')}` : ''}
          </li>
          <li>
            {t('stroke.tenecteplase', {
              bandMg: n(tenecteplase.bandMg),
              bandMl: n(tenecteplase.bandMl),
              band: bandText(t, tenecteplase.band, i18n.language),
              kg: n(weight.kg),
              exactMg: n(tenecteplase.exactMg),
            })}
            {tenecteplase.capped ? ` ${t('stroke.capped')}` : ''}
          </li>
          {weight.source === 'estimated' && <li className="hint">{t('stroke.weightEstimated')}</li>}
          {weight.confirmedUnusual && (
            <li className="warning-text">{t('stroke.weightUnusualShown', { by: sheet.weight!.by })}</li>
          )}
          <li className="hint">{t('stroke.doseSource')}</li>
        </ul>
      )}
      <h4>{t('stroke.checklist')}</h4>
      <p data-testid="checklist-state" className={checklist.yes.length ? 'error-text' : undefined}>
        {checklist.yes.length ? t('stroke.checklistYes', { count: checklist.yes.length }) : t('stroke.checklistNone')}
        {open > 0 ? ` ${t('stroke.checklistOpen', { count: open })}` : ''}
      </p>
      <table className="stroke-table">
        <tbody>
          {CONTRAINDICATIONS.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`stroke.contraindications.${c}`)}</th>
              <td role="group" aria-label={t(`stroke.contraindications.${c}`)} className="stroke-answers">
                {(['yes', 'no', 'unknown'] as const).map((a) => (
                  <button
                    key={a}
                    type="button"
                    aria-pressed={sheet.contraindications[c]?.value === a}
                    onClick={() => answer(c, a)}
                  >
                    {t(`stroke.answers.${a}`)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
