// Auscultation during a call: the stethoscope's sound drawn live on both sides; at the cart, a
// lossless recording of each listening, tagged with where the stethoscope was placed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_SITES, type BodySite } from '../../../shared/attachments';
import { startRecording, stopRecording } from './call-captures';
import type { CurrentCall } from './call-store';
import { SoundScope } from './sound-scope';

export function AuscultationPanel({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const [site, setSite] = useState<BodySite>('aortic');
  const [now, setNow] = useState(() => Date.now());
  const local = call.local.find((l) => l.kind === 'stethoscope');
  const remote = call.remoteStreams.find((r) => r.kind === 'stethoscope');
  const stream = local?.stream ?? remote?.stream;
  useEffect(() => {
    if (!call.recording) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [call.recording]);
  if (!stream) return null;
  const seconds = call.recording ? Math.max(0, Math.floor((now - call.recording.startedAt) / 1000)) : 0;

  return (
    <section className="card" aria-labelledby="auscultation-title">
      <h2 id="auscultation-title">{t('calls.auscultation.title')}</h2>
      <p className="hint">{local ? t('calls.auscultation.local') : t('calls.auscultation.remote', { name: call.remote.name })}</p>
      <SoundScope stream={stream} label={t('calls.auscultation.scope')} />
      {local && (
        <div className="button-row">
          <label htmlFor="body-site">{t('calls.auscultation.site')}</label>
          <select id="body-site" value={site} disabled={call.recording !== null} onChange={(e) => setSite(e.target.value as BodySite)}>
            {BODY_SITES.map((s) => <option key={s} value={s}>{t(`calls.bodySites.${s}`)}</option>)}
          </select>
          {call.recording ? (
            <button type="button" className="warning" onClick={() => void stopRecording()}>
              {t('calls.auscultation.stop', { seconds })}
            </button>
          ) : (
            <button type="button" onClick={() => void startRecording(site)}>{t('calls.auscultation.record')}</button>
          )}
        </div>
      )}
    </section>
  );
}
