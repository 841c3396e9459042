// The expert's agenda (issue 22, point 4) with the real hub and two real stations: the cart books a
// slot of hers; her station's agenda reads the appointment naming her from the hub (the patient as
// the appointment names her, the requesting site), keeps it, and still shows it with the hub out of
// reach; a cancellation at the cart reaches her agenda once the hub answers again. Another
// expert's station is answered none of them.
import { describe, expect, it } from 'vitest';
import { issueToken } from '../../src/hub/tokens';
import { contractValue as value } from '../helpers/contract-value';
import { DERMATOLOGY_OFFER, startDermatologyRegion } from '../helpers/dermatology-region';
import { useCleanups } from '../helpers/cleanups';
import { validatedIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';
import { SECRET, cartToken, dermToken, eventually, exp } from '../helpers/teleexpertise';

const tempDir = useTempDir();
const cleanup = useCleanups();
const OFFER = DERMATOLOGY_OFFER;
const otherExpertToken = issueToken(SECRET, {
  sub: 'dr-other',
  role: 'expert',
  name: 'Dr Autre',
  site: 'CHU de Brest',
  specialty: 'Dermatologie',
  exp,
});

describe('the expert’s agenda', () => {
  it('reads the appointments naming her from the hub, and keeps them for offline reading', async () => {
    const { hub, proxy, viaProxy, openStation, untilOnline } = await startDermatologyRegion(cleanup, tempDir);
    const cart = openStation(cartToken);
    // Her station reaches the hub's FHIR endpoint through a proxy the test cuts.
    const derm = openStation(dermToken, { fhir: viaProxy(hub.fhirUrl) });
    const other = openStation(otherExpertToken);
    await untilOnline(cart, derm, other);

    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setUTCHours(8, 0, 0, 0);
    const slot = { start: tomorrow.toISOString(), end: new Date(tomorrow.getTime() + 1800_000).toISOString() };
    const published = await value(derm, 'scheduling.publishSlots', { offerId: OFFER, slots: [slot] });
    const created = await value(cart, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('patient not created');
    const booked = await value(cart, 'scheduling.book', {
      patientId: created.patient.id,
      offerId: OFFER,
      slot: published.slots[0]!,
      reason: 'Lésion pigmentée du dos',
    });
    const day = {
      from: new Date(tomorrow.getTime() - 12 * 3600_000).toISOString(),
      to: new Date(tomorrow.getTime() + 12 * 3600_000).toISOString(),
    };
    await eventually(
      () => value(cart, 'scheduling.patientAppointments', { patientId: created.patient.id }),
      (list) => list[0]?.status === 'confirmed',
      'confirmed by the hub',
    );

    const hers = await value(derm, 'scheduling.agenda', day);
    expect(hers).toHaveLength(1);
    expect(hers[0]).toMatchObject({
      id: booked.id,
      status: 'confirmed',
      reason: 'Lésion pigmentée du dos',
      patientName: 'MARTIN JEANNE (03/12/1906)',
      expertId: 'dr-le-goff',
      offerId: OFFER,
    });
    expect(hers[0]!.siteName).toBeTruthy();
    // Another expert is answered none of hers.
    expect(await value(other, 'scheduling.agenda', day)).toEqual([]);

    // Offline, her agenda shows what was last read.
    proxy.cut();
    expect((await value(derm, 'scheduling.agenda', day)).map((a) => [a.id, a.status])).toEqual([
      [booked.id, 'confirmed'],
    ]);

    // The cart cancels; once her station reaches the hub again, her agenda says so.
    await value(cart, 'scheduling.cancelAppointment', {
      id: booked.id,
      version: booked.version,
      reason: 'Patiente hospitalisée',
    });
    await eventually(
      () => value(cart, 'scheduling.patientAppointments', { patientId: created.patient.id }),
      (list) => list[0]?.synced === true,
      'cancellation sent',
    );
    expect((await value(derm, 'scheduling.agenda', day))[0]!.status).toBe('confirmed');
    proxy.restore();
    const after = await value(derm, 'scheduling.agenda', day);
    expect(after[0]).toMatchObject({ status: 'cancelled', cancelReason: 'Patiente hospitalisée' });
  });
});
