// The stroke summary's texts in the screen's language, for strokeSummary (shared, pure). The
// summary goes into the report and its PDF: plain words and dashes, no arrows.
import type { TFunction } from 'i18next';
import type { SummaryTexts } from '../../../shared/stroke/summary';
import { bandText, dateTimeText, numberText } from './stroke-format';

export function summaryTexts(t: TFunction, language: string): SummaryTexts {
  const n = (x: number) => numberText(x, language);
  const untestableText = (u: { item: string; reason: string; detail: string }) =>
    `${u.item} (${t(`stroke.scale.reasons.${u.reason}`)}${u.detail ? ` : ${u.detail}` : ''})`;
  return {
    title: t('stroke.summary.title'),
    milestone: (m) => t(`stroke.milestones.${m}`),
    unknownTime: (m, by) => t('stroke.summary.unknownTime', { milestone: t(`stroke.milestones.${m}`), by }),
    delay: (key, reference) =>
      t(`stroke.summary.delays.${key}`, { reference: t(`stroke.summary.reference.${reference ?? 'none'}`) }),
    nihss: (total, severity, missing, untestable) => {
      if (total === null) return t('stroke.summary.nihssIncomplete', { missing });
      const line = t('stroke.nihssTotal', { total, severity: t(`stroke.severity.${severity}`) });
      return untestable.length
        ? `${line} ${t('stroke.summary.untestable', { items: untestable.map(untestableText).join(', ') })}`
        : line;
    },
    weight: (kg, source) =>
      t('stroke.summary.weight', {
        kg: n(kg),
        source: t(source === 'measured' ? 'stroke.measured' : 'stroke.estimated'),
      }),
    contraindication: (c) => t(`stroke.contraindications.${c}`),
    contraindicationsLine: (yes, unknown, unanswered) =>
      [
        yes.length ? t('stroke.summary.ciYes', { list: yes.join(' ; ') }) : t('stroke.checklistNone'),
        unknown.length ? t('stroke.summary.ciUnknown', { list: unknown.join(' ; ') }) : '',
        unanswered ? t('stroke.summary.ciUnanswered', { count: unanswered }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    decision: (d) => t('stroke.summary.decision', { decision: t(`stroke.decisions.${d}`) }),
    decidedBy: (by, time) => t('stroke.decidedBy', { by, time }),
    override: (items, reason) => t('stroke.summary.override', { items: items.join(' ; '), reason }),
    minorConfirmed: t('stroke.summary.minor'),
    alteplase: (d) =>
      t('stroke.summary.alteplase', { total: n(d.totalMg), bolus: n(d.bolusMg), infusion: n(d.infusionMg) }),
    tenecteplase: (d) =>
      t('stroke.summary.tenecteplase', {
        mg: n(d.bandMg),
        ml: n(d.bandMl),
        band: bandText(t, d.band, language),
        exactMg: n(d.exactMg),
      }),
    drugWithoutWeight: (drug) => t('stroke.summary.drugWithoutWeight', { drug: t(`stroke.summary.drugs.${drug}`) }),
    drugNotRecorded: t('stroke.summary.drugNotRecorded'),
    time: (iso) => dateTimeText(iso, language),
    helpOnly: t('stroke.summary.helpOnly'),
  };
}
