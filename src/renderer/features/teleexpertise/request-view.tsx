// A téléexpertise request as the expert opens it: the patient's identity traits, the question and
// context, the photos, sounds and documents (their bytes fetched by her station, never by the
// page with a token), the exchange so far, and her reply.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { ExpertFile, ExpertRequestView } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { base64Bytes } from '../../ui/imaging/loaded-frame';
import { ActError } from '../../ui/error-line';
import { useView } from '../../ui/view-store';
import { ExpertiseMessages } from './expertise-messages';
import { ReplyForm } from './reply-form';
import { RegionPatientBanner } from '../../ui/patient-banner';

function FileView({ requestId, file }: { requestId: string; file: ExpertFile }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let current = true;
    let made: string | null = null;
    void relais.invoke('teleexpertise.file', { requestId, fileId: file.id }).then((r) => {
      if (!current) return;
      if (!r.ok) return setError(r.error);
      made = URL.createObjectURL(
        new Blob([base64Bytes(r.value.data) as Uint8Array<ArrayBuffer>], { type: r.value.mime }),
      );
      setUrl(made);
    });
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [requestId, file.id]);
  return (
    <figure className="expertise-file">
      {!url && !error && <p className="hint">{t('expertise.fileLoading')}</p>}
      {error && <ActError error={error} />}
      {url && file.kind === 'snapshot' && <img src={url} alt={file.title} />}
      {url && file.kind === 'auscultation' && <audio src={url} controls aria-label={file.title} />}
      {url && file.kind === 'document' && (
        <a href={url} download={`${file.title}.pdf`}>
          {t('expertise.openDocument')}
        </a>
      )}
      <figcaption>{file.title}</figcaption>
    </figure>
  );
}

export function RequestScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const show = useView((s) => s.show);
  const [view, setView] = useState<ExpertRequestView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // The reply's refusal is shown by the reply form, each field's sentence under it.
  const [replyError, setReplyError] = useState<AppError | null>(null);
  const load = useCallback(
    () =>
      relais.invoke('teleexpertise.open', { requestId: id }).then((r) => {
        setError(r.ok ? null : r.error);
        if (r.ok) setView(r.value);
      }),
    [id],
  );
  useEffect(() => {
    void load();
    return relais.on('teleexpertise.changed', (c) => c.requestId === id && void load());
  }, [id, load]);

  const back = (
    <button type="button" className="link" onClick={() => show({ name: 'expertise-inbox' })}>
      ← {t('expertise.backToInbox')}
    </button>
  );
  if (!view)
    return (
      <section>
        {back}
        {error ? <ActError error={error} /> : <p>{t('home.loading')}</p>}
      </section>
    );
  const { item, patient } = view;
  return (
    <section aria-labelledby="request-title">
      {back}
      {/* Whom the request is about, kept in view while the expert reads the files (issue 20). */}
      <RegionPatientBanner patient={patient} />
      <div className="title-row">
        <h1 id="request-title">
          {t('expertise.request')} — {item.specialty}
        </h1>
        {/* Read again from the regional server: the requester's answers show at once. */}
        <button type="button" onClick={() => void load()}>
          {t('expertise.refresh')}
        </button>
      </div>
      <p>
        <span className={item.priority === 'routine' ? 'tag' : 'tag urgent'} data-testid="request-priority">
          {t(`expertise.priorities.${item.priority}`)}
        </span>{' '}
        <strong data-testid="request-state">{t(`expertise.expertStates.${item.state}`)}</strong> ·{' '}
        {t('expertise.sentBy', {
          who: view.requester.name,
          when: new Date(item.authoredOn).toLocaleString(i18n.language),
        })}
      </p>
      <section className="card" aria-labelledby="patient-traits">
        <h2 id="patient-traits">{t('expertise.patient')}</h2>
        <p>
          <strong>{patient.name}</strong>
          {patient.birthDate
            ? ` · ${t('expertise.bornOn', { date: new Date(`${patient.birthDate}T12:00:00`).toLocaleDateString(i18n.language) })}`
            : ''}
          {patient.sex ? ` · ${t(`expertise.sexes.${patient.sex}`, { defaultValue: patient.sex })}` : ''}
          {patient.ins ? ` · INS ${patient.ins}` : ''}
          {patient.identityStatus
            ? ` · ${t('expertise.identityStatus', { status: t(`form.statuses.${patient.identityStatus}`, { defaultValue: patient.identityStatus }) })}`
            : ''}
        </p>
      </section>
      <section className="card" aria-labelledby="question-title">
        <h2 id="question-title">{t('expertise.question')}</h2>
        <p className="report-text">{item.question}</p>
        {view.context && (
          <>
            <h3>{t('expertise.context')}</h3>
            <p className="report-text">{view.context}</p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="files-title">
        <h2 id="files-title">{t('acts.files')}</h2>
        {view.files.length === 0 ? (
          <p>{t('acts.noFiles')}</p>
        ) : (
          <div className="expertise-files" aria-label={t('acts.files')}>
            {view.files.map((f) => (
              <FileView key={f.id} requestId={id} file={f} />
            ))}
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="exchange-title">
        <h2 id="exchange-title">{t('expertise.exchange')}</h2>
        <ExpertiseMessages messages={view.messages} />
        <ReplyForm
          requestId={id}
          error={replyError}
          onDone={(e) => {
            setReplyError(e);
            if (!e) void load();
          }}
        />
        <ActError error={error} />
      </section>
    </section>
  );
}
