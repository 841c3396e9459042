// The expert's prescription for an act held by another station (issue 21, point 5), on her station:
// signed in her signed-in name, for the patient of the act's context, and followed until the
// requesting station has it. In French telemedicine the expert (the "médecin requis") prescribes;
// the requesting site keeps the act and keeps it there (prescription-intake.ts checks it).
//
// SECURITY: the signer is never taken from the page: main asks the sign-in (her name and RPPS) and
// the hub's welcome (her hub identity); the patient's traits are those of the act's context she
// saw, never typed; main computes the SHA-256. A signed version is never changed: a correction is
// a new version naming the one it replaces, with its reason, by the same physician.
import { createHash, randomUUID } from 'node:crypto';
import type { ReportSigner } from '../../shared/acts/expert-report';
import {
  prescriptionContent,
  SignedPrescriptionSchema,
  type PrescriptionLine,
  type SignedPrescription,
} from '../../shared/acts/prescription';
import type { RemotePrescription } from '../../shared/remote-acts/prescription-channels';
import { toFieldErrors } from '../../shared/validation';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import { keptActOf, type RemoteActRepository } from './remote-act-repository';
import type { RemotePrescriptionRepository } from './remote-prescription-repository';
import { createDeliveryRecorder, type CallAnswer, type DeliveryMarks, type HubAnswer } from './signed-delivery';

export interface RemotePrescriptionServiceDeps {
  db: Db;
  acts: Pick<RemoteActRepository, 'get'>;
  prescriptions: RemotePrescriptionRepository;
  /** Each signed version also goes through the hub (sync: expert_prescription), for after the call. */
  outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Where each signed version stands at the requesting station (signed-delivery.ts). */
  marks: DeliveryMarks;
  /** Who signs: the signed-in physician and her hub identity; throws (sign_in_required) otherwise. */
  signer: () => ReportSigner;
  now: () => Date;
  /** Her prescription of this act changed (the page reloads it). */
  changed: (peerId: string, actId: string) => void;
  /** A receipt that cannot be taken (not from the station the prescription went to). */
  log: (event: string, detail: Record<string, unknown>) => void;
}

interface SignInput {
  peerId: string;
  actId: string;
  lines: PrescriptionLine[];
  replaces: string | null;
  correctionReason?: string | undefined;
}

export function createRemotePrescriptionService(deps: RemotePrescriptionServiceDeps) {
  const { db, acts, prescriptions, signer, now, changed } = deps;
  const delivery = createDeliveryRecorder({
    what: 'prescription',
    find: (id) => prescriptions.get(id),
    marks: deps.marks,
    now,
    changed,
    log: deps.log,
  });

  const actOf = (peerId: string, actId: string) => keptActOf(acts, peerId, actId);

  /** What a correction names must be a version of this act that nothing corrected yet, by her. */
  function checkCorrection(input: SignInput, rpps: string): void {
    const signed = prescriptions.signed(input.peerId, input.actId);
    if (!input.replaces) return; // several prescriptions for one act are allowed (a second one later)
    const previous = signed.find((p) => p.prescription.id === input.replaces);
    if (!previous) throw fieldFailure('replaces', 'prescription.not_of_this_act');
    if (previous.replacedBy) throw fieldFailure('replaces', 'prescription.already_replaced');
    if (!input.correctionReason?.trim()) throw fieldFailure('correctionReason', 'field.required');
    if (previous.prescription.author.rpps !== rpps)
      throw new AppFailure('forbidden', 'A prescription can only be corrected by the physician who signed it.');
  }

  return {
    prescriptions(key: { peerId: string; actId: string }): RemotePrescription[] {
      actOf(key.peerId, key.actId);
      return prescriptions.signed(key.peerId, key.actId);
    },

    sign(input: SignInput): RemotePrescription {
      const act = actOf(input.peerId, input.actId);
      const author = signer();
      checkCorrection(input, author.rpps);
      const seen = act.context.patient;
      const unsigned: Omit<SignedPrescription, 'sha256'> = {
        id: randomUUID(),
        encounterId: input.actId,
        patient: {
          birthName: seen.birthName,
          usedName: seen.usedName,
          firstName: seen.firstName,
          birthDate: seen.birthDate,
          sex: seen.sex,
        },
        lines: input.lines,
        author,
        signedAt: now().toISOString(),
        replaces: input.replaces,
        correctionReason: input.replaces ? (input.correctionReason?.trim() ?? null) : null,
      };
      const sha256 = createHash('sha256').update(prescriptionContent(unsigned)).digest('hex');
      // Parsed as the requesting station will parse it: what it would refuse is not signed here
      // (a child-only reason for an adult, a medicine without its duration).
      const parsed = SignedPrescriptionSchema.safeParse({ ...unsigned, sha256 });
      if (!parsed.success)
        throw new AppFailure(
          'validation_failed',
          'This prescription cannot be signed as it is.',
          toFieldErrors(parsed.error),
        );
      const prescription = parsed.data;
      const signed = db.transaction((): RemotePrescription => {
        checkCorrection(input, author.rpps);
        prescriptions.add(input.peerId, input.actId, prescription);
        // Signed and queued for the hub in one transaction: a crash keeps both or neither.
        deps.outbox.enqueue('expert_prescription', prescription.id, 1, 'create', prescription.signedAt);
        return { prescription, delivery: { state: 'pending' }, replacedBy: null };
      })();
      changed(input.peerId, input.actId);
      return signed;
    },

    /** What the requesting station answered over the call: filed (or already), or refused with its reason. */
    delivered(answer: CallAnswer): RemotePrescription {
      delivery.overCall(answer);
      const { peerId: _peer, actId: _act, ...kept } = prescriptions.get(answer.id)!;
      return kept;
    },

    /** What the requesting station answered through the hub, after the call (signed-delivery.ts). */
    receiptFromHub: (answer: HubAnswer, writer: string) => delivery.fromHub(answer, writer),
  };
}

export type RemotePrescriptionService = ReturnType<typeof createRemotePrescriptionService>;
