// The act's files: the PDF of each signed report (kept at signing, printable), those captured
// during its call and those added to it (a dermatoscope photo saved on the cart, a recorded
// auscultation with its site, a PDF letter brought by the patient), and a form to add one. A file
// is checked by SHA-256 on the station and kept even when the region is unreachable.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, BodySite } from '../../../shared/acts/attachments';
import type { Report } from '../../../shared/acts/encounter';
import type { CallRecord } from '../../../shared/calls/calls';
import type { ReportPdfInfo } from '../../../shared/acts/report-pdf';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { uploadAttachment } from '../../webrtc/upload-attachment';
import { CameraCapture } from './camera-capture';
import { ActError } from '../../ui/error-line';
import { FilePicker } from '../../ui/file-picker';
import { formatBytes } from '../../ui/format';
import { BodySiteSelect } from '../../ui/body-site-select';
import { BlockedReason, useBlockedReason } from '../../ui/consent-blocked';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

const KIND_OF_MIME: Record<string, 'document' | 'snapshot' | 'auscultation' | undefined> = {
  'application/pdf': 'document',
  'image/png': 'snapshot',
  'image/jpeg': 'snapshot',
  'audio/wav': 'auscultation',
  'audio/x-wav': 'auscultation',
};

/** The act's latest word on recording and on sharing images (null: not collected). */
export interface ActConsents {
  recording: 'given' | 'refused' | null;
  imageSharing: 'given' | 'refused' | null;
}

function AddFile({
  encounterId,
  consents,
  onDone,
}: {
  encounterId: string;
  consents: ActConsents;
  onDone: (error: AppError | null) => void;
}) {
  const { t } = useTranslation();
  const blockedReason = useBlockedReason();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrongType, setWrongType] = useState(false);
  const [missing, setMissing] = useState({ file: false });
  /** A sound says where the stethoscope was: the person picks it, nothing is chosen for her. */
  const [bodySite, setBodySite] = useState<BodySite | null>(null);
  const kindChosen = file ? KIND_OF_MIME[file.type] : undefined;
  const sound = kindChosen === 'auscultation';
  // A photo or a sound of the patient is a recording: it needs her consent to recording (a PDF does not).
  const blocked = kindChosen === 'snapshot' || sound ? blockedReason('recording', consents.recording) : null;
  const blockedId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const kind = file ? KIND_OF_MIME[file.type] : undefined;
    // The product's own "required", beside each field (the form is noValidate: no browser bubble).
    const empty = { file: !file };
    setMissing(empty);
    if (empty.file) return;
    setWrongType(!kind);
    if (!file || !kind || blocked || (kind === 'auscultation' && !bodySite)) return;
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await uploadAttachment(
      relais,
      {
        encounterId,
        kind,
        mime: (kind === 'auscultation' ? 'audio/wav' : file.type) as 'application/pdf',
        title: title.trim() || file.name.slice(0, 200),
        bodySite: kind === 'auscultation' ? bodySite : null,
        device: t('acts.imported'),
        author: author.name,
        takenAt: new Date().toISOString(),
      },
      bytes,
    );
    setBusy(false);
    if (result.ok) {
      setFile(null);
      setTitle('');
      (event.target as HTMLFormElement).reset();
    }
    onDone(result.ok ? null : result.error);
  }

  return (
    <form className="inline-form" aria-label={t('acts.addFile')} onSubmit={(e) => void submit(e)} noValidate>
      <FilePicker
        id="act-file"
        label={t('acts.file')}
        accept="application/pdf,image/png,image/jpeg,audio/wav,.wav"
        file={file}
        onChange={setFile}
        error={missing.file ? t('fieldErrors.field.required') : undefined}
      />
      {sound && (
        <label>
          {t('acts.bodySite')}
          <BodySiteSelect id="act-file-body-site" value={bodySite} onChange={setBodySite} />
        </label>
      )}
      <label>
        {t('acts.fileTitle')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </label>
      <AuthorLine />
      <ReasonedButton
        type="submit"
        reason={firstReason([
          busy && t('why.busy'),
          !blocked && sound && !bodySite && t('calls.auscultation.siteFirst'),
        ])}
        shownReasonId={blocked ? blockedId : null}
      >
        {busy ? t('acts.adding') : t('acts.addFile')}
      </ReasonedButton>
      {wrongType && (
        <p className="error-text" role="alert">
          {t('acts.fileTypes')}
        </p>
      )}
      <BlockedReason reason={blocked} id={blockedId} />
    </form>
  );
}

