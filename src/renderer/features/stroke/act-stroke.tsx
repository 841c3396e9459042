// The stroke sheet of an act on its screen: opened on demand, changed in the name typed here,
// kept current when the neurologist changes it over the call, and its summary offered to the
// report.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { strokeSummary, type StrokeChange, type StrokeSheet } from '../../../shared/stroke/sheet';
import { relais } from '../../api';
import { ActError } from '../acts/act-error';
import { StrokeSheetView } from './stroke-sheet-view';
import { summaryTexts } from './stroke-texts';

export function ActStroke({ encounterId, defaultBy, onSummary }: { encounterId: string; defaultBy: string; onSummary?: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [sheet, setSheet] = useState<StrokeSheet | null>(null);
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState(defaultBy);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(() => relais.invoke('stroke.sheet', { encounterId }).then((r) => r.ok && setSheet(r.value)), [encounterId]);
  useEffect(() => {
    void load();
    return relais.on('stroke.changed', (e) => e.encounterId === encounterId && void load());
  }, [encounterId, load]);
  if (!sheet) return null;
  const started = sheet.version > 0;

  async function change(c: StrokeChange) {
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
          <ActError error={error} />
          <fieldset disabled={!by.trim()} className="plain-fieldset">
            <StrokeSheetView sheet={sheet} onChange={(c) => void change(c)} />
          </fieldset>
          {onSummary && started && (
            <button type="button" onClick={() => onSummary(strokeSummary(sheet, summaryTexts(t, i18n.language), new Date()))}>
              {t('stroke.toReport')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
