// The expert writes her report of the act a requesting station sent (issue 21, point 4), during the
// call or after it: a template for her specialty, the seven sections, the measurements taken from
// the act, her draft kept as she types; she signs in her signed-in name, and sees where each signed
// version stands at the requesting station. A correction is a new version with its reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS, type SignedExpertReport } from '../../../shared/acts/expert-report';
import {
  measurementsText,
  REPORT_TEMPLATE_IDS,
  REPORT_TEMPLATES,
  untouchedSections,
  type ReportTemplateId,
} from '../../../shared/acts/expert-report-templates';
import type { ActContext } from '../../../shared/calls/act-context';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { ActError } from '../../ui/error-line';
import { formatTime } from '../../ui/format';
import { useSignedIn } from '../../ui/identity-store';
import { SignedVersions } from './signed-versions';
import { useExpertReport } from './use-expert-report';
import './expert-report.css';

interface Props {
  peerId: string;
  actId: string;
  context: ActContext | null;
  /** The template her specialty suggests for a new report. */
  template: ReportTemplateId;
  /** A version was signed: the call sends it to the requesting station at once. */
  onSigned?: (report: SignedExpertReport) => void;
}

export function ExpertReportEditor({ peerId, actId, context, template: initial, onSigned }: Props) {
  const { t } = useTranslation();
  const user = useSignedIn();
  const report = useExpertReport(peerId, actId, context, initial);
  const [confirmed, setConfirmed] = useState(false);
  const { sections, correction, signed } = report;
  const untouched = untouchedSections(sections);
  // Once signed, the form is for a correction only.
  const writing = signed.length === 0 || correction !== null;
  const reason = firstReason([
    !user && t('expertReport.why.notSignedIn'),
    user && !user.rpps && t('expertReport.why.noRpps'),
    sections.conclusion.trim() === '' && t('expertReport.why.noConclusion'),
    correction && correction.reason.trim() === '' && t('expertReport.why.noReason'),
    untouched.length > 0 &&
      !confirmed &&
      t('expertReport.why.untouched', {
        sections: untouched.map((key) => t(`expertReport.sections.${key}`)).join(', '),
      }),
    report.busy && t('expertReport.signing'),
  ]);

  const sign = async () => {
    const done = await report.sign();
    if (done) {
      setConfirmed(false);
      onSigned?.(done.report);
    }
  };

  if (!report.loaded) return null;
  return (
    <section className="expert-report" aria-labelledby={`expert-report-${actId}`}>
      <h3 id={`expert-report-${actId}`}>{t('expertReport.title')}</h3>
      <SignedVersions
        kind="report"
        versions={signed.map((v) => ({ signed: v.report, delivery: v.delivery, replacedBy: v.replacedBy }))}
        correcting={correction?.replaces ?? null}
        onCorrect={writing ? null : (id) => report.correct(signed.find((v) => v.report.id === id) ?? null)}
      />
      {writing && (
        <form
          className="expert-report-form"
          aria-label={t('expertReport.title')}
          // The reasons are said in French beside the button, never in the browser's English bubbles.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason) void sign();
          }}
        >
          {correction && (
            <label className="expert-report-reason">
              {t('expertReport.correctionReason')}
              <textarea
                rows={2}
                value={correction.reason}
                onChange={(e) => report.setReason(e.target.value)}
                required
              />
            </label>
          )}
          <label className="expert-report-template">
            {t('expertReport.template')}
            <select value={report.template} onChange={(e) => report.chooseTemplate(e.target.value as ReportTemplateId)}>
              {REPORT_TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {REPORT_TEMPLATES[id].title}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t('expertReport.templateHint')}</p>
          {REPORT_SECTIONS.map((key) => (
            // A div, not a label around it all: a label holding the button would name the button.
            <div key={key} className="expert-report-section">
              <label htmlFor={`${actId}-${key}`}>{t(`expertReport.sections.${key}`)}</label>
              {key === 'mesures' && context && (
                <button type="button" onClick={() => report.edit('mesures', measurementsText(context))}>
                  {t('expertReport.takeMeasurements')}
                </button>
              )}
              <textarea
                id={`${actId}-${key}`}
                rows={key === 'examen' || key === 'histoire' ? 5 : 3}
                value={sections[key]}
                onChange={(e) => report.edit(key, e.target.value)}
              />
            </div>
          ))}
          {untouched.length > 0 && (
            <label className="expert-report-confirm">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {t('expertReport.untouchedConfirm')}
            </label>
          )}
          <p className="hint" role="status">
            {report.savedAt ? t('expertReport.draftSaved', { time: formatTime(report.savedAt) }) : ''}
          </p>
          {user && <p className="hint">{t('expertReport.signedIn', { name: user.name })}</p>}
          <div className="expert-report-actions">
            <ReasonedButton type="submit" className="primary" reason={reason}>
              {correction ? t('expertReport.signCorrection') : t('expertReport.sign')}
            </ReasonedButton>
            {correction && (
              <button type="button" onClick={() => report.correct(null)}>
                {t('expertReport.cancelCorrection')}
              </button>
            )}
          </div>
          <ActError error={report.error} />
        </form>
      )}
    </section>
  );
}
