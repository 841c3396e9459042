// The NIHSS on the stroke sheet, item by item as the NINDS scale is printed: each score button
// carries its definition; a tap sets a score and a second tap leaves it (clearing is its own
// button); "untestable" (NT in French) asks for the reason the form names; the running subtotal,
// the coma rules of the instructions, and a camera preset per item on the neurologist's side.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMA_SCORES,
  comaMismatches,
  isComatose,
  NIHSS_ITEMS,
  nihssSeverity,
  scoreNihss,
  untestableReasonsOf,
} from '../../../shared/stroke/nihss';
import type { NihssItem, NihssItemId, NihssScores, UntestableReason } from '../../../shared/stroke/nihss';
import { nihssScoresOf, type StrokeChangeInput, type StrokeSheet } from '../../../shared/stroke/sheet';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

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

/** The scale's definitions are the same for left and right limbs. */
const scaleKey = (item: NihssItem) => item.name.replace(/_(left|right)$/, '');

type OnChange = (change: StrokeChangeInput) => void;

/** The scores the coma rules give that the sheet does not hold yet (an intubated patient's NT on 10 stays). */
function comaScoresToApply(scores: NihssScores) {
  if (!isComatose(scores)) return [];
  return COMA_SCORES.filter(
    (c) => scores[c.item] === undefined || (typeof scores[c.item] === 'number' && scores[c.item] !== c.score),
  );
}

function UntestableForm({
  item,
  label,
  onDone,
  onChange,
}: {
  item: NihssItem;
  label: string;
  onDone(): void;
  onChange: OnChange;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<UntestableReason | ''>('');
  const [detail, setDetail] = useState('');
  const ready = reason !== '' && (reason !== 'other' || detail.trim() !== '');
  return (
    <form
      noValidate
      className="nihss-untestable"
      aria-label={t('stroke.scale.reasonOf', { item: label })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onChange({ kind: 'nihss_untestable', item: item.id, reason, detail: detail.trim() });
        onDone();
      }}
    >
      <fieldset>
        <legend>{t('stroke.scale.reasonTitle')}</legend>
        {untestableReasonsOf(item.id).map((r) => (
          <label key={r} className="inline-choice">
            <input type="radio" name={`untestable-${item.id}`} checked={reason === r} onChange={() => setReason(r)} />{' '}
            {t(`stroke.scale.reasons.${r}`)}
          </label>
        ))}
        {reason === 'other' && (
          <label>
            {t('stroke.scale.detail')}{' '}
            <input value={detail} onChange={(e) => setDetail(e.target.value)} maxLength={200} />
          </label>
        )}
      </fieldset>
      <ReasonedButton
        type="submit"
        reason={firstReason([
          reason === '' && t('stroke.why.untestableFirst'),
          reason === 'other' && !detail.trim() && t('stroke.why.detailFirst'),
        ])}
      >
        {t('stroke.scale.saveUntestable')}
      </ReasonedButton>{' '}
      <button type="button" onClick={onDone}>
        {t('stroke.scale.cancel')}
      </button>
    </form>
  );
}

interface NihssItemRowProps {
  item: NihssItem;
  sheet: StrokeSheet;
  onChange: OnChange;
  preset: CameraPreset | null;
  onPreset?(preset: number): void;
}

