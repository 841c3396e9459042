// The stroke sheet of an act on its screen: opened on demand, changed in the name typed here,
// kept current when the neurologist changes it over the call, and its summary offered to the
// report. A change the sheet's rules refuse says why, in the screen's language.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { StrokeChangeInput, StrokeSheet } from '../../../shared/stroke/sheet';
import { strokeSummary } from '../../../shared/stroke/summary';
import { relais } from '../../api';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
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
  onSummary?: (text: string) => void;
}

export function ActStroke({ encounterId, onSummary }: ActStrokeProps) {
  const { t, i18n } = useTranslation();
  const [sheet, setSheet] = useState<StrokeSheet | null>(null);
  const [open, setOpen] = useState(false);
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
    const author = await needAuthor();
    if (!author) return;
    const r = await relais.invoke('stroke.change', { encounterId, change: c, by: author.name });
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
          <AuthorLine />
          <StrokeError error={error} />
          <StrokeSheetView sheet={sheet} birthDate={birthDate} onChange={(c) => void change(c)} />
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
