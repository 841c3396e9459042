// Hours enforced on the hub's queue across France's public holidays (issue 22: "hours rules
// including the French public holidays of a year, checked against the official list for 2026 and
// 2027"). The lists below are written out from the official ones, not computed: service-public.fr,
// "Jours fériés 2026" and "Jours fériés 2027" (Direction de l'information légale et
// administrative), the eleven national days of article L. 3133-1 of the code du travail.
// With the hub's clock at 10:00 in Paris on each of them, an offer open every day from 08:00 to
// 18:00 but closed on public holidays refuses a station's queue.join (offer_closed, saying when it
// opens); the same offer accepts it at 10:00 on an ordinary day; an urgent offer accepts always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { HUB_PROTOCOL, type ServerMessage } from '../../src/shared/hub-protocol';
import { publicHolidays } from '../../src/shared/scheduling/french-holidays';
import { parisInstant } from '../../src/shared/scheduling/opening-hours';
import { anOffer } from '../helpers/offers';

const OFFICIAL_2026 = [
  ['2026-01-01', 'Jour de l’an'],
  ['2026-04-06', 'Lundi de Pâques'],
  ['2026-05-01', 'Fête du Travail'],
  ['2026-05-08', 'Victoire 1945'],
  ['2026-05-14', 'Ascension'],
  ['2026-05-25', 'Lundi de Pentecôte'],
  ['2026-07-14', 'Fête nationale'],
  ['2026-08-15', 'Assomption'],
  ['2026-11-01', 'Toussaint'],
  ['2026-11-11', 'Armistice 1918'],
  ['2026-12-25', 'Noël'],
];
const OFFICIAL_2027 = [
  ['2027-01-01', 'Jour de l’an'],
  ['2027-03-29', 'Lundi de Pâques'],
  ['2027-05-01', 'Fête du Travail'],
  ['2027-05-06', 'Ascension'],
  ['2027-05-08', 'Victoire 1945'],
  ['2027-05-17', 'Lundi de Pentecôte'],
  ['2027-07-14', 'Fête nationale'],
  ['2027-08-15', 'Assomption'],
  ['2027-11-01', 'Toussaint'],
  ['2027-11-11', 'Armistice 1918'],
  ['2027-12-25', 'Noël'],
];

/** Every day, so that a holiday on a Saturday or a Sunday is refused for being a holiday, not a weekend. */
const EVERY_DAY_CLOSED_ON_HOLIDAYS = anOffer({
  id: 'mg-every-day',
  hours: {
    alwaysOpen: false,
    rules: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '18:00' }],
    holidays: 'closed',
    region: 'national',
  },
});
/** The plain weekday offer (Monday to Friday, 08:00–18:00, closed on holidays). */
const WEEKDAYS = anOffer({ id: 'mg-weekdays' });
const URGENT = anOffer({ id: 'neuro-avc', specialty: 'neurologie', urgent: true });

const tenInParis = (day: string) => parisInstant(day, 10 * 60).getTime();
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

let hub: RunningHub;
let clock = Date.now();
let cabin: { send(m: unknown): void; next(): Promise<ServerMessage> };

beforeAll(async () => {
  hub = await startHub({
    secret: 'holiday-secret',
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [EVERY_DAY_CLOSED_ON_HOLIDAYS, WEEKDAYS, URGENT],
    ratePerSecond: 500,
    burst: 500,
    now: () => clock,
  });
  const token = issueToken('holiday-secret', {
    sub: 'cabin-1',
    role: 'station',
    name: 'Pharmacie du Port',
    site: 'Pharmacie du Port',
    specialty: null,
    exp: Math.floor(Date.parse('2028-06-01T00:00:00Z') / 1000),
  });
  const ws = new WebSocket(hub.url, [HUB_PROTOCOL, `token.${token}`]);
  const inbox: ServerMessage[] = [];
  const waiting: (() => void)[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as ServerMessage;
    // What this test asks about: refusals, places, and leaving.
    if (m.type === 'error' || m.type === 'queue.place' || m.type === 'queue.left') inbox.push(m);
    waiting.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  cabin = {
    send: (m) => ws.send(JSON.stringify(m)),
    next: async () => {
      while (inbox.length === 0) await new Promise<void>((r) => waiting.push(r));
      return inbox.shift()!;
    },
  };
});
afterAll(async () => hub.close());

/** Joins at an instant and says what the hub answered; a place is given up at once. */
async function joinAt(instant: number, offerId: string): Promise<ServerMessage> {
  clock = instant;
  cabin.send({ type: 'queue.join', offerId, reason: 'Téléconsultation' });
  const answer = await cabin.next();
  if (answer.type === 'queue.place') {
    cabin.send({ type: 'queue.leave', offerId });
    expect(await cabin.next()).toMatchObject({ type: 'queue.left', reason: 'left' });
  }
  return answer;
}

describe.each([
  ['2026', OFFICIAL_2026],
  ['2027', OFFICIAL_2027],
])('the public holidays of %s', (year, holidays) => {
  it('are the official list', () => {
    expect(publicHolidays(Number(year)).map((h) => [h.day, h.name])).toEqual(holidays);
  });

  it.each(holidays)(
    '%s (%s): closed at 10:00 for the queue, open the day before if it is not a holiday',
    async (day) => {
      const refused = await joinAt(tenInParis(day), 'mg-every-day');
      expect(refused).toMatchObject({ type: 'error', code: 'offer_closed' });
      expect((refused as Extract<ServerMessage, { type: 'error' }>).message).toMatch(
        /It opens on \w+ \d+ \w+ at 08:00 \(Paris time\)/,
      );
      expect(await joinAt(tenInParis(day), 'mg-weekdays')).toMatchObject({ type: 'error', code: 'offer_closed' });
      expect(await joinAt(tenInParis(day), 'neuro-avc')).toMatchObject({ type: 'queue.place', position: 1 });
      const before = dayBefore(day);
      if (!holidays.some(([d]) => d === before))
        expect(await joinAt(tenInParis(before), 'mg-every-day')).toMatchObject({ type: 'queue.place', position: 1 });
    },
  );
});

it('accepts the weekday offer at 10:00 on an ordinary weekday, and refuses it on a Sunday', async () => {
  expect(await joinAt(tenInParis('2026-12-08'), 'mg-weekdays')).toMatchObject({ type: 'queue.place', position: 1 });
  expect(await joinAt(tenInParis('2027-06-16'), 'mg-weekdays')).toMatchObject({ type: 'queue.place', position: 1 });
  expect(await joinAt(tenInParis('2026-12-13'), 'mg-weekdays')).toMatchObject({ type: 'error', code: 'offer_closed' });
});
