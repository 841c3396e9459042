// The act a call is bound to, and its patient, as the station holds them: read once, and read
// again at each change of the act (a capture of the call landing in it, a consent, the attachment).
import { useEffect, useState } from 'react';
import type { CallConsent } from '../../../shared/acts/consent-channels';
import type { ChannelOutput } from '../../../shared/contract';
import type { Patient } from '../../../shared/patients/patient';
import { relais } from '../../api';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCallConsent } from './call-consent';

export interface ActOfCall {
  record: ChannelOutput<'encounters.get'>;
  patient: Patient;
}

export function useActOfCall(encounterId: string | null): ActOfCall | null {
  const [state, setState] = useState<ActOfCall | null>(null);
  useEffect(() => {
    if (!encounterId) return;
    let current = true;
    const load = async () => {
      const record = await relais.invoke('encounters.get', { id: encounterId });
      if (!record.ok) return;
      const patient = await relais.invoke('patients.get', { id: record.value.encounter.patientId });
      if (current && patient.ok) setState({ record: record.value, patient: patient.value });
    };
    void load();
    const off = relais.on('encounters.changed', (changed) => changed.id === encounterId && void load());
    return () => {
      current = false;
      off();
    };
  }, [encounterId]);
  return state?.record.encounter.id === encounterId ? state : null;
}

/** The act of the call on screen: the one it was placed from, else the one the station links to it (the consent's act). */
export function callActId(call: CurrentCall, consent: CallConsent | null): string | null {
  return call.actId ?? (consent?.source === 'local' ? consent.encounterId : null);
}

export function useCallActId(call: CurrentCall): string | null {
  return callActId(call, useCallConsent(call.callId));
}
