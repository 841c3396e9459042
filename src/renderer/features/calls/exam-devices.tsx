// The cart adds its examination devices to the call: a second camera (dermatoscope, otoscope) and
// the stethoscope, each chosen among the station's inputs.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listInputs } from '../../webrtc/local-media';
import { humanInputLabel } from '../../ui/media-labels';
import { addDeviceCamera, addStethoscope } from './call-controller';
import type { CurrentCall } from '../../webrtc/call-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

export function ExamDevices({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [mic, setMic] = useState('');
  useEffect(() => {
    void listInputs('videoinput')
      .then(setCameras)
      .catch(() => {});
    void listInputs('audioinput')
      .then(setMics)
      .catch(() => {});
  }, []);
  const hasKind = (kind: string) => call.local.some((l) => l.kind === kind);
  const live = call.phase === 'connected';
  // A human label, never the browser's id-like one ("fake_device_0"): "Caméra 1", "Microphone 1".
  const label = (d: MediaDeviceInfo, i: number) =>
    humanInputLabel({
      label: d.label,
      index: i,
      numbered: (n) => t(d.kind === 'videoinput' ? 'calls.cameraNumbered' : 'calls.microphoneNumbered', { n }),
    });
  const steth = call.local.find((l) => l.kind === 'stethoscope');

  return (
    <section className="card" aria-labelledby="exam-devices-title">
      <h2 id="exam-devices-title">{t('calls.examDevices')}</h2>
      <div className="button-row">
        <label htmlFor="exam-camera" className="visually-hidden">
          {t('calls.chooseInput')}
        </label>
        <select id="exam-camera" value={camera} onChange={(e) => setCamera(e.target.value)}>
          <option value="">{t('calls.chooseInput')}</option>
          {cameras.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {label(d, i)}
            </option>
          ))}
        </select>
        <ReasonedButton
          reason={firstReason([
            !live && t('why.noCall'),
            hasKind('device') && t('why.cameraAdded'),
            !camera && t('why.chooseCamera'),
          ])}
          onClick={() =>
            void addDeviceCamera(
              camera,
              cameras.some((c) => c.deviceId === camera)
                ? label(
                    cameras.find((c) => c.deviceId === camera)!,
                    cameras.findIndex((c) => c.deviceId === camera),
                  )
                : t('calls.streamKinds.device'),
            )
          }
        >
          {t('calls.addCamera')}
        </ReasonedButton>
      </div>
      <div className="button-row">
        <label htmlFor="exam-mic" className="visually-hidden">
          {t('calls.chooseInput')}
        </label>
        <select id="exam-mic" value={mic} onChange={(e) => setMic(e.target.value)}>
          <option value="">{t('calls.chooseInput')}</option>
          {mics.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {label(d, i)}
            </option>
          ))}
        </select>
        <ReasonedButton
          reason={firstReason([!live && t('why.noCall'), hasKind('stethoscope') && t('why.stethoscopeAdded')])}
          onClick={() =>
            void addStethoscope(
              mic || undefined,
              mics.some((m) => m.deviceId === mic)
                ? label(
                    mics.find((m) => m.deviceId === mic)!,
                    mics.findIndex((m) => m.deviceId === mic),
                  )
                : t('calls.streamKinds.stethoscope'),
            )
          }
        >
          {t('calls.addStethoscope')}
        </ReasonedButton>
      </div>
      {steth && (
        <p
          role="status"
          className={call.stethoscopeProblems.length > 0 ? 'error-text' : ''}
          data-testid="stethoscope-check"
        >
          {call.stethoscopeProblems.length > 0
            ? t('calls.stethoscopeProblems', { problems: call.stethoscopeProblems.join(', ') })
            : t('calls.stethoscopeClean')}
        </p>
      )}
    </section>
  );
}
