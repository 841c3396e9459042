// The current call, from ringing to its end: who, why, the large remote picture (the expert picks
// which camera), self view, mute/camera, timer, connection quality in plain words, chat, camera
// control (the cart grants it, the expert steers), and why the call ended.
import { useEffect, useState, type MouseEvent } from 'react';
import type { MediaKind } from '../../../shared/devices/remote-control';
import { useTranslation } from 'react-i18next';
import { takeSnapshot } from './call-captures';
import { accept, cancel, decline, dismiss, hangup, steer } from './call-controller';
import { endHere, showLarge, toggleCamera, toggleMic } from './call-screen-controls';
import { useCalls, type CurrentCall } from '../../webrtc/call-store';
import { EscalationStatus } from './escalation-status';
import { StreamAudio, StreamVideo } from './stream-video';
import { QualityLine } from './quality-line';
import { useCallBlocked, useCallConsent } from './call-consent';
import { BlockedReason } from '../../ui/consent-blocked';
import { CallWorkPanel } from './call-work-panel';
import { endSentence } from './end-reason';
import { HangupConfirm } from './hangup-confirm';
import './call-layout.css';
import { CallSummary } from './call-summary';
import { CallPatientBanner } from './call-patient-banner';
import { ActContextBanner, ActContextSender } from './act-context-view';
import { ReasonedButton } from '../../ui/disabled-reason';

