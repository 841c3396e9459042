// "Ouvrir l'acte et appeler" at an appointment's time (issue 22, point 3): the appointment's act (the
// act it follows up, or the one opened at a previous press), else a new téléconsultation act for the
// patient with the appointment's reason, kept on the appointment; then the expert is rung for that
// act (calls.ringForAct through the calls feature), so that the call is bound to it at its ring.
import type { Appointment } from '../../../shared/scheduling/appointment';
import type { Offer } from '../../../shared/scheduling/offer';
import { expertNameIn } from '../../../shared/scheduling/offer';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { asProfessional, needAuthor } from '../../ui/author-store';

export type OpenActResult = { ok: true; encounterId: string } | { ok: false; error: AppError | null };

export async function actOfAppointment(a: Appointment, offer: Offer | undefined, site: string): Promise<OpenActResult> {
  if (a.encounterId) return { ok: true, encounterId: a.encounterId };
  const author = await needAuthor();
  if (!author) return { ok: false, error: null };
  const created = await relais.invoke('encounters.create', {
    patientId: a.patientId,
    act: 'teleconsultation',
    assisted: true,
    requester: asProfessional(author),
    expert: {
      name: offer ? expertNameIn(offer, a.expertId) : a.expertId,
      role: 'physician',
      specialty: offer?.specialty ?? null,
      hubId: a.expertId,
    },
    site: site || (offer?.hospital ?? '—'),
    specialty: offer?.specialty ?? null,
    reason: a.reason,
  });
  if (!created.ok) return { ok: false, error: created.error };
  const linked = await relais.invoke('scheduling.linkAct', { id: a.id, encounterId: created.value.id });
  if (!linked.ok) return { ok: false, error: linked.error };
  // Another press meanwhile may have kept its own act first: the appointment says which one counts.
  return { ok: true, encounterId: linked.value.encounterId ?? created.value.id };
}
