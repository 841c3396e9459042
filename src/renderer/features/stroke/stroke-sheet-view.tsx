// The tele-stroke sheet on screen, the same on both sides of the call: the timeline (one tap
// per milestone, a time to correct it, elapsed times), the NIHSS item by item with a camera
// preset for each item on the neurologist's side, the weight and the doses, the contra-indication
// checklist, and the decision with who and when. Doses and checklist are labelled as help.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NIHSS_ITEMS, nihssSeverity, scoreNihss, type NihssItemId } from '../../../shared/stroke/nihss';
import { checklistState, CONTRAINDICATIONS, DECISIONS, nihssScoresOf, type Decision, type StrokeChange, type StrokeSheet } from '../../../shared/stroke/sheet';
import { alteplaseDose, tenecteplaseDose } from '../../../shared/stroke/thrombolysis-dose';
import { formatMinutes, MILESTONES, viewTimeline, type Milestone, type Timeline } from '../../../shared/stroke/timeline';

/** The camera view each NIHSS item is examined on (matched against the cart's preset names). */
const ITEM_VIEWS: Record<NihssItemId, readonly string[]> = {
  '1a': ['visage'],
  '1b': ['visage'],
  '1c': ['visage', 'membres supérieurs'],
  '2': ['pupilles', 'visage'],
  '3': ['pupilles', 'visage'],
  '4': ['visage'],
  '5a': ['membres supérieurs', 'plan large'],
  '5b': ['membres supérieurs', 'plan large'],
  '6a': ['membres inférieurs', 'plan large'],
  '6b': ['membres inférieurs', 'plan large'],
  '7': ['membres supérieurs', 'plan large'],
  '8': ['membres supérieurs', 'plan large'],
  '9': ['visage'],
  '10': ['visage'],
  '11': ['plan large', 'membres supérieurs'],
};

export interface CameraPreset {
  number: number;
  name: string;
}

const presetFor = (item: NihssItemId, presets: readonly CameraPreset[]) => {
  for (const view of ITEM_VIEWS[item]) {
    const found = presets.find((p) => p.name.trim().toLowerCase() === view);
    if (found) return found;
  }
  return null;
};

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** A time typed as HH:MM today (or yesterday, if that would be in the future: a night onset). */
function todayAt(hhmmText: string, now: Date): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmmText);
  if (!match) return null;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() > now.getTime() + 60_000) at.setDate(at.getDate() - 1);
  return at.toISOString();
}

export interface StrokeSheetViewProps {
  sheet: StrokeSheet;
  onChange(change: StrokeChange): void;
  /** The neurologist's side: camera presets of the cart, recalled per NIHSS item. */
  presets?: readonly CameraPreset[];
  onPreset?(preset: number): void;
}

