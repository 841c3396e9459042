// The stroke sheet in the call. The requesting site picks the patient and her act (or opens
// one for this call) and shows its sheet; both sides then work on the same sheet. On the
// neurologist's side each NIHSS item has a button that turns the cart's camera to the view the
// item is examined on, while the nurse lets her steer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import type { StrokeChangeInput } from '../../../shared/stroke/sheet';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { toFrenchDate } from '../../ui/parse-search';
import { PatientSummary } from '../../ui/patient-summary';
import { steer } from './call-controller';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCalls } from '../../webrtc/call-store';
import { PatientPicker } from './patient-picker';
import { changeStroke, shareStroke, useSharedStroke } from './shared-stroke';
import { OpenActsChooser } from './open-acts-chooser';
import { useSlots } from '../../ui/slots';
import { AuthorLine } from '../../ui/author-line';
import { needAuthor } from '../../ui/author-store';

const patientLabel = (p: Patient) => `${p.birthName.toUpperCase()} ${p.firstName}, ${toFrenchDate(p.birthDate)}`;

function ActChooser({ patient, call }: { patient: Patient; call: CurrentCall }) {
  const { t } = useTranslation();
  const site = useCalls((s) => s.hub.you?.site ?? '');
  const [error, setError] = useState<AppError | null>(null);
  async function create(requester: Professional) {
    const r = await relais.invoke('encounters.create', {
      patientId: patient.id,
      act: 'teleconsultation',
      assisted: false,
      requester,
      expert: { name: call.remote.name, role: 'physician', specialty: 'neurologie' },
      site: site || call.remote.site,
      specialty: 'neurologie',
      reason: call.reason ?? t('strokeCall.defaultReason'),
      callId: call.callId,
    });
    if (!r.ok) return setError(r.error);
    await shareStroke(r.value.id, patientLabel(patient), patient.birthDate);
  }
  const texts = {
    acts: t('strokeCall.acts'),
    useAct: t('strokeCall.useAct'),
    newAct: t('strokeCall.newAct'),
    requester: t('strokeCall.requester'),
  };
  const use = (act: Encounter) => shareStroke(act.id, patientLabel(patient), patient.birthDate);
  return (
    <div>
      <OpenActsChooser patient={patient} texts={texts} onUse={use} onCreate={create} />
      <ActError error={error} />
    </div>
  );
}

/** On the site, the change is recorded in the name of the session's author; the neurologist's is sent to the site. */
async function changeAsAuthor(change: StrokeChangeInput, neurologist: boolean): Promise<void> {
  if (neurologist) return changeStroke(change, '');
  const author = await needAuthor();
  if (author) await changeStroke(change, author.name);
}

export function StrokeCallPanel({ call, isCart }: { call: CurrentCall; isCart: boolean }) {
  const { StrokeError, StrokeSheetView } = useSlots();
  const { t } = useTranslation();
  const { stroke, error } = useSharedStroke();
  const [choosing, setChoosing] = useState(false);
  const [patient, setPatient] = useState<Patient | null>(null);

  if (!stroke) {
    if (!isCart) return null;
    return (
      <section className="card" aria-labelledby="stroke-call-title">
        <h2 id="stroke-call-title">{t('strokeCall.title')}</h2>
        {!choosing && (
          <button type="button" onClick={() => setChoosing(true)}>
            {t('strokeCall.start')}
          </button>
        )}
        {choosing && !patient && <PatientPicker onPick={setPatient} />}
        {patient && (
          <>
            <p>
              <PatientSummary patient={patient} />
            </p>
            <ActChooser patient={patient} call={call} />
          </>
        )}
      </section>
    );
  }

  const neurologist = stroke.role === 'neurologist';
  return (
    <section className="card" aria-labelledby="stroke-call-title">
      <h2 id="stroke-call-title">{t('strokeCall.sheetOf', { patient: stroke.patient })}</h2>
      {error === 'disconnected' ? (
        <p role="alert" className="error-text">
          {t('errors.disconnected')}
        </p>
      ) : (
        <StrokeError error={error} />
      )}
      {!neurologist && <AuthorLine />}
      {neurologist && !call.controlGranted && <p className="hint">{t('strokeCall.cameraNotGranted')}</p>}
      <div className="plain-fieldset">
        <StrokeSheetView
          sheet={stroke.sheet}
          birthDate={stroke.birthDate}
          onChange={(change) => void changeAsAuthor(change, neurologist)}
          presets={neurologist ? call.remoteCamera.presets : undefined}
          onPreset={
            neurologist && call.controlGranted
              ? (preset) => steer({ type: 'camera', command: { type: 'preset_recall', preset } })
              : undefined
          }
        />
      </div>
    </section>
  );
}
