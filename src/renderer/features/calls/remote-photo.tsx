// Expert: "Photo" asks the cart for a still of the chosen camera (the room camera or the
// dermatoscope, named as the cart's media manifest names them); the answer is shown below: the
// photo's copy with its size, device and where it was filed, or why the cart took none.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoCamera } from '../../../shared/calls/photo-request';
import type { CurrentCall } from '../../webrtc/call-store';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { askPhoto, useExpertPhoto, type PhotoAnswer } from './expert-photo';

const CAMERAS: PhotoCamera[] = ['room', 'device'];

/** The answer as shown (a pure view: its tests render it). */
export function PhotoAnswerView({ answer, asking }: { answer: PhotoAnswer | null; asking: boolean }) {
  // While she waits, the greyed Photo button says so (its reason).
  const { t, i18n } = useTranslation();
  if (asking || !answer) return null;
  if (answer.kind === 'unanswered')
    return (
      <p role="alert" className="error-text">
        {t('photo.unanswered')}
      </p>
    );
  if (answer.kind === 'refused') {
    const key =
      answer.reason === 'no_camera' ? `photo.refused.no_camera.${answer.camera}` : `photo.refused.${answer.reason}`;
    return (
      <p role="alert" className="error-text" data-testid="photo-refused">
        {t(key, { detail: answer.detail ?? '' })}
      </p>
    );
  }
  const { photo, url } = answer;
  const time = new Date(photo.takenAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <figure className="remote-photo" data-testid="photo-taken" data-width={photo.width} data-height={photo.height}>
      <figcaption role="status">
        {t('photo.taken', {
          width: photo.width,
          height: photo.height,
          device: photo.device,
          time,
          where: t(`photo.filedIn.${photo.filedIn}`),
        })}
      </figcaption>
      {url ? (
        <img src={url} alt={t('photo.alt', { device: photo.device })} className="camera-preview" />
      ) : (
        <p className="hint">{t('photo.receiving')}</p>
      )}
    </figure>
  );
}

export function RemotePhoto({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const [camera, setCamera] = useState<PhotoCamera>('room');
  const [linkDown, setLinkDown] = useState(false);
  const { asked, answer } = useExpertPhoto();
  // The cart's own names for its cameras when its manifest gave them.
  const label = (kind: PhotoCamera) =>
    call.remoteStreams.find((r) => r.kind === kind && r.label)?.label ?? t(`photo.cameras.${kind}`);
  return (
    <section className="card" aria-labelledby="remote-photo-title">
      <h2 id="remote-photo-title">{t('photo.title')}</h2>
      <p className="hint">{t('photo.hint')}</p>
      <div className="button-row">
        <label>
          {t('photo.camera')}{' '}
          <select value={camera} onChange={(e) => setCamera(e.target.value as PhotoCamera)}>
            {CAMERAS.map((kind) => (
              <option key={kind} value={kind}>
                {label(kind)}
              </option>
            ))}
          </select>
        </label>
        <ReasonedButton
          className="primary"
          reason={firstReason([
            call.phase !== 'connected' && t('photo.whyNotConnected'),
            asked !== null && t('photo.asking'),
          ])}
          onClick={() => setLinkDown(!askPhoto(camera))}
        >
          {t('photo.take')}
        </ReasonedButton>
      </div>
      {linkDown && (
        <p role="alert" className="error-text">
          {t('photo.linkDown')}
        </p>
      )}
      <PhotoAnswerView answer={answer} asking={asked !== null} />
    </section>
  );
}
