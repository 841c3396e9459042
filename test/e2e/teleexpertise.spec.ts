// Asynchronous téléexpertise between two stations on one regional hub: the cart, cut from the
// region (a TCP proxy between it and the hub, so that the hub keeps its data), builds an urgent
// request for a dermatologist with two photos (real PNGs, with the patient's consent to taking and
// sharing them) and a heart sound, and sends it; the link comes back and
// the sync takes it out; the dermatologist's inbox shows it with its urgency, she opens it, sees
// both photos, asks for one more, which the cart sends with its answer; she answers; the cart
// shows her answer and the status "répondue".
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { openPatient } from './patient-page';
import { connectStationClient, type StationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm, answerWhoIAm } from './author';
import { anOffer } from '../helpers/offers';

const SECRET = 'e2e-expertise-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
const cartToken = issueToken(SECRET, {
  sub: 'cart-tilleuls',
  role: 'station',
  name: 'Chariot EHPAD 2',
  site: 'EHPAD Les Tilleuls',
  specialty: null,
  exp,
});
const dermToken = issueToken(SECRET, {
  sub: 'dr-le-goff',
  role: 'expert',
  name: 'Dr Le Goff',
  site: 'CHU de Brest',
  specialty: 'Dermatologie',
  exp,
});
const QUESTION = 'Naevus du dos modifié en 3 mois : exérèse ?';

let hub: RunningHub;
let proxy: TcpProxy;
let cart: RunningStation;
let derm: RunningStation;
let cartClient: StationClient;
const dirs: string[] = [];

/** A small real PNG of one colour (two photos that differ). */
function png(red: number): Buffer {
  const image = new PNG({ width: 16, height: 12 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([red, 90, 110, 255], i);
  return PNG.sync.write(image);
}

/** A tenth of a second of a 100 Hz tone, 16-bit PCM at 8 kHz: a real WAV a browser plays. */
function wav(): Buffer {
  const samples = 800;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 100 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test.beforeAll(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'unused',
    turnUrls: [],
    offers: [
      anOffer({
        id: 'derm-brest',
        specialty: 'Dermatologie',
        hospital: 'CHU de Brest',
        acts: ['teleexpertise'],
        experts: ['dr-le-goff'],
        urgent: false,
      }),
    ],
  });
  proxy = await startTcpProxy(hub.port);
  for (let i = 0; i < 2; i++) dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-expertise-')));
  cart = await startStation(dirs[0]!, {
    RELAIS_HUB_URL: `ws://127.0.0.1:${proxy.port}/hub`,
    RELAIS_HUB_TOKEN: cartToken,
    RELAIS_DEVICES: 'none',
  });
  derm = await startStation(dirs[1]!, { RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: dermToken, RELAIS_DEVICES: 'none' });
  cartClient = await connectStationClient(cart.url);
});
// A failure says what the two stations logged (once seen in CI: the cart's page lost its station).
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook asks for from this pattern: none here.
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, station] of [
    ['cart', cart],
    ['dermatologist', derm],
  ] as const) {
    const output = station?.output() ?? '';
    await testInfo.attach(`${name} station output`, { body: output, contentType: 'text/plain' });
    process.stdout.write(`\n--- ${name} station output (last 4000 characters) ---\n${output.slice(-4000)}\n`);
  }
});