/** Sends a photo to the hospital PACS (where one is configured), and says what came of it. */
function SendToPacs({ file, imageSharing }: { file: Attachment; imageSharing: ActConsents['imageSharing'] }) {
  const { t } = useTranslation();
  const blocked = useBlockedReason()('image_sharing', imageSharing);
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | AppError>('idle');
  const blockedId = useId();
  if (state === 'sent') return <span role="status"> — {t('acts.sentToPacs')}</span>;
  return (
    <>
      {' '}
      <ReasonedButton
        reason={state === 'sending' ? t('why.busy') : null}
        shownReasonId={blocked ? blockedId : null}
        onClick={() => {
          setState('sending');
          void relais
            .invoke('pacs.sendPhoto', { attachmentId: file.id })
            .then((r) => setState(r.ok ? 'sent' : r.error));
        }}
      >
        {t('acts.sendToPacs')}
      </ReasonedButton>
      {typeof state === 'object' && <ActError error={state} />}
      <BlockedReason reason={blocked} id={blockedId} />
    </>
  );
}

/** A signed report's PDF, as kept at signing; the button saves those very bytes to print. */
function ReportPdfLine({
  pdf,
  report,
  replaced,
  onPrint,
}: {
  pdf: ReportPdfInfo;
  report: Report | undefined;
  replaced: boolean;
  onPrint: (reportId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      {t('acts.signedReportPdf')} : <strong>{pdf.fileName}</strong> ({formatBytes(pdf.size)})
      {report ? ` — ${report.author.name}, ${new Date(report.signedAt).toLocaleString(i18n.language)}` : ''}
      {replaced ? ` · ${t('acts.replaced')}` : ''} · <span title={pdf.sha256}>SHA-256 {pdf.sha256.slice(0, 12)}…</span>{' '}
      <button type="button" className="link" onClick={() => onPrint(pdf.reportId)}>
        {t('acts.printPdf')}
      </button>
    </li>
  );
}

export function ActFiles({
  encounterId,
  consents,
  files,
  chat = [],
  reportPdfs,
  reports,
  open,
  onPrint,
  onDone,
}: {
  encounterId: string;
  consents: ActConsents;
  files: Attachment[];
  /** The chat of the act's call, line by line (it lands here as it is written: the act screen reloads at each line). */
  chat?: CallRecord['chat'];
  reportPdfs: ReportPdfInfo[];
  reports: Report[];
  open: boolean;
  onPrint: (reportId: string) => void;
  onDone: (error: AppError | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const recordingBlocked = useBlockedReason()('recording', consents.recording);
  const cameraBlockedId = useId();
  const [pacs, setPacs] = useState(false);
  useEffect(() => {
    let current = true;
    void relais.invoke('pacs.status', {}).then((r) => current && r.ok && setPacs(r.value.configured));
    return () => {
      current = false;
    };
  }, []);
  const replaced = new Set(reports.map((r) => r.replaces));
  const [capturing, setCapturing] = useState(false);
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('acts.files')}</h2>
      {files.length === 0 && reportPdfs.length === 0 && chat.length === 0 ? (
        <p>{t('acts.noFiles')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('acts.files')}>
          {reportPdfs.map((p) => (
            <ReportPdfLine
              key={p.reportId}
              pdf={p}
              report={reports.find((r) => r.id === p.reportId)}
              replaced={replaced.has(p.reportId)}
              onPrint={onPrint}
            />
          ))}
          {files.map((f) => (
            <li key={f.id}>
              {t(`sync.fileKinds.${f.kind}`)} : <strong>{f.title ?? f.device}</strong> ({formatBytes(f.size)}) —{' '}
              {f.author}, {new Date(f.takenAt).toLocaleString(i18n.language)}
              {f.callId ? ` · ${t('acts.duringCall')}` : ''}
              {f.askedBy ? ` · ${t('acts.askedBy', { name: f.askedBy })}` : ''}
              {pacs && f.kind === 'snapshot' && <SendToPacs file={f} imageSharing={consents.imageSharing} />}
            </li>
          ))}
        </ul>
      )}
      {chat.length > 0 && (
        <>
          <h3 id="act-chat-title">{t('acts.callChat')}</h3>
          <ul className="plain-list" aria-labelledby="act-chat-title">
            {chat.map((line) => (
              <li key={line.id}>
                <strong>{line.author}</strong> ({new Date(line.at).toLocaleTimeString(i18n.language)}) : {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && (
        <ReasonedButton
          aria-expanded={capturing}
          reason={null}
          shownReasonId={recordingBlocked !== null && !capturing ? cameraBlockedId : null}
          onClick={() => setCapturing((c) => !c)}
        >
          {capturing ? t('acts.camera.close') : t('acts.camera.open')}
        </ReasonedButton>
      )}
      {open && <BlockedReason reason={recordingBlocked} id={cameraBlockedId} />}
      {open && capturing && recordingBlocked === null && <CameraCapture encounterId={encounterId} onDone={onDone} />}
      {open && <AddFile encounterId={encounterId} consents={consents} onDone={onDone} />}
    </section>
  );
}
