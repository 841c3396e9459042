// The end-of-call summary of a stroke sheet, that goes into the report: the times with who gave
// them (or "unknown"), the delays from the reference, the NIHSS, the weight, the checklist, the
// decision with who and when and any override, and the drug given with its dose, named as
// recorded: never alteplase when tenecteplase was chosen. Pure: the screen gives the words.
import { nihssSeverity, scoreNihss, type NihssItemId } from './nihss';
import {
  checklistState,
  drugOf,
  nihssScoresOf,
  type Contraindication,
  type Drug,
  type RecordedDecision,
  type StrokeSheet,
} from './sheet';
import { alteplaseDose, tenecteplaseDose, type AlteplaseDose, type TenecteplaseDose } from './thrombolysis-dose';
import { formatMinutes, MILESTONES, viewTimeline, type Milestone, type Timeline, type TimelineView } from './timeline';
import type { TimeThatMayBeUnknown } from './windows';

export type DelayKey = keyof TimelineView['delaysMinutes'];
export type UntestableLine = { item: NihssItemId; reason: string; detail: string };

/** Texts the summary needs, in the reader's language (the renderer passes its translations). */
export interface SummaryTexts {
  title: string;
  milestone(m: Milestone): string;
  unknownTime(m: TimeThatMayBeUnknown, by: string): string;
  delay(key: DelayKey, reference: TimeThatMayBeUnknown | null): string;
  nihss(total: number | null, severity: string | null, missing: number, untestable: UntestableLine[]): string;
  weight(kg: number, source: 'measured' | 'estimated'): string;
  contraindication(c: Contraindication): string;
  contraindicationsLine(yes: string[], unknown: string[], unanswered: number): string;
  decision(d: RecordedDecision): string;
  decidedBy(by: string, at: string): string;
  override(items: string[], reason: string): string;
  minorConfirmed: string;
  alteplase(dose: AlteplaseDose): string;
  tenecteplase(dose: TenecteplaseDose): string;
  drugWithoutWeight(drug: Drug): string;
  drugNotRecorded: string;
  time(iso: string): string;
  helpOnly: string;
}

export function strokeSummary(sheet: StrokeSheet, texts: SummaryTexts, now: Date): string {
  const lines: string[] = [texts.title];
  const timeline = sheet.timeline as Timeline;
  for (const m of MILESTONES) {
    const entry = timeline[m];
    const unknown = m === 'onset' || m === 'last_known_well' ? sheet.timesUnknown[m] : undefined;
    if (entry) lines.push(`- ${texts.milestone(m)} : ${texts.time(entry.at)} (${entry.by})`);
    else if (unknown) lines.push(`- ${texts.unknownTime(m as TimeThatMayBeUnknown, unknown.by)}`);
  }
  const view = viewTimeline(timeline, now);
  for (const [key, minutes] of Object.entries(view.delaysMinutes) as [DelayKey, number | null][]) {
    if (minutes !== null)
      lines.push(`- ${texts.delay(key, view.reference?.milestone ?? null)} : ${formatMinutes(minutes)}`);
  }
  const nihss = scoreNihss(nihssScoresOf(sheet));
  const missing = nihss.problems.filter((p) => p.problem === 'missing').length;
  const untestable = nihss.untestable.map((item): UntestableLine => {
    const why = sheet.nihss[item]?.untestable;
    return { item, reason: why?.reason ?? '', detail: why?.detail ?? '' };
  });
  lines.push(texts.nihss(nihss.total, nihss.total === null ? null : nihssSeverity(nihss.total), missing, untestable));
  if (sheet.weight) lines.push(texts.weight(sheet.weight.value.kg, sheet.weight.value.source));
  const checklist = checklistState(sheet);
  const named = (items: Contraindication[]) => items.map(texts.contraindication);
  lines.push(texts.contraindicationsLine(named(checklist.yes), named(checklist.unknown), checklist.unanswered.length));
  if (sheet.decision) {
    const { decision, note, override, minorConfirmed } = sheet.decision.value;
    const decidedBy = texts.decidedBy(sheet.decision.by, texts.time(sheet.decision.at));
    lines.push(`${texts.decision(decision)} — ${decidedBy}${note ? ` : ${note}` : ''}`);
    if (override) lines.push(texts.override(override.items.map(texts.contraindication), override.reason));
    if (minorConfirmed) lines.push(texts.minorConfirmed);
    const drug = drugLine(drugOf(decision), sheet.weight?.value ?? null, texts);
    if (drug) lines.push(drug);
  }
  lines.push(texts.helpOnly);
  return lines.join('\n');
}

type Weight = { kg: number; source: 'measured' | 'estimated' };

function drugLine(drug: Drug | 'unspecified' | null, weight: Weight | null, texts: SummaryTexts): string | null {
  if (drug === null) return null;
  if (drug === 'unspecified') return texts.drugNotRecorded;
  if (!weight) return texts.drugWithoutWeight(drug);
  const input = { weightKg: weight.kg, weightSource: weight.source };
  return drug === 'alteplase' ? texts.alteplase(alteplaseDose(input)) : texts.tenecteplase(tenecteplaseDose(input));
}
