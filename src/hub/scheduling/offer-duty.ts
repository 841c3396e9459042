// Who is on duty for an offer at an instant, as the hub answers `offer.duty` (issue 22, point 4):
// the rota's line for the instant (an exception, the weekly pattern, or a public holiday on the
// Sunday lines), else the experts the offer names, in order; each with the name the offer gives
// her and whether she is connected to the hub now; and how long each rings before the next.
import type { ServerMessage } from '../../shared/hub-protocol';
import { escalationDelaySeconds, expertNameIn, offerExpertIds, type Offer } from '../../shared/scheduling/offer';
import { onDutyAt, type OnDuty } from '../../shared/scheduling/rota';

export type DutyAnswer = Extract<ServerMessage, { type: 'offer.duty' }>;

function sourceOf(offer: Offer, duty: OnDuty | null): DutyAnswer['source'] {
  switch (duty?.source.kind) {
    case 'exception': {
      // The coordinator's words say why ("congé"); her exception's id when she wrote none.
      const id = duty.source.id;
      const exception = offer.rota?.exceptions.find((e) => e.id === id);
      return { kind: 'exception', detail: exception?.note || id };
    }
    case 'holiday':
      return { kind: 'holiday', detail: duty.source.name };
    case 'weekly':
      return { kind: 'weekly', detail: '' };
    default:
      return { kind: offer.experts.length > 0 ? 'experts' : 'none', detail: '' };
  }
}

export function dutyAnswer(offer: Offer, at: Date, isOnline: (peerId: string) => boolean): DutyAnswer {
  const duty = offer.rota ? onDutyAt(offer.rota, at, offer.hours.region) : null;
  const covered = duty !== null && duty.experts.length > 0;
  const ids = covered ? duty.experts : offerExpertIds(offer);
  return {
    type: 'offer.duty',
    offerId: offer.id,
    at: at.toISOString(),
    experts: ids.map((id) => ({ id, name: expertNameIn(offer, id), online: isOnline(id) })),
    source: sourceOf(offer, covered ? duty : null),
    escalateAfterSeconds: escalationDelaySeconds(offer),
  };
}
