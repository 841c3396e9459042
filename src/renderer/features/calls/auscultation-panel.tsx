// Auscultation during a call: the stethoscope's sound drawn live on both sides; at the cart, a
// lossless recording of each listening, tagged with where the stethoscope was placed. The nurse
// picks the site before each recording (none is chosen for her), and nothing is recorded without
// the patient's consent to recording: the button says why it is off.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodySite } from '../../../shared/acts/attachments';
import { BlockedReason } from '../../ui/consent-blocked';
import { BodySiteSelect } from '../../ui/body-site-select';
import { startRecording, stopRecording } from './call-captures';
import type { CurrentCall } from '../../webrtc/call-store';
import { SoundScope } from './sound-scope';

/** `recordingBlocked`: why the call may not record (the patient's consent), or null. */
export function AuscultationPanel({ call, recordingBlocked }: { call: CurrentCall; recordingBlocked: string | null }) {
  const { t } = useTranslation();
  const [site, setSite] = useState<BodySite | null>(null);
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
  // The consent first (nothing else matters without it), then the site.
  const why = recordingBlocked ?? (site === null ? t('calls.auscultation.siteFirst') : null);

  return (
    <section className="card" aria-labelledby="auscultation-title">
      <h2 id="auscultation-title">{t('calls.auscultation.title')}</h2>
      <p className="hint">
        {local ? t('calls.auscultation.local') : t('calls.auscultation.remote', { name: call.remote.name })}
      </p>
      <SoundScope stream={stream} label={t('calls.auscultation.scope')} />
      {local && (
        <>
          <div className="button-row">
            <label htmlFor="body-site">{t('calls.auscultation.site')}</label>
            <BodySiteSelect
              id="body-site"
              value={site}
              disabledReason={call.recording ? t('why.recording') : null}
              onChange={setSite}
            />
            {call.recording ? (
              <button type="button" className="warning" onClick={() => void stopRecording()}>
                {t('calls.auscultation.stop', { seconds })}
              </button>
            ) : (
              <button
                type="button"
                disabled={why !== null}
                aria-describedby={why ? 'auscultation-why' : undefined}
                onClick={() => site && void startRecording(site)}
              >
                {t('calls.auscultation.record')}
              </button>
            )}
          </div>
          {!call.recording && <BlockedReason id="auscultation-why" reason={why} />}
        </>
      )}
    </section>
  );
}