export function StrokeSheetView({ sheet, onChange, presets, onPreset }: StrokeSheetViewProps) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  const now = useMinuteClock();
  const [typed, setTyped] = useState<Partial<Record<Milestone, string>>>({});
  const [weight, setWeight] = useState(sheet.weight ? String(sheet.weight.value.kg) : '');
  const [weightSource, setWeightSource] = useState<'measured' | 'estimated'>(sheet.weight?.value.source ?? 'estimated');
  const [decision, setDecision] = useState<Decision | ''>('');
  const [note, setNote] = useState('');
  const timeline = viewTimeline(sheet.timeline as Timeline, now);
  const nihss = scoreNihss(nihssScoresOf(sheet));
  const checklist = checklistState(sheet);
  const kg = sheet.weight?.value.kg ?? null;
  const dose = kg ? { alteplase: alteplaseDose({ weightKg: kg, weightSource: sheet.weight!.value.source }), tenecteplase: tenecteplaseDose({ weightKg: kg, weightSource: sheet.weight!.value.source }) } : null;

  return (
    <div className="stroke-sheet">
      <section aria-labelledby="stroke-timeline">
        <h3 id="stroke-timeline">{t('stroke.timeline')}</h3>
        {timeline.sinceReferenceMinutes !== null && (
          <p className="stroke-elapsed" data-testid="stroke-elapsed">
            {t(`stroke.since.${timeline.reference!.milestone}`, { elapsed: formatMinutes(timeline.sinceReferenceMinutes) })}
          </p>
        )}
        <table className="stroke-table">
          <tbody>
            {MILESTONES.map((m) => {
              const entry = sheet.timeline[m];
              return (
                <tr key={m}>
                  <th scope="row">{t(`stroke.milestones.${m}`)}</th>
                  <td data-testid={`milestone-${m}`}>{entry ? t('stroke.at', { time: hhmm(entry.at), by: entry.by }) : '—'}</td>
                  <td>
                    <button type="button" onClick={() => onChange({ kind: 'milestone', milestone: m, at: new Date().toISOString() })} aria-label={t('stroke.tapNow', { milestone: t(`stroke.milestones.${m}`) })}>
                      {t('stroke.now')}
                    </button>{' '}
                    <input type="time" aria-label={t('stroke.typeTime', { milestone: t(`stroke.milestones.${m}`) })} value={typed[m] ?? ''} onChange={(e) => setTyped({ ...typed, [m]: e.target.value })} />
                    <button
                      type="button"
                      disabled={!todayAt(typed[m] ?? '', now)}
                      onClick={() => {
                        const at = todayAt(typed[m] ?? '', new Date());
                        if (at) onChange({ kind: 'milestone', milestone: m, at });
                      }}
                    >
                      {t('stroke.setTime')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ul className="plain-list">
          {(Object.entries(timeline.delaysMinutes) as [string, number | null][]).filter(([, v]) => v !== null).map(([k, v]) => (
            <li key={k}>{t(`stroke.delays.${k}`)} : <strong>{formatMinutes(v!)}</strong></li>
          ))}
        </ul>
        {timeline.outOfOrder.length > 0 && (
          <p role="alert" className="error-text">
            {t('stroke.outOfOrder', { pairs: timeline.outOfOrder.map(([a, b]) => `${t(`stroke.milestones.${a}`)} / ${t(`stroke.milestones.${b}`)}`).join(', ') })}
          </p>
        )}
      </section>

      <section aria-labelledby="stroke-nihss">
        <h3 id="stroke-nihss">{t('stroke.nihss')}</h3>
        <p data-testid="nihss-total">
          {nihss.total !== null
            ? t('stroke.nihssTotal', { total: nihss.total, severity: t(`stroke.severity.${nihssSeverity(nihss.total)}`) })
            : t('stroke.nihssIncomplete', { missing: nihss.problems.filter((p) => p.problem === 'missing').length })}
        </p>
        {nihss.problems.some((p) => p.problem === 'coma_rule') && <p role="alert" className="error-text">{t('stroke.comaRule')}</p>}
        <table className="stroke-table">
          <tbody>
            {NIHSS_ITEMS.map((item) => {
              const scored = sheet.nihss[item.id];
              const preset = presets && onPreset ? presetFor(item.id, presets) : null;
              const choices: (number | 'UN')[] = [...Array.from({ length: item.max + 1 }, (_, i) => i), ...(item.untestable ? (['UN'] as const) : [])];
              return (
                <tr key={item.id}>
                  <th scope="row">
                    {item.id}. {t(`stroke.items.${item.name}`)}
                  </th>
                  <td role="group" aria-label={t('stroke.scoreOf', { item: `${item.id}. ${t(`stroke.items.${item.name}`)}` })}>
                    {choices.map((c) => (
                      <button key={String(c)} type="button" aria-pressed={scored?.value === c} onClick={() => onChange({ kind: 'nihss', item: item.id, score: scored?.value === c ? null : c })}>
                        {c}
                      </button>
                    ))}
                  </td>
                  <td className="hint">{scored ? scored.by : ''}</td>
                  {presets && onPreset && <td>{preset && <button type="button" onClick={() => onPreset(preset.number)}>{t('stroke.camera', { preset: preset.name })}</button>}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="stroke-help">
        <h3 id="stroke-help">{t('stroke.helpTitle')}</h3>
        <p className="hint">{t('stroke.helpOnly')}</p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(weight.replace(',', '.'));
            if (Number.isFinite(value) && value >= 20 && value <= 300) onChange({ kind: 'weight', kg: value, source: weightSource });
          }}
        >
          <label>
            {t('stroke.weight')}
            <input value={weight} onChange={(e) => setWeight(e.target.value)} inputMode="decimal" size={6} />
          </label>
          <select aria-label={t('stroke.weightSource')} value={weightSource} onChange={(e) => setWeightSource(e.target.value as 'measured' | 'estimated')}>
            <option value="estimated">{t('stroke.estimated')}</option>
            <option value="measured">{t('stroke.measured')}</option>
          </select>
          <button type="submit">{t('stroke.saveWeight')}</button>
        </form>
        {dose && (
          <ul className="plain-list" aria-label={t('stroke.doses')}>
            <li>{t('stroke.alteplase', { total: n(dose.alteplase.totalMg), bolus: n(dose.alteplase.bolusMg), infusion: n(dose.alteplase.infusionMg), rate: n(dose.alteplase.infusionRateMlPerHour) })}{dose.alteplase.capped ? ` ${t('stroke.capped')}` : ''}</li>
            <li>{t('stroke.tenecteplase', { mg: n(dose.tenecteplase.bolusMg), ml: n(dose.tenecteplase.bolusMl) })}</li>
            {sheet.weight?.value.source === 'estimated' && <li className="hint">{t('stroke.weightEstimated')}</li>}
          </ul>
        )}
        <h4>{t('stroke.checklist')}</h4>
        <p data-testid="checklist-state" className={checklist.yes.length ? 'error-text' : undefined}>
          {checklist.yes.length ? t('stroke.checklistYes', { count: checklist.yes.length }) : t('stroke.checklistNone')}
          {checklist.unknown.length + checklist.unanswered.length > 0 ? ` ${t('stroke.checklistOpen', { count: checklist.unknown.length + checklist.unanswered.length })}` : ''}
        </p>
        <table className="stroke-table">
          <tbody>
            {CONTRAINDICATIONS.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`stroke.contraindications.${c}`)}</th>
                <td role="group" aria-label={t(`stroke.contraindications.${c}`)}>
                  {(['yes', 'no', 'unknown'] as const).map((a) => (
                    <button key={a} type="button" aria-pressed={sheet.contraindications[c]?.value === a} onClick={() => onChange({ kind: 'contraindication', item: c, answer: a })}>
                      {t(`stroke.answers.${a}`)}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="stroke-decision">
        <h3 id="stroke-decision">{t('stroke.decision')}</h3>
        {sheet.decision && (
          <p role="status" data-testid="stroke-decision">
            <strong>{t(`stroke.decisions.${sheet.decision.value.decision}`)}</strong> — {t('stroke.decidedBy', { by: sheet.decision.by, time: hhmm(sheet.decision.at) })}
            {sheet.decision.value.note ? ` : ${sheet.decision.value.note}` : ''}
          </p>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (decision) onChange({ kind: 'decision', decision, note });
          }}
        >
          <select aria-label={t('stroke.decisionChoice')} value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
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
          <button type="submit" className="primary" disabled={!decision}>
            {t('stroke.recordDecision')}
          </button>
        </form>
      </section>
    </div>
  );
}