function useElapsed(since: number | null): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  if (since === null) return '0:00';
  const s = Math.max(0, Math.floor((now - since) / 1000));
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${mm}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function Ringing({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  return (
    <section
      className={`card ringing ${call.urgent ? 'urgent' : ''}`}
      role="alertdialog"
      aria-labelledby="ringing-title"
    >
      {call.urgent && <p className="tag urgent">{t('calls.urgentCall')}</p>}
      <h1 id="ringing-title">
        {call.direction === 'incoming'
          ? t('calls.ringingIn', { name: call.remote.name, site: call.remote.site })
          : t('calls.ringingOut', { name: call.remote.name })}
      </h1>
      {call.reason && <p>{t('calls.reasonShown', { reason: call.reason })}</p>}
      {call.direction === 'outgoing' && <EscalationStatus />}
      <div className="button-row">
        {call.direction === 'incoming' ? (
          <>
            <button type="button" className="primary" onClick={() => void accept()}>
              {t('calls.accept')}
            </button>
            <button type="button" className="warning" onClick={() => void endHere(decline)}>
              {t('calls.decline')}
            </button>
          </>
        ) : (
          <ReasonedButton
            className="warning"
            reason={call.callId === 'pending' ? t('why.busy') : null}
            onClick={() => void endHere(cancel)}
          >
            {t('calls.cancel')}
          </ReasonedButton>
        )}
      </div>
    </section>
  );
}

function Ended({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const reason = call.end?.reason ?? 'hangup';
  return (
    <section className="card" role="status" aria-labelledby="ended-title">
      <h1 id="ended-title">{t('calls.phases.ended')}</h1>
      <p data-testid="end-reason" data-reason={reason} data-detail={call.end?.detail ?? ''}>
        {endSentence(t, call)}
      </p>
      {call.direction === 'outgoing' && <EscalationStatus />}
      <button type="button" onClick={dismiss}>
        {t('calls.close')}
      </button>
    </section>
  );
}

function InCall({
  call,
  isCart,
  isExpert,
  cabin,
}: {
  call: CurrentCall;
  isCart: boolean;
  isExpert: boolean;
  cabin: boolean;
}) {
  const { t } = useTranslation();
  const elapsed = useElapsed(call.acceptedAt);
  const [confirming, setConfirming] = useState(false);
  const large = call.remoteStreams.find((r) => r.id === call.largeStreamId && r.stream.getVideoTracks().length > 0);
  const videos = call.remoteStreams.filter((r) => r.stream.getVideoTracks().length > 0);
  const self = call.local.find((l) => l.kind === 'room');
  // Which camera it is first (room or examination), then the device's own name.
  const streamName = (r: { kind: MediaKind; label: string }) =>
    `${t(`calls.streamKinds.${r.kind}`)}${r.label ? ` — ${r.label}` : ''}`;
  const canCenter = isExpert && call.controlGranted && call.remoteCamera.camera && large?.kind === 'room';
  // The patient's consents for this call: the cart holds her act; the expert's side goes by what the cart said.
  const consent = useCallConsent(call.callId);
  const recordingBlocked = useCallBlocked(consent, !isExpert, call.remote.name)('recording');

  const clickToCenter = (e: MouseEvent<HTMLVideoElement>) => {
    if (!canCenter) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * 2 - 1;
    const y = 1 - ((e.clientY - box.top) / box.height) * 2;
    steer({ type: 'center', x: Math.max(-1, Math.min(1, x)), y: Math.max(-1, Math.min(1, y)) });
  };

  return (
    <section className="in-call" aria-labelledby="in-call-title">
      <header className="in-call-header">
        <h1 id="in-call-title">
          {t(call.direction === 'outgoing' ? 'calls.inCallOut' : 'calls.inCallIn', {
            name: call.remote.name,
            site: call.remote.site,
          })}
        </h1>
        <span role="status" data-testid="call-phase" data-phase={call.phase}>
          {t(`calls.phases.${call.phase}`)}
        </span>
        <span data-testid="call-timer">{t('calls.timer', { time: elapsed })}</span>
      </header>
      {call.remoteAway && (
        <p role="alert" className="banner banner-offline">
          {t('calls.remoteAway', { name: call.remote.name })}
        </p>
      )}
      {call.mediaProblem && (
        <p role="alert" className="error-text">
          {t('calls.mediaProblem', { problem: call.mediaProblem })}
        </p>
      )}
      <div className="call-layout">
        <div className="call-stage" data-testid="call-stage" role="region" aria-label={t('calls.stage')}>
          {large ? (
            <StreamVideo
              stream={large.stream}
              className={`remote-large ${canCenter ? 'clickable' : ''}`}
              label={`${t('calls.remoteVideo', { name: call.remote.name })} : ${streamName(large)}`}
              onClick={clickToCenter}
            />
          ) : (
            <p className="remote-large placeholder">{t('calls.noVideo')}</p>
          )}
          <div className="thumbnails">
            {videos
              .filter((r) => r.id !== large?.id)
              .map((r) => (
                <button
                  key={r.id}
                  type="button"
                  className="thumbnail"
                  aria-label={t('calls.showLarge', { label: streamName(r) })}
                  onClick={() => showLarge(r.id)}
                >
                  <StreamVideo stream={r.stream} label={streamName(r)} />
                </button>
              ))}
            {self && <StreamVideo stream={self.stream} className="self-view" label={t('calls.selfView')} />}
          </div>
          {call.remoteStreams.map((r) => (
            <StreamAudio key={r.id} stream={r.stream} />
          ))}
          <div className="button-row call-buttons">
            <button type="button" aria-pressed={call.micMuted} onClick={toggleMic}>
              {call.micMuted ? t('calls.unmute') : t('calls.mute')}
            </button>
            <button type="button" aria-pressed={call.cameraOff} onClick={toggleCamera}>
              {call.cameraOff ? t('calls.cameraOn') : t('calls.cameraOff')}
            </button>
            {large && (
              <button
                type="button"
                disabled={recordingBlocked !== null}
                aria-describedby={recordingBlocked ? 'snapshot-why' : undefined}
                onClick={() => void takeSnapshot(large.stream, large.label || t(`calls.streamKinds.${large.kind}`))}
              >
                {t('calls.snapshotRemote')}
              </button>
            )}
            {call.local
              .filter((l) => l.kind !== 'stethoscope')
              .map((l) => (
                <button
                  key={l.stream.id}
                  type="button"
                  disabled={recordingBlocked !== null}
                  aria-describedby={recordingBlocked ? 'snapshot-why' : undefined}
                  onClick={() => void takeSnapshot(l.stream, l.label || t(`calls.streamKinds.${l.kind}`))}
                >
                  {t('calls.snapshotLocal', { label: l.label || t(`calls.streamKinds.${l.kind}`) })}
                </button>
              ))}
            <button type="button" className="warning hangup" onClick={() => setConfirming(true)}>
              {t('calls.hangup')}
            </button>
          </div>
          {(large || call.local.some((l) => l.kind !== 'stethoscope')) && (
            <BlockedReason id="snapshot-why" reason={recordingBlocked} />
          )}
          <QualityLine quality={call.quality} />
        </div>
        <CallWorkPanel
          call={call}
          isCart={isCart}
          isExpert={isExpert}
          cabin={cabin}
          consent={consent}
          recordingBlocked={recordingBlocked}
        />
      </div>
      {confirming && (
        <HangupConfirm
          name={call.remote.name}
          onKeep={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void endHere(hangup);
          }}
        />
      )}
    </section>
  );
}

/** `cabin`: the pharmacy cabin's call in kiosk mode, where a patient may be alone at the screen. */
export function CallView({ cabin = false }: { cabin?: boolean }) {
  const { call, hub, error, hubError } = useCalls();
  const { t } = useTranslation();
  if (!call) return null;
  const isCart = hub.you?.role === 'station' && call.remote.role === 'expert';
  const isExpert = hub.you?.role === 'expert' && call.remote.role === 'station';
  return (
    <div className="call-view">
      {/* SECURITY: not in the cabin, where the kiosk gate keeps the patient's page off the registry
          (patients.get) and the station's call journal (calls.history): the cabin shows its own patient. */}
      {!cabin && <CallPatientBanner call={call} />}
      {/* The requesting station sends its act's context; the expert's shows it (not in the cabin: its
          kiosk gate keeps the page off the act's record, encounters.context included). */}
      {isCart && !cabin && <ActContextSender call={call} />}
      {isExpert && <ActContextBanner call={call} />}
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      {hubError && (
        <p role="alert" className="error-text">
          {t(`calls.hubErrors.${hubError}`)}
        </p>
      )}
      {call.phase === 'ringing' ? (
        <Ringing call={call} />
      ) : call.phase === 'ended' ? (
        <div className="call-ended">
          <Ended call={call} />
          {!cabin && <CallSummary call={call} />}
        </div>
      ) : (
        <InCall call={call} isCart={isCart} isExpert={isExpert} cabin={cabin} />
      )}
    </div>
  );
}
