// What this call's record holds so far: auscultations (with their body site) and snapshots,
// with who took them, when and from which device.
import { useTranslation } from 'react-i18next';
import type { CurrentCall } from '../../webrtc/call-store';
import { formatBytes, formatTime } from '../../ui/format';

export function CallAttachments({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  if (call.attachments.length === 0 && !call.captureError) return null;
  return (
    <section className="card" aria-labelledby="call-attachments-title">
      <h2 id="call-attachments-title">{t('calls.attachments.title')}</h2>
      {call.captureError && (
        <p role="alert" className="error-text">
          {t('calls.attachments.failed', { reason: call.captureError })}
        </p>
      )}
      <ul className="plain-list">
        {call.attachments.map((a) => (
          <li key={a.id}>
            {a.kind === 'auscultation'
              ? t('calls.attachments.auscultation', { site: t(`calls.bodySites.${a.bodySite ?? 'aortic'}`) })
              : t('calls.attachments.snapshot')}{' '}
            — {a.device} · {a.author} · {formatTime(a.takenAt)} · {formatBytes(a.size)}
            {a.askedBy ? ` · ${t('acts.askedBy', { name: a.askedBy })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
