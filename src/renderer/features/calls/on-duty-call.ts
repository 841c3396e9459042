// The urgent call of a tele-stroke alert (or any urgent offer's): the escalation runner
// (escalation-runner.ts) wired to this page's call controller, its hub state and the station.
import { create } from 'zustand';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { cancel, ring } from './call-controller';
import { createEscalationRunner, type Escalation } from './escalation-runner';

export type { Escalation } from './escalation-runner';

export const useEscalation = create<{ escalation: Escalation | null }>(() => ({ escalation: null }));

const runner = createEscalationRunner({
  api: relais,
  calls: useCalls,
  state: useEscalation,
  ring,
  cancel,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});

export const callOnDuty = runner.callOnDuty;
export const dismissEscalation = runner.dismiss;
