// The decision of the stroke sheet, recorded in the physician's name: help, never an order, and
// the screen says so. A thrombolysis (its drug named) is offered for recording only once every
// contra-indication is answered; each "Oui" or "Inconnu" needs an explicit override with its
// reason, and a patient under 18 a confirmation. Main applies the same rules (refusals.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checklistState,
  DECISIONS,
  drugOf,
  type Decision,
  type StrokeChangeInput,
  type StrokeSheet,
} from '../../../shared/stroke/sheet';
import { ADULT_AGE_YEARS } from '../../../shared/stroke/thrombolysis-dose';
import { dateTimeText } from './stroke-format';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

export interface StrokeDecisionProps {
  sheet: StrokeSheet;
  onChange(change: StrokeChangeInput): void;
  ageYears: number | null;
}

export function StrokeDecision({ sheet, onChange, ageYears }: StrokeDecisionProps) {
  const { t, i18n } = useTranslation();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [note, setNote] = useState('');
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [minorConfirmed, setMinorConfirmed] = useState(false);
  const checklist = checklistState(sheet);
  const positive = [...checklist.yes, ...checklist.unknown];
  const thrombolysis = decision !== '' && drugOf(decision) !== null;
  const minor = ageYears !== null && ageYears < ADULT_AGE_YEARS;
  const unanswered = thrombolysis && checklist.unanswered.length > 0;
  const needsOverride = thrombolysis && !unanswered && positive.length > 0;
  const overridden = !needsOverride || (overriding && reason.trim() !== '');
  const ready = decision !== '' && !unanswered && overridden && (!thrombolysis || !minor || minorConfirmed);
  const recorded = sheet.decision;
  const contraindication = (c: string) => t(`stroke.contraindications.${c}`);

  return (
    <section aria-labelledby="stroke-decision">
      <h3 id="stroke-decision">{t('stroke.decision')}</h3>
      <p className="stroke-disclaimer" data-testid="decision-help">
        {t('stroke.decisionHelp')}
      </p>
      {recorded && (
        <div role="status" data-testid="stroke-decision">
          <p>
            <strong>{t(`stroke.decisions.${recorded.value.decision}`)}</strong> —{' '}
            {t('stroke.decidedBy', { by: recorded.by, time: dateTimeText(recorded.at, i18n.language) })}
            {recorded.value.note ? ` : ${recorded.value.note}` : ''}
          </p>
          {recorded.value.override && (
            <p className="warning-text">
              {t('stroke.overrideShown', {
                items: recorded.value.override.items.map(contraindication).join(' ; '),
                reason: recorded.value.override.reason,
              })}
            </p>
          )}
          {recorded.value.minorConfirmed && <p className="warning-text">{t('stroke.minorShown')}</p>}
        </div>
      )}
      <form
        noValidate
        className="stroke-decision-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          const override = needsOverride ? { items: positive, reason: reason.trim() } : null;
          onChange({
            kind: 'decision',
            decision,
            note,
            override,
            confirmMinor: thrombolysis && minor && minorConfirmed,
          });
        }}
      >
        <div className="inline-form">
          <select
            aria-label={t('stroke.decisionChoice')}
            value={decision}
            onChange={(e) => setDecision(e.target.value as Decision)}
          >
            <option value="">—</option>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`stroke.decisions.${d}`)}
              </option>
            ))}
          </select>
          <label>
            {t('stroke.decisionNote')}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </label>
        </div>
        {unanswered && (
          <p className="error-text" data-testid="decision-blocked">
            {t('stroke.checklistFirst', { count: checklist.unanswered.length })}
          </p>
        )}
        {needsOverride && (
          <fieldset className="stroke-override">
            <legend>{t('stroke.overrideTitle', { items: positive.map(contraindication).join(' ; ') })}</legend>
            <label className="inline-choice">
              <input type="checkbox" checked={overriding} onChange={(e) => setOverriding(e.target.checked)} />{' '}
              {t('stroke.overrideConfirm')}
            </label>
            <label className="stroke-reason">
              {t('stroke.overrideReason')}
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={1000}
                disabled={!overriding}
                aria-describedby={overriding ? undefined : 'stroke-override-why'}
              />
              {!overriding && (
                <span id="stroke-override-why" className="hint why-disabled">
                  {t('stroke.why.overrideTickFirst')}
                </span>
              )}
            </label>
            <p className="hint">{t('stroke.overrideHint')}</p>
          </fieldset>
        )}
        {thrombolysis && minor && (
          <label className="inline-choice warning-text">
            <input type="checkbox" checked={minorConfirmed} onChange={(e) => setMinorConfirmed(e.target.checked)} />{' '}
            {t('stroke.minorConfirm', { age: ageYears })}
          </label>
        )}
        <ReasonedButton
          type="submit"
          className="primary"
          reason={firstReason([
            decision === '' && t('stroke.why.decisionFirst'),
            unanswered && t('stroke.checklistFirst', { count: checklist.unanswered.length }),
            !overridden && t('stroke.why.overrideFirst'),
            thrombolysis && minor && !minorConfirmed && t('stroke.why.minorFirst'),
          ])}
        >
          {t('stroke.recordDecision')}
        </ReasonedButton>
      </form>
    </section>
  );
}
