// One act, as the nurse and the expert run it: its status moved forward one step at a time (the
// station refuses to start without the patient's consent), consents, vital signs typed or taken
// from the oximeter, the signed report with its corrections (signing it closes the act), and the
// prescriptions the act's expert signed on her station.
// Everything is kept on the station at once and synced when the region is reachable. Laid out for
// a cart's 1366x768 screen (issue 20): the patient banner, the status and the act's actions at the
// top, then two columns (what the nurse records | the report and the files), the stroke sheet last.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterStatus, Report } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useView } from '../../ui/view-store';
import { reportTemplate } from '../../../shared/acts/report-templates';
import { ActError } from '../../ui/error-line';
import { ActFiles } from './act-files';
import { asProfessional, needAuthor, SignerFields } from '../../ui/professional-fields';
import { ActVitals } from './act-vitals';
import { ActPrescriptions } from './act-prescriptions';
import { ActEscalation } from './act-escalation';
import { savePdf } from '../../ui/pdf-file';
import { ActBilling } from './act-billing';
import { useActRecord } from './use-act-record';
import { ConsentForm, useConsentLine } from '../../ui/consent-form';
import { latestDecision } from '../../../shared/acts/consent';
import { useSlots } from '../../ui/slots';
import { PatientBannerOf } from '../../ui/patient-banner-of';
import { actStatusKey } from './act-status';
import './act-screen.css';
import { ReasonedButton } from '../../ui/disabled-reason';

/** The next steps an act can take from each status (the station checks them again). */
const NEXT_STEPS: Record<EncounterStatus, { to: EncounterStatus; label: string }[]> = {
  draft: [
    { to: 'in_progress', label: 'acts.start' },
    { to: 'closed', label: 'acts.cancelAct' },
  ],
  in_progress: [{ to: 'awaiting_report', label: 'acts.finish' }],
  awaiting_report: [{ to: 'closed', label: 'acts.close' }],
  closed: [],
};

