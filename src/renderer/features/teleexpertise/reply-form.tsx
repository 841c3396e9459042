// The expert's reply: a structured answer (opinion, recommendations, follow-up), a question back
// to the requester, or a proposal to convert the request to a téléconsultation. Kept on her
// station at once and sent by the sync.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { FollowUpSchema, type FollowUp } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { needAuthor, SignerFields } from '../../ui/professional-fields';
import { ReasonedButton } from '../../ui/disabled-reason';

type Kind = 'answer' | 'information_request' | 'teleconsultation_proposed';
const KINDS: Kind[] = ['answer', 'information_request', 'teleconsultation_proposed'];

export function ReplyForm({ requestId, onDone }: { requestId: string; onDone: (error: AppError | null) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('answer');
  const [text, setText] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const [followUp, setFollowUp] = useState<FollowUp>('none');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    const r = await relais.invoke('teleexpertise.reply', {
      requestId,
      kind,
      author: { name: author.name, role: author.role, rpps: author.rpps },
      text,
      ...(kind === 'answer' ? { recommendations, followUp } : {}),
    });
    setBusy(false);
    if (r.ok) {
      setText('');
      setRecommendations('');
    }
    onDone(r.ok ? null : r.error);
  }

  return (
    <form aria-label={t('expertise.reply')} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="plain-fieldset radio-group">
        <legend>{t('expertise.reply')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="reply-kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(`expertise.replyKinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t(`expertise.replyText.${kind}`)}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={5} maxLength={20_000} />
      </label>
      {kind === 'answer' && (
        <>
          <label>
            {t('expertise.recommendations')}
            <textarea
              value={recommendations}
              onChange={(e) => setRecommendations(e.target.value)}
              rows={3}
              maxLength={20_000}
            />
          </label>
          <label>
            {t('expertise.followUp')}
            <select value={followUp} onChange={(e) => setFollowUp(e.target.value as FollowUp)}>
              {FollowUpSchema.options.map((f) => (
                <option key={f} value={f}>
                  {t(`expertise.followUps.${f}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <SignerFields>
        <ReasonedButton type="submit" className="primary" reason={busy ? t('why.busy') : null}>
          {t(`expertise.replySend.${kind}`)}
        </ReasonedButton>
      </SignerFields>
    </form>
  );
}
