// The expert's reply: a structured answer (opinion, recommendations, follow-up), a question back
// to the requester, or a proposal to convert the request to a téléconsultation. Kept on her
// station at once and sent by the sync. The station's refusal, kept by the screen, comes back as
// `error`: each field's sentence under it (noValidate: no browser bubble), the rest below the form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { FollowUpSchema, type FollowUp } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { invalidProps, missingRequired, splitFieldErrors } from '../../ui/field-errors';
import { FieldError } from '../../ui/form-field';
import { needAuthor, SignerFields } from '../../ui/professional-fields';
import { ReasonedButton } from '../../ui/disabled-reason';

type Kind = 'answer' | 'information_request' | 'teleconsultation_proposed';
const KINDS: Kind[] = ['answer', 'information_request', 'teleconsultation_proposed'];

/** An empty reply, said under its field before sending. */
export function missingReplyFields(text: string): AppError | null {
  return missingRequired({ text });
}

interface ReplyFormProps {
  requestId: string;
  /** The last refusal of this form (null once sent). */
  error: AppError | null;
  onDone: (error: AppError | null) => void;
}

export function ReplyForm({ requestId, error, onDone }: ReplyFormProps) {
  const { t } = useTranslation();
  const { byPath, rest } = splitFieldErrors(t, error, ['text', 'recommendations', 'followUp']);
  const [kind, setKind] = useState<Kind>('answer');
  const [text, setText] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const [followUp, setFollowUp] = useState<FollowUp>('none');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingReplyFields(text);
    if (missing) return onDone(missing);
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
        <textarea
          id="reply-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          rows={5}
          maxLength={20_000}
          {...invalidProps('reply-text', byPath.text)}
        />
      </label>
      <FieldError id="reply-text-error" error={byPath.text} />
      {kind === 'answer' && (
        <>
          <label>
            {t('expertise.recommendations')}
            <textarea
              id="reply-recommendations"
              value={recommendations}
              onChange={(e) => setRecommendations(e.target.value)}
              rows={3}
              maxLength={20_000}
              {...invalidProps('reply-recommendations', byPath.recommendations)}
            />
          </label>
          <FieldError id="reply-recommendations-error" error={byPath.recommendations} />
          <label>
            {t('expertise.followUp')}
            <select
              id="reply-follow-up"
              value={followUp}
              onChange={(e) => setFollowUp(e.target.value as FollowUp)}
              {...invalidProps('reply-follow-up', byPath.followUp)}
            >
              {FollowUpSchema.options.map((f) => (
                <option key={f} value={f}>
                  {t(`expertise.followUps.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id="reply-follow-up-error" error={byPath.followUp} />
        </>
      )}
      <ActError error={rest} />
      <SignerFields>
        <ReasonedButton type="submit" className="primary" reason={busy ? t('why.busy') : null}>
          {t(`expertise.replySend.${kind}`)}
        </ReasonedButton>
      </SignerFields>
    </form>
  );
}
