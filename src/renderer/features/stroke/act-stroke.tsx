// The stroke sheet of an act on its screen: opened on demand, changed in the name typed here,
// kept current when the neurologist changes it over the call, and its summary offered to the
// report. A change the sheet's rules refuse says why, in the screen's language.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { StrokeChangeInput, StrokeSheet } from '../../../shared/stroke/sheet';
import { strokeSummary } from '../../../shared/stroke/summary';
import { relais } from '../../api';
import { strokeErrorLines } from './stroke-format';
import { StrokeSheetView } from './stroke-sheet-view';
import { summaryTexts } from './stroke-texts';

export function StrokeError({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="error-text">
      {strokeErrorLines(t, error).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** The patient's birth date, for the age a thrombolysis decision checks. */
function useBirthDate(encounterId: string): string | null {
  const [birthDate, setBirthDate] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void relais.invoke('encounters.get', { id: encounterId }).then(async (r) => {
      if (!r.ok) return;
      const patient = await relais.invoke('patients.get', { id: r.value.encounter.patientId });
      if (current && patient.ok) setBirthDate(patient.value.birthDate);
    });
    return () => {
      current = false;
    };
  }, [encounterId]);
  return birthDate;
}

export interface ActStrokeProps {
  encounterId: string;
  defaultBy: string;
  onSummary?: (text: string) => void;
}

export function ActStroke({ encounterId, defaultBy, onSummary }: ActStrokeProps) {
  const { t, i18n } = useTranslation();
  const [sheet, setSheet] = useState<StrokeSheet | null>(null);
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState(defaultBy);
  const [error, setError] = useState<AppError | null>(null);
  const birthDate = useBirthDate(encounterId);
  const load = useCallback(
    () => relais.invoke('stroke.sheet', { encounterId }).then((r) => r.ok && setSheet(r.value)),
    [encounterId],
  );
  useEffect(() => {
    void load();
    return relais.on('stroke.changed', (e) => e.encounterId === encounterId && void load());
  }, [encounterId, load]);
  if (!sheet) return null;
  const started = sheet.version > 0;

  async function change(c: StrokeChangeInput) {
    const r = await relais.invoke('stroke.change', { encounterId, change: c, by: by.trim() });
    setError(r.ok ? null : r.error);
    if (r.ok) setSheet(r.value);
  }

  return (
    <section className="card" aria-labelledby="act-stroke-title">
      <h2 id="act-stroke-title">{t('stroke.title')}</h2>
      {!open && !started ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('stroke.open')}
        </button>
      ) : (
        <>
          <label>
            {t('stroke.you')}
            <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} autoComplete="name" />
          </label>
          {!by.trim() && <p className="hint">{t('stroke.youFirst')}</p>}
          <StrokeError error={error} />
          <fieldset disabled={!by.trim()} className="plain-fieldset">
            <StrokeSheetView sheet={sheet} birthDate={birthDate} onChange={(c) => void change(c)} />
          </fieldset>
          {onSummary && started && (
            <button
              type="button"
              onClick={() => onSummary(strokeSummary(sheet, summaryTexts(t, i18n.language), new Date()))}
            >
              {t('stroke.toReport')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
