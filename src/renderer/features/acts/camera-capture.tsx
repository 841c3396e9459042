// A photo for the act straight from a camera or a UVC dermatoscope plugged into the station: pick
// the camera, see its picture, take the still (with the screen's button, or the dermatoscope's
// own capture button when its HID profile names one). The still is kept at the camera's full
// resolution, as PNG, and the camera is released as soon as the panel closes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { captureSnapshot } from '../../webrtc/snapshot';
import { uploadAttachment } from '../../webrtc/upload-attachment';
import { useDevices } from '../../ui/devices-store';
import { errorLines } from '../../ui/error-line';
import { humanInputLabel } from '../../ui/media-labels';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

export function CameraCapture({
  encounterId,
  onDone,
}: {
  encounterId: string;
  onDone: (error: AppError | null) => void;
}) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState('');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const numberedCamera = (n: number) => t('acts.camera.numbered', { n });

  useEffect(() => {
    let current: MediaStream | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const opened = await navigator.mediaDevices.getUserMedia({
          video: cameraId ? { deviceId: { exact: cameraId }, width: { ideal: 1920 } } : { width: { ideal: 1920 } },
          audio: false,
        });
        if (cancelled) return opened.getTracks().forEach((track) => track.stop());
        current = opened;
        setStream(opened);
        setProblem(null);
        // Labels are only readable once a camera is open.
        setCameras((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput'));
      } catch (error) {
        setProblem(t('acts.camera.unavailable', { reason: (error as Error).message }));
      }
    })();
    return () => {
      cancelled = true;
      current?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraId, t]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  async function take() {
    if (!stream || busy) return;
    const author = await needAuthor();
    if (!author) return;
    setBusy(true);
    try {
      const { png } = await captureSnapshot(stream);
      // The photo's device as people read it: never the browser's id-like label ("fake_device_0").
      const track = stream.getVideoTracks()[0];
      const index = Math.max(
        0,
        cameras.findIndex((c) => c.deviceId === track?.getSettings().deviceId),
      );
      const label = humanInputLabel({ label: track?.label ?? '', index, numbered: numberedCamera });
      const result = await uploadAttachment(
        relais,
        {
          encounterId,
          kind: 'snapshot',
          mime: 'image/png',
          title: title.trim() || null,
          bodySite: null,
          device: label.slice(0, 200),
          author: author.name,
          takenAt: new Date().toISOString(),
        },
        png,
      );
      if (!result.ok) return setProblem(errorLines(t, result.error).join(' '));
      setTitle('');
      onDone(null);
    } catch (error) {
      setProblem(t('acts.camera.failed', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  // The dermatoscope's own capture button (a HID peripheral event) takes the photo too.
  const lastPress = useDevices((s) =>
    Object.values(s.lastEvents).find((e) => e.control === 'capture' && e.type === 'pressed'),
  );
  const seen = useRef(lastPress?.at);
  const takeRef = useRef(take);
  useEffect(() => {
    takeRef.current = take;
  });
  useEffect(() => {
    if (!lastPress || lastPress.at === seen.current) return;
    seen.current = lastPress.at;
    void takeRef.current();
  }, [lastPress]);

  return (
    <section className="camera-capture" aria-label={t('acts.camera.title')}>
      {cameras.length > 0 && (
        <label>
          {t('acts.camera.which')}
          <select value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
            {cameras.map((c, i) => (
              <option key={c.deviceId} value={c.deviceId}>
                {humanInputLabel({ label: c.label, index: i, numbered: numberedCamera })}
              </option>
            ))}
          </select>
        </label>
      )}
      <video ref={video} autoPlay muted playsInline aria-label={t('acts.camera.preview')} className="camera-preview" />
      <label>
        {t('acts.camera.photoTitle')}
        <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <AuthorLine />
      <ReasonedButton
        className="primary"
        reason={firstReason([!stream && t('why.noCamera'), busy && t('why.busy')])}
        onClick={() => void take()}
      >
        {t('acts.camera.take')}
      </ReasonedButton>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
