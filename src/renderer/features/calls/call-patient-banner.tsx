// The patient banner at the top of the call screen while the call is bound to an act: whom the
// photos, recordings and measurements of this call are filed under, in view for the whole call.
import { PatientBanner } from '../../ui/patient-banner';
import type { CurrentCall } from '../../webrtc/call-store';
import { useActOfCall, useCallActId } from './act-of-call';

export function CallPatientBanner({ call }: { call: CurrentCall }) {
  const act = useActOfCall(useCallActId(call));
  return act ? <PatientBanner patient={act.patient} /> : null;
}
