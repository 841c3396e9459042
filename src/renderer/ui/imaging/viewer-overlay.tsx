// What is written over the image, as on a radiology console: whose images they are on this
// station (the record's patient, and the name the images carry when it differs), the study's
// date, and at each edge the patient's direction there (D/G, A/P, H/B in French), from the
// frame's own orientation; without one, no marker and a sentence saying so.
import { useTranslation } from 'react-i18next';
import { edgeMarkers, type ImageOrientation } from '../../../shared/imaging/image-orientation';
import { displayDate, personName } from './dicom-display';

/** The series' patient and study, for a series of this station (a series shared in a call has none). */
export interface OverlayInfo {
  patient: { birthName: string; usedName: string | null; firstName: string; birthDate: string; sex: string };
  study: { date: string | null; dicomPatientName: string | null; mismatchAcceptedBy: string | null };
  modality: string | null;
}

const BORN_KEY: Record<string, string> = { M: 'imagingSafety.viewer.born', F: 'imagingSafety.viewer.bornF' };

export function ViewerOverlay({
  info,
  orientation,
}: {
  info: OverlayInfo | null;
  orientation: ImageOrientation | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const letters = (text: string) => [...text].map((l) => t(`imagingSafety.viewer.markers.${l}`)).join('');
  const markers = orientation ? edgeMarkers(orientation) : null;
  const patient = info?.patient;
  return (
    <div className="viewer-overlay" aria-label={t('imagingSafety.viewer.overlay')} role="group">
      {info && patient && (
        <>
          <p className="overlay-corner top-left" data-testid="overlay-patient">
            <strong>
              {patient.birthName} {patient.firstName}
            </strong>
            {patient.usedName && patient.usedName !== patient.birthName ? ` (${patient.usedName})` : ''}
            <br />
            {t(BORN_KEY[patient.sex] ?? 'imagingSafety.viewer.bornI', {
              date: displayDate(patient.birthDate, i18n.language),
            })}
            {info.study.mismatchAcceptedBy && (
              <>
                <br />
                <span className="overlay-warning">
                  {t('imagingSafety.viewer.studyInNameOf', {
                    name: personName(info.study.dicomPatientName),
                    by: info.study.mismatchAcceptedBy,
                  })}
                </span>
              </>
            )}
          </p>
          <p className="overlay-corner top-right" data-testid="overlay-study">
            {info.study.date
              ? t('imagingSafety.viewer.studyDate', { date: displayDate(info.study.date, i18n.language) })
              : t('imagingSafety.viewer.noStudyDate')}
            {info.modality ? ` — ${info.modality}` : ''}
          </p>
        </>
      )}
      {markers &&
        (['left', 'right', 'top', 'bottom'] as const).map((edge) => (
          <span key={edge} className={`overlay-marker ${edge}`} data-testid={`marker-${edge}`}>
            {letters(markers[edge])}
          </span>
        ))}
    </div>
  );
}

/** Under the image: what the markers mean, or that there are none. */
export function MarkersLegend({ orientation }: { orientation: ImageOrientation | null | undefined }) {
  const { t } = useTranslation();
  return (
    <p className="hint">
      {orientation ? t('imagingSafety.viewer.markersLegend') : t('imagingSafety.viewer.noOrientation')}
    </p>
  );
}
