// Issue 22, booking end to end: the region's coordinator publishes the dermatology offer from her
// station (through the channel her "Offres de la région" screen uses; coordinator.spec.ts drives
// the screen itself, rota included); the expert publishes her slots from "Mes disponibilités"; at a
// cart's 1366x768 screen the nurse books one from the patient's screen while the cart cannot reach
// the hub's FHIR endpoint (a cut proxy): « en attente de confirmation »; the hub back, « confirmé
// »; the agenda shows it by day and week, and the expert's agenda, read from the hub; both homes
// remind on their page's mocked clock; on the cart's home, at the page's mocked clock, the reminder
// appears 15 minutes before, and at the time "Ouvrir l'acte et appeler" opens a téléconsultation
// act with the appointment's reason and rings the expert. Screenshots of each screen are left in
// test-results/booking/ for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startHub, type RunningHub } from '../../src/hub/server';
import { parisClock, parisInstant } from '../../src/shared/scheduling/opening-hours';
import { anOffer } from '../helpers/offers';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { HUB_SECRET, token } from './call-fixture';
import { startStation, type RunningStation } from './station-host';
import { connectStationClient } from './station-client';
import { createYvonneLeBihan } from './patient-page';
import { answerWhoIAm } from './author';

const CART = { sub: 'cart-ehpad-3', name: 'Chariot EHPAD 3', site: 'EHPAD Les Tilleuls' };
const EXPERT = { sub: 'dr-kerleau', name: 'Dr Kerleau', site: 'CHU de Brest', specialty: 'dermatologie' };
const COORDINATOR = { sub: 'coordination-bretagne', name: 'Coordination régionale', site: 'GRADeS Bretagne' };
const DERMATOLOGY = anOffer({
  id: 'derm-brest',
  specialty: 'dermatologie',
  specialtyCode: 'SM15',
  hospital: 'CHU de Brest',
  acts: ['teleconsultation'],
  hours: { alwaysOpen: false, rules: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }], holidays: 'open' },
  experts: [{ id: EXPERT.sub, name: EXPERT.name }],
});
const SHOTS = path.resolve('test-results/booking');

test.describe.configure({ timeout: 180_000 });

let hub: RunningHub;
let proxy: TcpProxy;
const stations: RunningStation[] = [];
const contexts: BrowserContext[] = [];
const dirs: string[] = [];