function NihssItemRow({ item, sheet, onChange, preset, onPreset }: NihssItemRowProps) {
  const { t } = useTranslation();
  const [askingReason, setAskingReason] = useState(false);
  const entry = sheet.nihss[item.id];
  const label = `${item.id}. ${t(`stroke.items.${item.name}`)}`;
  const headingId = `nihss-item-${item.id}`;
  const why = entry?.value === 'UN' ? entry.untestable : undefined;
  const whyText = why ? `${t(`stroke.scale.reasons.${why.reason}`)}${why.detail ? ` : ${why.detail}` : ''}` : '';
  const setScore = (score: number | null) => onChange({ kind: 'nihss', item: item.id, score });
  return (
    <li className="nihss-item" aria-labelledby={headingId}>
      <div className="nihss-item-head">
        <strong id={headingId}>{label}</strong>
        {entry && <span className="hint">{entry.by}</span>}
        {entry && (
          <button
            type="button"
            className="link"
            onClick={() => setScore(null)}
            aria-label={t('stroke.scale.clearOf', { item: label })}
          >
            {t('stroke.scale.clear')}
          </button>
        )}
        {preset && onPreset && (
          <button type="button" onClick={() => onPreset(preset.number)}>
            {t('stroke.camera', { preset: preset.name })}
          </button>
        )}
      </div>
      <div role="group" aria-label={t('stroke.scoreOf', { item: label })} className="nihss-choices">
        {Array.from({ length: item.max + 1 }, (_, score) => (
          // A second tap on the score already chosen changes nothing: clearing is "Effacer".
          <button
            key={score}
            type="button"
            aria-pressed={entry?.value === score}
            onClick={() => entry?.value !== score && setScore(score)}
          >
            <span className="nihss-score">{score}</span>{' '}
            <span>{t(`stroke.scale.scores.${scaleKey(item)}.${score}`)}</span>
          </button>
        ))}
        {item.untestable && (
          <button type="button" aria-pressed={entry?.value === 'UN'} onClick={() => setAskingReason(true)}>
            <span className="nihss-score">{t('stroke.scale.untestable')}</span>{' '}
            <span>{t(`stroke.scale.untestableHint.${item.untestable}`)}</span>
          </button>
        )}
      </div>
      {why && <p className="hint">{t('stroke.scale.untestableShown', { reason: whyText })}</p>}
      {askingReason && (
        <UntestableForm item={item} label={label} onChange={onChange} onDone={() => setAskingReason(false)} />
      )}
    </li>
  );
}

export interface StrokeNihssProps {
  sheet: StrokeSheet;
  onChange: OnChange;
  presets?: readonly CameraPreset[];
  onPreset?(preset: number): void;
}

export function StrokeNihss({ sheet, onChange, presets, onPreset }: StrokeNihssProps) {
  const { t } = useTranslation();
  const scores = nihssScoresOf(sheet);
  const nihss = scoreNihss(scores);
  const mismatches = comaMismatches(scores);
  const comaToApply = comaScoresToApply(scores);
  return (
    <section aria-labelledby="stroke-nihss">
      <h3 id="stroke-nihss">{t('stroke.nihss')}</h3>
      {/* Kept in sight while scoring down the items. */}
      <div className="nihss-running">
        <p data-testid="nihss-total" className="stroke-elapsed">
          {nihss.total !== null
            ? t('stroke.nihssTotal', {
                total: nihss.total,
                severity: t(`stroke.severity.${nihssSeverity(nihss.total)}`),
              })
            : t('stroke.nihssIncomplete', { missing: nihss.problems.filter((p) => p.problem === 'missing').length })}
        </p>
        <p data-testid="nihss-subtotal">
          {t('stroke.scale.subtotal', { subtotal: nihss.subtotal, scored: nihss.scored })}
        </p>
      </div>
      {isComatose(scores) && (
        <p className="warning-text" data-testid="nihss-coma">
          {t('stroke.scale.coma')}{' '}
          {comaToApply.length > 0 && (
            <button
              type="button"
              onClick={() => comaToApply.forEach((c) => onChange({ kind: 'nihss', item: c.item, score: c.score }))}
            >
              {t('stroke.scale.applyComa')}
            </button>
          )}
        </p>
      )}
      {mismatches.length > 0 && (
        <p role="alert" className="error-text">
          {t('stroke.scale.comaMismatch', { items: mismatches.map((m) => t('stroke.scale.comaItem', m)).join(' ; ') })}
        </p>
      )}
      <ol className="nihss-items">
        {NIHSS_ITEMS.map((item) => (
          <NihssItemRow
            key={item.id}
            item={item}
            sheet={sheet}
            onChange={onChange}
            preset={presets && onPreset ? presetFor(item.id, presets) : null}
            onPreset={onPreset}
          />
        ))}
      </ol>
      <p className="hint">{t('stroke.scale.bands')}</p>
    </section>
  );
}
