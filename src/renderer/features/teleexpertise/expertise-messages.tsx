// The messages of a téléexpertise exchange, oldest first, as both sides read them: the expert's
// structured answer (opinion, recommendations, follow-up), her questions, the requester's answers.
import { useTranslation } from 'react-i18next';
import type { ExpertiseMessage } from '../../../shared/teleexpertise/teleexpertise';

export function ExpertiseMessages({ messages }: { messages: readonly ExpertiseMessage[] }) {
  const { t, i18n } = useTranslation();
  if (messages.length === 0) return <p>{t('expertise.noMessages')}</p>;
  return (
    <ol className="plain-list" aria-label={t('expertise.exchange')}>
      {messages.map((m) => (
        <li key={m.id}>
          <article className="report" aria-label={t(`expertise.kinds.${m.kind}`)}>
            <p>
              <strong>{t(`expertise.kinds.${m.kind}`)}</strong> — {m.author.name},{' '}
              {new Date(m.sentAt).toLocaleString(i18n.language)}
            </p>
            <p className="report-text">{m.text}</p>
            {m.recommendations && (
              <p className="report-text">
                <strong>{t('expertise.recommendations')} :</strong> {m.recommendations}
              </p>
            )}
            {m.followUp && (
              <p>
                <strong>{t('expertise.followUp')} :</strong> {t(`expertise.followUps.${m.followUp}`)}
              </p>
            )}
            {m.files.length > 0 && <p className="hint">{t('expertise.filesJoined', { count: m.files.length })}</p>}
          </article>
        </li>
      ))}
    </ol>
  );
}
