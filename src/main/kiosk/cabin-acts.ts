// The acts a cabin session opened, and the only acts whose prescriptions the cabin may read while
// in kiosk mode: at the end of the session the pharmacist prints what the doctor prescribed for
// this patient, and the page that holds the cabin's session reads no other act's.
import type { Handlers } from '../../shared/contract';
import { AppFailure } from '../contract/failure';

export interface CabinActsDeps {
  kioskActive: () => boolean;
  /** The act a kept prescription belongs to; null when it is not kept here. */
  actOfPrescription: (prescriptionId: string) => string | null;
}

export function createCabinActs(deps: CabinActsDeps) {
  // Forgotten when a session ends and when kiosk mode goes on or off: only the session under way.
  const opened = new Set<string>();

  // SECURITY: the kiosk gate lets the cabin's channels through whatever their payload; a patient
  // alone at the screen (a console, an injected script) could name any act's id. These reads
  // answer in kiosk mode only for an act this session opened, as encounters.get is refused there.
  function requireSessionAct(encounterId: string | null): void {
    if (!deps.kioskActive() || (encounterId !== null && opened.has(encounterId))) return;
    throw new AppFailure(
      'kiosk_mode',
      'The pharmacy cabin is in kiosk mode: it reads the prescriptions of the act its session opened, no other. ' +
        'The pharmacist leaves kiosk mode with her PIN ("Espace pharmacien") to open other acts.',
    );
  }

  return {
    forget: () => opened.clear(),
    /** The acts' handlers, with the acts created in kiosk mode remembered and the prescriptions' reads scoped to them. */
    scope(handlers: Partial<Handlers>): Partial<Handlers> {
      const {
        'encounters.create': create,
        'encounters.prescriptions': list,
        'encounters.prescriptionPdf': pdf,
      } = handlers;
      if (!create || !list || !pdf) throw new Error('cabin acts: the acts feature must answer these channels');
      return {
        ...handlers,
        'encounters.create': async (input) => {
          const act = await create(input);
          if (deps.kioskActive()) opened.add(act.id);
          return act;
        },
        'encounters.prescriptions': (input) => {
          requireSessionAct(input.id);
          return list(input);
        },
        'encounters.prescriptionPdf': (input) => {
          requireSessionAct(deps.actOfPrescription(input.prescriptionId));
          return pdf(input);
        },
      };
    },
  };
}