test.afterAll(async () => {
  cartClient?.close();
  await cart?.stop();
  await derm?.stop();
  await proxy?.close();
  await hub?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The cart asks the region for replies until its request shows this state. */
async function untilCartShows(cartPage: Page, state: string) {
  await expect(async () => {
    await cartPage.getByRole('button', { name: 'Vérifier les réponses maintenant' }).click();
    await expect(cartPage.getByTestId('expertise-state')).toHaveText(state, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** The patient consents to her photos being taken and sent to the expert (CSP R6316-2): asked in the act. */
async function consentToPhotos(page: Page) {
  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  for (const scope of ['recording', 'image_sharing']) {
    await consent.getByLabel('Pour').selectOption(scope);
    await consent.getByLabel('le patient lui-même').check();
    await consent.getByRole('button', { name: 'Donné' }).click();
  }
  await expect(page.getByText(/^au partage d’images : Donné — par le patient/)).toBeVisible();
}

async function addPhoto(page: Page, name: string, bytes: Buffer, title: string) {
  const form = page.getByRole('form', { name: 'Ajouter le fichier' });
  await form
    .getByLabel('Fichier (PDF, photo PNG ou JPEG)')
    .setInputFiles({ name, mimeType: 'image/png', buffer: bytes });
  await form.getByLabel('Titre (par exemple : courrier du cardiologue)').fill(title);
  await form.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(page.getByRole('list', { name: 'Fichiers' }).getByText(new RegExp(`^Photo : ${title} `))).toBeVisible();
}

test('a request built offline with two photos reaches the dermatologist, and her answer comes back', async ({
  browser,
}) => {
  // Three trips through the sync each way, on a machine shared with other tests.
  test.setTimeout(120_000);
  const created = await cartClient.value('patients.create', {
    identity: {
      birthName: 'Le Gall',
      firstName: 'Anne',
      birthDate: '1956-12-03',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('no patient');
  // The cart saw the region's directory once; then its link to the hub is cut.
  await expect
    .poll(() => cartClient.value('teleexpertise.specialties', {}), { timeout: 15_000 })
    .toContain('Dermatologie');
  proxy.cut();

  const cartPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await cartPage.goto(cart.url);
  await openPatient(cartPage, 'le gall', /LE GALL/);
  await cartPage.getByRole('button', { name: 'Demande de téléexpertise' }).click();
  const form = cartPage.getByRole('form', { name: 'Demande de téléexpertise' });
  await form.getByLabel('Spécialité demandée').fill('Dermatologie');
  await form.getByLabel('Question posée').fill(QUESTION);
  await form
    .getByLabel('Contexte clinique')
    .fill('70 ans, pas d’antécédent de mélanome. Lésion de 8 mm, bords irréguliers.');
  await form.getByLabel('Urgence').selectOption({ label: 'Urgente' });
  await sayWhoIAm(cartPage, 'IDE Morvan');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Les Tilleuls');
  await form.getByRole('button', { name: 'Créer la demande (photos et documents ensuite)' }).click();
  await expect(cartPage.getByRole('heading', { name: `Téléexpertise — ${QUESTION}` })).toBeVisible();
  await expect(cartPage.getByTestId('expertise-state')).toHaveText('brouillon');

  await consentToPhotos(cartPage);
  await addPhoto(cartPage, 'dos-1.png', png(210), 'Dos, vue générale');
  await addPhoto(cartPage, 'dos-2.png', png(30), 'Dos, dermatoscope');
  // And a heart sound recorded earlier, with the site of the stethoscope.
  const files = cartPage.getByRole('form', { name: 'Ajouter le fichier' });
  await files
    .getByLabel('Fichier (PDF, photo PNG ou JPEG) ou son WAV')
    .setInputFiles({ name: 'coeur.wav', mimeType: 'audio/wav', buffer: wav() });
  await files.getByLabel('Foyer d’auscultation').selectOption({ label: 'foyer mitral (apex)' });
  await files.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(cartPage.getByRole('list', { name: 'Fichiers' }).getByText(/^Auscultation : coeur\.wav /)).toBeVisible();
  await cartPage.getByLabel('Le patient a été informé et consent à cette téléexpertise').check();
  await cartPage.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(cartPage.getByTestId('expertise-state')).toHaveText('en attente d’envoi');

  // The link comes back: the request, its act and both photos leave with the sync.
  proxy.restore();
  await expect(cartPage.getByTestId('expertise-state')).toHaveText('envoyée', { timeout: 45_000 });

  // The dermatologist's inbox shows it, urgent; she opens it and sees both photos.
  const dermPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await dermPage.goto(derm.url);
  await dermPage.getByRole('button', { name: 'Téléexpertise', exact: true }).click();
  const inbox = dermPage.getByRole('list', { name: 'Demandes de téléexpertise' });
  const line = inbox.getByRole('listitem').filter({ hasText: QUESTION });
  await expect(line).toContainText('Urgente');
  await expect(line).toContainText('à traiter');
  await line.getByRole('button', { name: /LE GALL ANNE/ }).click();
  await expect(dermPage.getByTestId('request-priority')).toHaveText('Urgente');
  await expect(
    dermPage.getByText('70 ans, pas d’antécédent de mélanome. Lésion de 8 mm, bords irréguliers.'),
  ).toBeVisible();
  for (const title of ['Dos, vue générale', 'Dos, dermatoscope']) {
    // Decoded by the browser: real image bytes came through her station.
    await expect(dermPage.getByRole('img', { name: title })).toHaveJSProperty('naturalWidth', 16);
  }
  // The sound plays in her browser: its length is the tenth of a second recorded.
  await expect(dermPage.getByLabel('Auscultation — Foyer mitral')).toBeVisible();
  await expect
    .poll(() => dermPage.evaluate('document.querySelector("audio")?.duration ?? 0'), { timeout: 10_000 })
    .toBeCloseTo(0.1, 2);

  // She needs one more view: the question goes to the cart, which answers with a third photo.
  const reply = dermPage.getByRole('form', { name: 'Votre réponse' });
  await reply.getByRole('radio', { name: 'Demander des informations' }).check();
  await reply.getByLabel('Question au requérant').fill('Pouvez-vous joindre une photo de profil, avec une règle ?');
  await reply.getByRole('button', { name: 'Envoyer la question' }).click();
  await answerWhoIAm(dermPage, 'Dr Le Goff', 'Médecin'); // her first record on this station
  await expect(dermPage.getByTestId('request-state')).toHaveText('en attente du requérant');
  await untilCartShows(cartPage, 'information demandée');
  await expect(cartPage.getByRole('article', { name: 'Information demandée' })).toContainText(
    'Pouvez-vous joindre une photo de profil, avec une règle ?',
  );
  await addPhoto(cartPage, 'dos-3.png', png(120), 'Dos, profil avec règle');
  const answerForm = cartPage.getByRole('form', { name: 'Répondre à la question de l’expert' });
  await answerForm.getByLabel('Votre réponse').fill('Photo jointe ; la lésion est plane.');
  await answerForm.getByLabel('Dos, profil avec règle').check();
  await answerForm.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(cartPage.getByTestId('expertise-state')).toHaveText('envoyée', { timeout: 45_000 });
  await expect(async () => {
    await dermPage.getByRole('button', { name: 'Actualiser' }).click();
    await expect(dermPage.getByTestId('request-state')).toHaveText('à traiter', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(dermPage.getByRole('article', { name: 'Réponse du requérant' })).toContainText(
    'Photo jointe ; la lésion est plane.',
  );
  await expect(dermPage.getByRole('img', { name: 'Dos, profil avec règle' })).toHaveJSProperty('naturalWidth', 16);

  await reply.getByRole('radio', { name: 'Donner mon avis' }).check();
  await reply
    .getByLabel('Avis', { exact: true })
    .fill('Lésion suspecte de mélanome en dermatoscopie (réseau atypique).');
  await reply.getByLabel('Recommandations').fill('Exérèse avec marges de 2 mm et analyse histologique.');
  await reply.getByLabel('Suivi').selectOption({ label: 'Consultation en présentiel' });
  await reply.getByRole('button', { name: 'Envoyer l’avis' }).click(); // in her name, not asked again
  await expect(dermPage.getByTestId('request-state')).toHaveText('répondue');

  // The cart checks for replies: the answer is there, and the request is "répondue".
  await untilCartShows(cartPage, 'répondue');
  const answer = cartPage.getByRole('article', { name: 'Avis de l’expert' });
  await expect(answer).toContainText('Lésion suspecte de mélanome en dermatoscopie (réseau atypique).');
  await expect(answer).toContainText('Exérèse avec marges de 2 mm et analyse histologique.');
  await expect(answer).toContainText('Suivi : Consultation en présentiel');
  await expect(answer).toContainText('Dr Le Goff');
  // The patient's list of acts says it too.
  await cartPage.getByRole('button', { name: '← Retour au patient' }).click();
  await expect(cartPage.getByTestId('request-list-state')).toHaveText(' · Demande de téléexpertise répondue');
});

test('the dermatologist would rather see the patient: the request is converted, and the cart is led to call', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const cartPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await cartPage.goto(cart.url);
  await openPatient(cartPage, 'le gall', /LE GALL/);
  await cartPage.getByRole('button', { name: 'Demande de téléexpertise' }).click();
  const form = cartPage.getByRole('form', { name: 'Demande de téléexpertise' });
  // Online this time: the specialty comes from the directory's list.
  await form.getByLabel('Spécialité demandée').fill('Dermatologie');
  // She names the dermatologist she knows, chosen among those connected (routed by her hub identity).
  await form.getByLabel('Expert nommé (facultatif)').selectOption({ label: 'Dr Le Goff — CHU de Brest' });
  await form.getByLabel('Question posée').fill('Plaie de jambe qui s’étend');
  await sayWhoIAm(cartPage, 'IDE Morvan');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Les Tilleuls');
  await form.getByRole('button', { name: 'Créer la demande (photos et documents ensuite)' }).click();
  await consentToPhotos(cartPage);
  await addPhoto(cartPage, 'jambe.png', png(160), 'Jambe gauche');
  await cartPage.getByLabel('Le patient a été informé et consent à cette téléexpertise').check();
  await cartPage.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(cartPage.getByTestId('expertise-state')).toHaveText('envoyée', { timeout: 30_000 });

  const dermPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await dermPage.goto(derm.url);
  await dermPage.getByRole('button', { name: 'Téléexpertise', exact: true }).click();
  const line = dermPage
    .getByRole('list', { name: 'Demandes de téléexpertise' })
    .getByRole('listitem')
    .filter({ hasText: 'Plaie de jambe qui s’étend' });
  await expect(line).toContainText('Programmée');
  await expect(line).toContainText('adressée à vous');
  await line.getByRole('button').click();
  const reply = dermPage.getByRole('form', { name: 'Votre réponse' });
  await reply.getByRole('radio', { name: 'Convertir en téléconsultation' }).check();
  await reply.getByLabel('Message au requérant').fill('Je préfère la voir : appelez-moi demain matin.');
  await reply.getByRole('button', { name: 'Proposer la téléconsultation' }).click();
  await answerWhoIAm(dermPage, 'Dr Le Goff', 'Médecin');
  await expect(dermPage.getByTestId('request-state')).toHaveText('téléconsultation proposée');

  await untilCartShows(cartPage, 'convertie en téléconsultation');
  await expect(cartPage.getByRole('article', { name: 'Téléconsultation proposée' })).toContainText(
    'Je préfère la voir : appelez-moi demain matin.',
  );
  await cartPage.getByRole('button', { name: 'Aller aux appels' }).click();
  await expect(cartPage.getByRole('listitem').filter({ hasText: 'Dermatologie — CHU de Brest' })).toBeVisible();
});
