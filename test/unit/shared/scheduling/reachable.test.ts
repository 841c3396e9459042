// Whether an expert can be called now for the region's offers, on a fixed Saturday: one who serves
// only a weekday offer waits for it to open (Monday 08:00, France's time), one who also serves an
// urgent offer is always reachable, one no offer serves is not held by any hours.
import { describe, expect, it } from 'vitest';
import { closedForExpert } from '../../../../src/shared/scheduling/reachable';
import { anOffer } from '../../../helpers/offers';

const SATURDAY = new Date('2026-12-12T10:00:00Z');
const TUESDAY = new Date('2026-12-08T10:00:00Z');
const expert = (id: string, specialty: string | null = null) => ({ id, role: 'expert' as const, specialty });

const dermato = anOffer({ id: 'dermato', specialty: 'dermatologie', experts: ['dr-peau'] });
const cardio = anOffer({
  id: 'cardio',
  specialty: 'cardiologie',
  experts: ['dr-coeur'],
  hours: {
    alwaysOpen: false,
    rules: [{ days: [1], from: '14:00', to: '18:00' }],
    holidays: 'closed',
    region: 'national',
  },
});
const neuro = anOffer({ id: 'neuro-garde', specialty: 'neurologie', experts: ['dr-peau'], urgent: true });

describe('an expert reachable now', () => {
  it('waits for the soonest opening of her offers when all are closed', () => {
    expect(closedForExpert(expert('dr-peau'), [dermato], SATURDAY)).toEqual({
      opensAt: new Date('2026-12-14T07:00:00Z'),
    });
    const both = closedForExpert(
      expert('dr-coeur'),
      [dermato, { ...cardio, experts: [...cardio.experts, { id: 'dr-coeur', name: 'x' }] }],
      SATURDAY,
    );
    expect(both).toEqual({ opensAt: new Date('2026-12-14T13:00:00Z') });
  });

  it('is reachable when one of her offers is open, or urgent', () => {
    expect(closedForExpert(expert('dr-peau'), [dermato], TUESDAY)).toBeNull();
    expect(closedForExpert(expert('dr-peau'), [dermato, neuro], SATURDAY)).toBeNull();
  });

  it('is held by an offer of her specialty open to it, not by others', () => {
    expect(closedForExpert(expert('dr-autre', 'Dermatologie'), [dermato], SATURDAY)).not.toBeNull();
    expect(closedForExpert(expert('dr-autre', 'pédiatrie'), [dermato], SATURDAY)).toBeNull();
    expect(closedForExpert({ id: 'dr-peau', role: 'station', specialty: null }, [dermato], SATURDAY)).toBeNull();
  });
});
