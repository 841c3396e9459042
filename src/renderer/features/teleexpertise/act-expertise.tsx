// The requester's side of a téléexpertise, on its act's screen: where the request stands (draft,
// waiting to be sent, sent, information requested, answered, converted), sending it (works
// offline: it leaves with the sync, with the patient's consent recorded), the expert's replies,
// and the answer to her question with more files.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/acts/attachments';
import type { Encounter } from '../../../shared/acts/encounter';
import type { AppError } from '../../../shared/result';
import { openQuestion, type RequestView } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { useView } from '../../ui/view-store';
import { ExpertiseMessages } from './expertise-messages';
import { BlockedReason, useBlockedReason } from '../../ui/consent-blocked';
import { AuthorLine } from '../../ui/author-line';
import { asProfessional, needAuthor } from '../../ui/author-store';
import { ReasonedButton } from '../../ui/disabled-reason';

type Decision = 'given' | 'refused' | null;

function AnswerQuestion({
  encounter,
  questionId,
  files,
  imageSharing,
  onDone,
}: {
  encounter: Encounter;
  questionId: string;
  files: Attachment[];
  imageSharing: Decision;
  onDone: (e: AppError | null) => void;
}) {
  const { t } = useTranslation();
  // A photo leaves for the expert with the answer: the patient's consent to sharing images first.
  const photoBlocked = useBlockedReason()('image_sharing', imageSharing);
  const photoBlockedId = useId();
  const [text, setText] = useState('');
  const [joined, setJoined] = useState<string[]>([]);
  const send = async () => {
    const author = await needAuthor();
    if (!author) return;
    const r = await relais.invoke('teleexpertise.provideInformation', {
      encounterId: encounter.id,
      inResponseTo: questionId,
      author: asProfessional(author),
      text,
      attachmentIds: joined,
    });
    if (r.ok) setText('');
    onDone(r.ok ? null : r.error);
  };
  return (
    <form aria-label={t('expertise.answerQuestion')} onSubmit={(e) => e.preventDefault()} noValidate>
      <label>
        {t('expertise.yourAnswer')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={3} maxLength={20_000} />
      </label>
      {files.length > 0 && (
        <fieldset className="plain-fieldset">
          <legend>{t('expertise.joinFiles')}</legend>
          {files.map((f) => (
            <label key={f.id} className="checkbox">
              <input
                type="checkbox"
                disabled={f.kind === 'snapshot' && photoBlocked !== null}
                aria-describedby={f.kind === 'snapshot' && photoBlocked !== null ? photoBlockedId : undefined}
                checked={joined.includes(f.id)}
                onChange={(e) => setJoined((j) => (e.target.checked ? [...j, f.id] : j.filter((x) => x !== f.id)))}
              />{' '}
              {f.title ?? f.device}
            </label>
          ))}
          {files.some((f) => f.kind === 'snapshot') && <BlockedReason reason={photoBlocked} id={photoBlockedId} />}
        </fieldset>
      )}
      <AuthorLine />
      <ReasonedButton
        className="primary"
        reason={text.trim() ? null : t('expertise.answerFirst')}
        onClick={() => void send()}
      >
        {t('expertise.sendAnswer')}
      </ReasonedButton>
    </form>
  );
}

export function ActExpertise({
  encounter,
  files,
  imageSharing,
  onDone,
}: {
  encounter: Encounter;
  files: Attachment[];
  imageSharing: Decision;
  onDone: (e: AppError | null) => void;
}) {
  const { t } = useTranslation();
  // The request's photos leave with it: the patient's consent to sharing them first.
  const sendBlocked = useBlockedReason()('image_sharing', imageSharing);
  const photosBlocked = files.some((f) => f.kind === 'snapshot') ? sendBlocked : null;
  const photosBlockedId = useId();
  const show = useView((s) => s.show);
  const [view, setView] = useState<RequestView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [consent, setConsent] = useState(false);
  const [checking, setChecking] = useState(false);
  const load = useCallback(
    () =>
      relais.invoke('teleexpertise.get', { encounterId: encounter.id }).then((r) => {
        if (r.ok) setView(r.value);
        else setError(r.error);
      }),
    [encounter.id],
  );
  useEffect(() => {
    void load();
    const offs = [
      relais.on('teleexpertise.changed', (c) => c.requestId === encounter.id && void load()),
      // Each sync pass may have sent the request (waiting -> sent).
      relais.on('station.statusChanged', () => void load()),
    ];
    return () => offs.forEach((off) => off());
  }, [encounter.id, encounter.version, load]);
  const done = (e: AppError | null) => {
    setError(e);
    onDone(e);
    void load();
  };

  if (!view) return error ? <ActError error={error} /> : null;
  const question = openQuestion(view.messages);
  async function submit() {
    const r = await relais.invoke('teleexpertise.submit', {
      encounterId: encounter.id,
      version: encounter.version,
      ...(consent ? { consentBy: encounter.requester.name } : {}),
    });
    done(r.ok ? null : r.error);
  }
  async function checkNow() {
    setChecking(true);
    const r = await relais.invoke('sync.now', {});
    setChecking(false);
    setError(r.ok ? null : r.error);
    void load();
  }

  return (
    <section className="card" aria-labelledby="expertise-title">
      <h2 id="expertise-title">{t('expertise.request')}</h2>
      <p>
        {t('expertise.state')} : <strong data-testid="expertise-state">{t(`expertise.states.${view.state}`)}</strong>{' '}
        <span className={view.details.priority === 'routine' ? 'tag' : 'tag urgent'}>
          {t(`expertise.priorities.${view.details.priority}`)}
        </span>
      </p>
      {view.blocked && (
        <p role="alert" className="error-text">
          {t('expertise.blocked')}{' '}
          <button type="button" className="link" onClick={() => show({ name: 'sync' })}>
            {t('expertise.openSync')}
          </button>
        </p>
      )}
      {view.details.context && (
        <p className="report-text">
          <strong>{t('expertise.context')} :</strong> {view.details.context}
        </p>
      )}
      {view.state === 'draft' ? (
        <>
          <p className="hint">{t('expertise.draftHint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
            {t('expertise.consent')}
          </label>
          <ReasonedButton
            className="primary"
            reason={null}
            shownReasonId={photosBlocked !== null ? photosBlockedId : null}
            onClick={() => void submit()}
          >
            {t('expertise.send')}
          </ReasonedButton>
          <BlockedReason reason={photosBlocked} id={photosBlockedId} />
        </>
      ) : (
        <>
          <ExpertiseMessages messages={view.messages} />
          {view.state === 'converted' && (
            <p role="status">
              {t('expertise.convertedHint')}{' '}
              <button type="button" onClick={() => show({ name: 'calls' })}>
                {t('expertise.goToCalls')}
              </button>
            </p>
          )}
          {question && (
            <AnswerQuestion
              encounter={encounter}
              questionId={question.id}
              files={files}
              imageSharing={imageSharing}
              onDone={done}
            />
          )}
          <ReasonedButton reason={checking ? t('why.busy') : null} onClick={() => void checkNow()}>
            {t('expertise.checkNow')}
          </ReasonedButton>
        </>
      )}
      <ActError error={error} />
    </section>
  );
}
