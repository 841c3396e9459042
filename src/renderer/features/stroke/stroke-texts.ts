// The stroke summary's texts in the screen's language, for strokeSummary (shared, pure).
import type { TFunction } from 'i18next';
import type { SummaryTexts } from '../../../shared/stroke/sheet';

export function summaryTexts(t: TFunction, language: string): SummaryTexts {
  const n = (x: number) => x.toLocaleString(language);
  return {
    title: t('stroke.summary.title'),
    milestone: (m) => t(`stroke.milestones.${m}`),
    delays: {
      referenceToArrival: t('stroke.delays.referenceToArrival'),
      doorToImaging: t('stroke.delays.doorToImaging'),
      doorToNeedle: t('stroke.delays.doorToNeedle'),
      doorToGroin: t('stroke.delays.doorToGroin'),
      referenceToNeedle: t('stroke.delays.referenceToNeedle'),
    },
    nihss: (total, severity, missing, untestable) =>
      total === null ? t('stroke.summary.nihssIncomplete', { missing }) : `${t('stroke.nihssTotal', { total, severity: t(`stroke.severity.${severity}`) })}${untestable.length ? ` ${t('stroke.summary.untestable', { items: untestable.join(', ') })}` : ''}`,
    weight: (kg, source) => t('stroke.summary.weight', { kg: n(kg), source: t(`stroke.${source}`) }),
    contraindication: (c) => t(`stroke.contraindications.${c}`),
    contraindicationsLine: (yes, unknown, unanswered) =>
      [yes.length ? t('stroke.summary.ciYes', { list: yes.join(' ; ') }) : t('stroke.checklistNone'), unknown.length ? t('stroke.summary.ciUnknown', { list: unknown.join(' ; ') }) : '', unanswered ? t('stroke.summary.ciUnanswered', { count: unanswered }) : ''].filter(Boolean).join(' '),
    decision: (d) => t('stroke.summary.decision', { decision: t(`stroke.decisions.${d}`) }),
    decidedBy: (by, time) => t('stroke.decidedBy', { by, time }),
    dose: (text) => t('stroke.summary.dose', { text }),
    doseAlteplase: (total, bolus, infusion) => t('stroke.summary.alteplase', { total: n(total), bolus: n(bolus), infusion: n(infusion) }),
    doseTenecteplase: (mg, ml) => t('stroke.summary.tenecteplase', { mg: n(mg), ml: n(ml) }),
    time: (iso) => new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }),
    helpOnly: t('stroke.summary.helpOnly'),
  };
}
