// The timeline of the stroke sheet: each milestone with its date and time (typed as JJ/MM/AAAA
// and HH:MM on 24 hours, never through the browser's pickers), "Maintenant" for what is tapped
// as it happens (arrival, imaging, decision, needle, groin) and, for onset and last known well,
// which are past when they are entered, a time or "Inconnu" and nothing pre-selected.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrokeChangeInput, StrokeSheet } from '../../../shared/stroke/sheet';
import {
  formatMinutes,
  MILESTONES,
  viewTimeline,
  type Milestone,
  type Timeline,
} from '../../../shared/stroke/timeline';
import { parseTypedDateTime, type TypedTimeProblem } from '../../../shared/stroke/typed-time';
import { dateTimeText } from './stroke-format';
import { StrokeWindows } from './stroke-windows';
import { ReasonedButton } from '../../ui/disabled-reason';

const isPast = (m: Milestone): m is 'onset' | 'last_known_well' => m === 'onset' || m === 'last_known_well';

type OnChange = (change: StrokeChangeInput) => void;

function MilestoneRow({
  sheet,
  milestone,
  onChange,
}: {
  sheet: StrokeSheet;
  milestone: Milestone;
  onChange: OnChange;
}) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<TypedTimeProblem | null>(null);
  const entry = sheet.timeline[milestone];
  const unknown = isPast(milestone) ? sheet.timesUnknown[milestone] : undefined;
  const name = t(`stroke.milestones.${milestone}`);
  const shown = entry
    ? t('stroke.at', { time: dateTimeText(entry.at, i18n.language), by: entry.by })
    : unknown
      ? t('stroke.unknownRecorded', { by: unknown.by })
      : '—';

  function record() {
    const typed = parseTypedDateTime(date, time, new Date());
    if (!typed.ok) return setProblem(typed.problem);
    setProblem(null);
    setDate('');
    setTime('');
    onChange({ kind: 'milestone', milestone, at: typed.at });
  }

  return (
    <tr>
      <th scope="row">{name}</th>
      <td data-testid={`milestone-${milestone}`}>{shown}</td>
      <td>
        <div className="stroke-time-entry">
          {!isPast(milestone) && (
            <button
              type="button"
              onClick={() => onChange({ kind: 'milestone', milestone, at: new Date().toISOString() })}
              aria-label={t('stroke.tapNow', { milestone: name })}
            >
              {t('stroke.now')}
            </button>
          )}
          <input
            aria-label={t('stroke.typeDate', { milestone: name })}
            placeholder={t('stroke.datePlaceholder')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            inputMode="numeric"
            size={10}
            maxLength={10}
            autoComplete="off"
          />
          <input
            aria-label={t('stroke.typeTime', { milestone: name })}
            placeholder={t('stroke.timePlaceholder')}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            className="stroke-time"
            inputMode="numeric"
            size={5}
            maxLength={5}
            autoComplete="off"
          />
          <ReasonedButton
            reason={date.trim() && time.trim() ? null : t('stroke.why.timeFirst')}
            onClick={record}
            aria-label={t('stroke.setTimeOf', { milestone: name })}
          >
            {t('stroke.setTime')}
          </ReasonedButton>
          {isPast(milestone) && (
            <button
              type="button"
              aria-pressed={Boolean(unknown)}
              onClick={() => onChange({ kind: 'milestone_unknown', milestone })}
              aria-label={t('stroke.unknownOf', { milestone: name })}
            >
              {t('stroke.unknown')}
            </button>
          )}
        </div>
        {problem && (
          <p role="alert" className="error-text">
            {t(`stroke.typed.${problem.replace('.', '_')}`)}
          </p>
        )}
      </td>
    </tr>
  );
}

export function StrokeTimeline({ sheet, onChange, now }: { sheet: StrokeSheet; onChange: OnChange; now: Date }) {
  const { t } = useTranslation();
  const timeline = viewTimeline(sheet.timeline as Timeline, now);
  const reference = timeline.reference ? t(`stroke.reference.${timeline.reference.milestone}`) : '';
  const milestone = (m: Milestone) => t(`stroke.milestones.${m}`);
  return (
    <section aria-labelledby="stroke-timeline">
      <h3 id="stroke-timeline">{t('stroke.timeline')}</h3>
      <StrokeWindows sheet={sheet} now={now} />
      <p className="hint">{t('stroke.askTime')}</p>
      <table className="stroke-table stroke-timeline-table">
        <tbody>
          {MILESTONES.map((m) => (
            <MilestoneRow key={m} sheet={sheet} milestone={m} onChange={onChange} />
          ))}
        </tbody>
      </table>
      <ul className="plain-list">
        {(Object.entries(timeline.delaysMinutes) as [string, number | null][])
          .filter(([, v]) => v !== null)
          .map(([k, v]) => (
            <li key={k}>
              {t(`stroke.delays.${k}`, { reference })} : <strong>{formatMinutes(v!)}</strong>
            </li>
          ))}
      </ul>
      {timeline.outOfOrder.length > 0 && (
        <p role="alert" className="error-text">
          {t('stroke.outOfOrder', {
            pairs: timeline.outOfOrder.map(([a, b]) => `${milestone(a)} / ${milestone(b)}`).join(', '),
          })}
        </p>
      )}
    </section>
  );
}