function ReportForm({
  encounterId,
  replaces,
  initialText,
  template,
  onDone,
}: {
  encounterId: string;
  replaces: Report | null;
  initialText?: string;
  template: string;
  onDone: (error: AppError | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(replaces?.text ?? initialText ?? '');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const author = await needAuthor();
    if (!author) return;
    const r = await relais.invoke('encounters.report', {
      encounterId,
      text,
      author: asProfessional(author),
      replaces: replaces?.id ?? null,
    });
    if (r.ok) setText('');
    onDone(r.ok ? null : r.error);
  }
  return (
    <form aria-label={t('acts.report')} onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {t('acts.reportText')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={6} maxLength={50_000} />
      </label>
      <ReasonedButton reason={text.trim() !== '' ? t('why.templateKept') : null} onClick={() => setText(template)}>
        {t('acts.fromTemplate')}
      </ReasonedButton>
      <SignerFields>
        <button type="submit" className="primary">
          {t('acts.sign')}
        </button>
      </SignerFields>
    </form>
  );
}

export function ActScreen({ id }: { id: string }) {
  const { ActStroke, ActExpertise, CallFromAct, BookFollowUp } = useSlots();
  const { t, i18n } = useTranslation();
  const show = useView((s) => s.show);
  const { record, loadError, reload: load } = useActRecord(id);
  const [error, setError] = useState<AppError | null>(null);
  // The consent's refusal is shown by the consent form, each field's sentence under it.
  const [consentError, setConsentError] = useState<AppError | null>(null);
  const [correcting, setCorrecting] = useState<Report | null>(null);
  /** The signed report as a PDF, saved by the browser (to print, or to give to the patient). */
  async function downloadPdf(reportId: string) {
    const r = await relais.invoke('encounters.reportPdf', { reportId });
    if (!r.ok) return setError(r.error);
    savePdf(r.value);
  }
  /** Text offered to the report (the stroke summary), numbered so that the form takes it anew. */
  const [offered, setOffered] = useState<{ text: string; serial: number } | null>(null);
  const done = (e: AppError | null) => {
    setError(e);
    if (!e) setCorrecting(null);
    void load();
  };
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const consentLine = useConsentLine();

  if (!record) return (error ?? loadError) ? <ActError error={error ?? loadError} /> : <p>{t('home.loading')}</p>;
  const { encounter, consents, observations, reports } = record;
  const open = encounter.status !== 'closed';
  const canReport = encounter.status === 'in_progress' || encounter.status === 'awaiting_report';
  const replaced = new Set(reports.map((r) => r.replaces).filter(Boolean));
  // Signing closed the act; its signed report may still be corrected (the station allows it).
  const signed = encounter.status === 'closed' && encounter.startedAt !== null && reports.length > 0;
  const actConsents = {
    recording: latestDecision(consents, 'recording'),
    imageSharing: latestDecision(consents, 'image_sharing'),
  };

  async function move(to: EncounterStatus) {
    const r = await relais.invoke('encounters.setStatus', { id, version: encounter.version, status: to });
    done(r.ok ? null : r.error);
  }

  return (
    <section aria-labelledby="act-title" className="act-screen">
      <button type="button" className="link" onClick={() => show({ name: 'patient', id: encounter.patientId })}>
        ← {t('acts.back')}
      </button>
      <PatientBannerOf patientId={encounter.patientId} />
      <header className="act-head">
        <h1 id="act-title">
          {t(`acts.types.${encounter.act}`)} — {encounter.reason}
        </h1>
        <p>
          <strong className="act-status" data-testid="act-status" data-status={encounter.status}>
            {t(actStatusKey(encounter, reports.length > 0))}
          </strong>{' '}
          · {encounter.site}
          {encounter.specialty ? ` · ${encounter.specialty}` : ''} · {encounter.requester.name}
          {encounter.expert ? ` → ${encounter.expert.name}` : ''}
        </p>
        {/* The act's main actions, at the top. Engineer CALLACT (issue 20, point 1b) puts
            "Appeler l'expert" (and "Alerte AVC" on a stroke act) in this row. */}
        <div className="act-actions actions start">
          {/* A téléexpertise starts by being sent (its panel below), not by "Démarrer". */}
          {NEXT_STEPS[encounter.status]
            .filter((step) => !(encounter.act === 'teleexpertise' && step.to === 'in_progress'))
            .map((step) => (
              <button
                key={step.to}
                type="button"
                className={step.to === 'closed' && encounter.status === 'draft' ? '' : 'primary'}
                onClick={() => void move(step.to)}
              >
                {t(step.label)}
              </button>
            ))}
          {encounter.act !== 'teleexpertise' && <CallFromAct encounter={encounter} />}
          <BookFollowUp encounter={encounter} />
        </div>
      </header>
      <ActError error={error ?? loadError} />

      {encounter.act === 'teleexpertise' && (
        <ActExpertise
          encounter={encounter}
          files={record.attachments}
          imageSharing={actConsents.imageSharing}
          onDone={done}
        />
      )}

      <div className="act-columns">
        <div className="act-column">
          <ActEscalation encounterId={id} />

          <section className="card" aria-labelledby="consents-title">
            <h2 id="consents-title">{t('acts.consents')}</h2>
            <ul className="plain-list">
              {consents.map((c) => (
                <li key={c.id}>{consentLine(c)}</li>
              ))}
            </ul>
            {open && (
              <ConsentForm
                encounterId={id}
                error={consentError}
                onDone={(e) => {
                  setConsentError(e);
                  if (!e) void load();
                }}
              />
            )}
          </section>

          <ActVitals encounterId={id} observations={observations} open={open} onDone={done} />
        </div>

        <div className="act-column">
          <section className="card" aria-labelledby="report-title">
            <h2 id="report-title">{t('acts.report')}</h2>
            {reports.length === 0 && <p>{t('acts.noReport')}</p>}
            {reports.map((r) => (
              <article key={r.id} className={replaced.has(r.id) ? 'report replaced' : 'report'}>
                <p className="report-text">{r.text}</p>
                <p className="hint">
                  {t('acts.signedBy', { author: r.author.name, when: when(r.signedAt) })}
                  {replaced.has(r.id) ? ` — ${t('acts.replaced')}` : ''}
                </p>
                {(canReport || signed) && !replaced.has(r.id) && (
                  <button type="button" className="link" onClick={() => setCorrecting(r)}>
                    {t('acts.correct')}
                  </button>
                )}{' '}
                <button type="button" className="link" onClick={() => void downloadPdf(r.id)}>
                  {t('acts.reportPdf')}
                </button>
              </article>
            ))}
            {(canReport || (signed && correcting)) && (
              <ReportForm
                key={correcting?.id ?? `new-${offered?.serial ?? 0}`}
                encounterId={id}
                replaces={correcting}
                initialText={offered?.text}
                template={reportTemplate(encounter.act, encounter.specialty)}
                onDone={done}
              />
            )}
          </section>

          <ActPrescriptions encounterId={id} />

          <ActFiles
            encounterId={id}
            consents={actConsents}
            files={record.attachments}
            chat={record.chat}
            reportPdfs={record.reportPdfs}
            reports={reports}
            open={open}
            onPrint={(reportId) => void downloadPdf(reportId)}
            onDone={done}
          />

          <ActBilling encounter={encounter} />
        </div>
      </div>

      <ActStroke
        encounterId={id}
        onSummary={canReport ? (text) => setOffered((o) => ({ text, serial: (o?.serial ?? 0) + 1 })) : undefined}
      />
    </section>
  );
}