test.beforeAll(async () => {
  hub = await startHub({
    secret: HUB_SECRET,
    turnSecret: 'unused',
    turnUrls: [],
    offers: [],
  });
  proxy = await startTcpProxy(hub.port);
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const s of stations) await s.stop();
  await proxy?.close();
  await hub?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function station(name: string, env: NodeJS.ProcessEnv): Promise<RunningStation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `relais-e2e-${name}-`));
  dirs.push(dir);
  const started = await startStation(dir, { RELAIS_HUB_URL: hub.url, RELAIS_DEVICES: 'none', ...env });
  stations.push(started);
  return started;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('the nurse books offline, the hub confirms it, and the reminder starts the call at the time', async ({
  browser,
}) => {
  // The coordinator publishes the offer: every day, all day (the slots are soon, whatever the hour).
  const coordinator = await station('coordinator', { RELAIS_HUB_TOKEN: token(COORDINATOR, 'coordinator') });
  const coordinatorClient = await connectStationClient(coordinator.url);
  await expect
    .poll(
      // Until her station is on the hub (hub_unavailable before).
      () =>
        coordinatorClient.value('scheduling.publishOffer', { offer: DERMATOLOGY }).then(
          ({ offers }) => offers.map((o) => o.id),
          () => [],
        ),
      { timeout: 20_000 },
    )
    .toEqual(['derm-brest']);
  coordinatorClient.close();

  const expert = await station('expert', { RELAIS_HUB_TOKEN: token(EXPERT, 'expert'), RELAIS_FHIR_URL: hub.fhirUrl });
  // The cart reaches the hub's FHIR endpoint through a proxy the test cuts: the network drop of a cart.
  const cartFhir = hub.fhirUrl.replace(`:${hub.port}/`, `:${proxy.port}/`);
  const cart = await station('cart', { RELAIS_HUB_TOKEN: token(CART, 'station'), RELAIS_FHIR_URL: cartFhir });

  // The expert's three slots, soon (a slot already begun is not booked), in Paris time; when the
  // 90 minutes they span (and the reminder before them) would cross midnight in Paris, tomorrow at
  // 09:00 instead, so that they are one day's slots and the agenda shows that day.
  const paris = (at: Date, options: Intl.DateTimeFormatOptions) =>
    at.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', ...options });
  const parisDay = (at: Date) => paris(at, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const soon = new Date(Math.ceil((Date.now() + 30 * 60_000) / 300_000) * 300_000);
  const sameDay = parisDay(new Date(soon.getTime() - 20 * 60_000)) === parisDay(new Date(soon.getTime() + 90 * 60_000));
  const tomorrow = new Date(Date.parse(`${parisClock(new Date()).day}T00:00:00Z`) + 86_400_000);
  const first = sameDay ? soon : parisInstant(tomorrow.toISOString().slice(0, 10), 9 * 60);
  const slotsTomorrow = parisDay(first) !== parisDay(new Date());
  const hhmm = (at: Date) => paris(at, { hour: '2-digit', minute: '2-digit' });

  const open = async (url: string) => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1366, height: 768 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  const nurse = await open(cart.url);
  const doctor = await open(expert.url);

  // She publishes them from "Mes disponibilités" (the coordinator's offer names her).
  await doctor.getByRole('navigation').getByRole('button', { name: 'Agenda' }).click();
  await doctor.getByRole('button', { name: 'Mes disponibilités' }).click();
  await doctor
    .getByLabel('Jour (JJ/MM/AAAA)')
    .fill(paris(first, { day: '2-digit', month: '2-digit', year: 'numeric' }));
  await doctor.getByLabel('De', { exact: true }).fill(hhmm(first));
  await doctor.getByLabel('À', { exact: true }).fill(hhmm(new Date(first.getTime() + 90 * 60_000)));
  await doctor.getByLabel('Durée d’un créneau').selectOption({ label: '30 minutes' });
  await doctor.getByRole('button', { name: 'Publier les créneaux' }).click();
  await expect(doctor.getByTestId('availability-published')).toHaveText(
    '3 créneaux publiés : les sites de la région peuvent les réserver.',
  );
  await shot(doctor, 'expert-availability');

  await createYvonneLeBihan(nurse);
  await expect(nurse.getByRole('region', { name: 'Rendez-vous' })).toContainText('Aucun rendez-vous pour ce patient.');
  await shot(nurse, 'patient-screen');
  await nurse.getByRole('button', { name: 'Prendre rendez-vous' }).click();
  await expect(nurse.getByRole('heading', { name: 'Prendre rendez-vous', level: 1 })).toBeVisible();
  await nurse.getByLabel('Offre de téléconsultation').selectOption({ label: 'dermatologie — CHU de Brest' });
  const slots = nurse.getByRole('group', { name: 'Créneaux libres des 7 prochains jours' });
  await expect(slots.getByRole('radio')).toHaveCount(3);
  await expect(slots).toContainText('avec Dr Kerleau');

  // The network drops: the slots already shown can still be booked; the booking waits.
  proxy.cut();
  await slots.getByRole('radio').first().check();
  await nurse.getByLabel('Motif', { exact: true }).fill('Lésion pigmentée du dos');
  await nurse.getByRole('button', { name: 'Réserver', exact: true }).click();
  const result = nurse.getByTestId('booking-result');
  await expect(result).toContainText('en attente de confirmation');
  await shot(nurse, 'booking-pending');

  // Offline, choosing another offer's slots says that they cannot be read.
  await nurse.getByLabel('Offre de téléconsultation').selectOption({ label: 'Choisissez une offre' });
  await nurse.getByLabel('Offre de téléconsultation').selectOption({ label: 'dermatologie — CHU de Brest' });
  await expect(nurse.getByTestId('booking-offline')).toContainText(
    'Une réservation déjà faite sera confirmée au retour du réseau.',
  );
  await shot(nurse, 'booking-offline');

  // The hub back: the sync sends the booking and the hub confirms it.
  proxy.restore();
  const cartClient = await connectStationClient(cart.url);
  await expect
    .poll(
      async () => {
        await cartClient.value('sync.now', {}).catch(() => null);
        return (await result.textContent()) ?? '';
      },
      { timeout: 30_000 },
    )
    .toContain('confirmé');
  cartClient.close();
  await shot(nurse, 'booking-confirmed');

  await nurse.getByRole('button', { name: '← Retour au patient' }).click();
  const mine = nurse.getByTestId('patient-appointment');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('confirmé');
  await expect(mine.getByRole('button', { name: 'Déplacer' })).toBeVisible();
  await mine.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expect(nurse.getByLabel('Motif de l’annulation')).toBeVisible();
  await shot(nurse, 'patient-appointments-cancel');
  await nurse.getByRole('button', { name: 'Fermer' }).click();

  await nurse.getByRole('navigation').getByRole('button', { name: 'Agenda' }).click();
  if (slotsTomorrow) await nurse.getByRole('button', { name: 'Suivant' }).click();
  const period = nurse.getByTestId('agenda-period');
  await expect(nurse.getByTestId('agenda-appointment')).toContainText('LE BIHAN YVONNE, né(e) le 17/02/1941');
  await shot(nurse, 'agenda-day');
  await nurse.getByRole('button', { name: 'Semaine' }).click();
  await expect(period).toContainText('Semaine du lundi');
  await expect(nurse.getByTestId('agenda-appointment')).toHaveCount(1);
  await shot(nurse, 'agenda-week');

  // Her agenda reads it from the hub, the patient as the appointment names her.
  await doctor.getByRole('button', { name: '← Agenda' }).click();
  if (slotsTomorrow) await doctor.getByRole('button', { name: 'Suivant' }).click();
  await expect(doctor.getByTestId('agenda-appointment')).toContainText('LE BIHAN YVONNE (17/02/1941)');
  await shot(doctor, 'expert-agenda');
  // Her home reminds her too, on her page's mocked clock.
  await doctor.clock.install({ time: new Date(first.getTime() - 14 * 60_000) });
  await doctor.reload();
  const hers = doctor.getByRole('region', { name: 'Rendez-vous du jour' });
  await expect(hers.getByTestId('reminder')).toContainText('Rappel : rendez-vous à');
  await expect(hers.getByTestId('reminder')).toContainText('LE BIHAN YVONNE (17/02/1941)');
  await shot(doctor, 'expert-home-reminder');

  // The page's clock, mocked: 16 minutes before, no reminder; 15 minutes before, the reminder.
  await nurse.clock.install({ time: new Date(first.getTime() - 16 * 60_000) });
  await nurse.reload();
  const today = nurse.getByRole('region', { name: 'Rendez-vous du jour' });
  await expect(today.getByTestId('today-appointment')).toContainText('LE BIHAN YVONNE');
  await expect(today.getByTestId('reminder')).toHaveCount(0);
  await nurse.clock.fastForward('01:05');
  await expect(today.getByTestId('reminder')).toContainText('Rappel : rendez-vous à');
  await shot(nurse, 'home-reminder');
  await today.getByRole('button', { name: 'J’ai vu' }).click();
  await expect(today.getByTestId('reminder')).toHaveCount(0);

  // At the time: the act is opened (a téléconsultation act with the appointment's reason) and the expert rung.
  await nurse.clock.fastForward('15:00');
  const due = today.getByTestId('reminder-due');
  await expect(due).toBeVisible();
  await shot(nurse, 'home-due');
  await due.getByRole('button', { name: 'Ouvrir l’acte et appeler' }).click();
  await answerWhoIAm(nurse, 'IDE Morvan');
  await expect(nurse.getByText('Lésion pigmentée du dos').first()).toBeVisible();
  const ring = doctor.getByRole('alertdialog');
  await expect(ring).toContainText(`Appel entrant de ${CART.name}`, { timeout: 20_000 });
  await expect(ring).toContainText('Lésion pigmentée du dos');
  await shot(nurse, 'call-from-reminder');
});
