// A whole pharmacy-cabin session on the real station in browser mode: the pharmacist switches the
// station to kiosk mode with her PIN; the patient is identified (helped by the Carte Vitale
// number once she says it is the patient's own card) and validated on her identity card, consents, has SpO2 and pulse taken from the simulated CMS50D+ through its socat pty,
// has her blood pressure read from the simulated Omron monitor (HID, behind the driver's link),
// joins the doctor's call, and the session ends. Then nothing of the patient is left in the page
// (text, local and session storage, IndexedDB, media elements, blob: URLs) while her record waits
// in the outbox (the regional FHIR server is down in this test), and the PIN is needed to leave.
import { expect, test } from '@playwright/test';
import { insKey } from '../../src/shared/patients/ins';
import { answerWhoIAm } from './author';
import { enterKioskMode, PIN } from './cabin-steps';
import { EXPERT, hangUp, startCallSetup, type CallSetup } from './call-fixture';
import { stationDatabase } from '../helpers/station-database';

const NIR13 = '2561229019123';
const CARD = `${NIR13}${insKey(NIR13)}`;
const PATIENT_TRACES = ['KERGUELEN', 'Annick', 'ANNICK MARIE', '14/12/1956', '1956-12-14', NIR13];

let setup: CallSetup;
test.beforeAll(async ({ browser }) => {
  // Calls go through the hub; the regional FHIR server is unreachable, so records stay queued.
  setup = await startCallSetup(browser, { stationEnv: { RELAIS_FHIR_URL: 'http://127.0.0.1:9/fhir/R4' } });
});
test.afterAll(async () => setup?.stop());

test('a cabin session from identification to the wipe, the record kept in the outbox', async () => {
  test.setTimeout(120_000);
  const cabin = setup.cart.page;
  const expert = setup.expert.page;

  // The pharmacist turns the station into a cabin, choosing her PIN (typed twice).
  await enterKioskMode(cabin);
  await expect(cabin.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  await expect(cabin.getByRole('navigation')).toHaveCount(0); // none of the station's screens
  await cabin.getByRole('button', { name: 'Commencer' }).click();

  // Identification by the pharmacist. The card may carry a parent's number: nothing is copied
  // from it before she says whose card it is (RNIV volet 1; the Carte Vitale is only a key).
  await cabin.getByLabel('Numéro de carte Vitale (facultatif)').fill(CARD);
  await cabin.getByRole('button', { name: 'Lire le numéro' }).click();
  await expect(cabin.getByLabel('Sexe')).toHaveValue('');
  await expect(cabin.getByLabel('Lieu de naissance (code INSEE)')).toHaveValue('');
  const whose = cabin.getByRole('group', { name: 'À qui est cette carte ?' });
  await expect(whose).toContainText('La carte indique : sexe féminin, naissance en 12/56, lieu de naissance 29019.');
  await whose.getByRole('radio', { name: 'À un parent ou à un autre assuré' }).check();
  await expect(cabin.getByLabel('Sexe')).toHaveValue('');
  await whose.getByRole('radio', { name: 'À la patiente ou au patient lui-même' }).check();
  await expect(cabin.getByLabel('Sexe')).toHaveValue('F');
  await expect(cabin.getByLabel('Lieu de naissance (code INSEE)')).toHaveValue('29019');
  await cabin.getByLabel('Nom de naissance').fill('Kerguelen');
  await cabin.getByLabel('Premier prénom').fill('Annick');
  // A date that the card contradicts is caught before anything is stored.
  await cabin.getByLabel('Date de naissance (JJ/MM/AAAA)').fill('14/11/1956');
  await cabin.getByRole('button', { name: 'Continuer' }).click();
  await expect(cabin.getByRole('alert')).toContainText('autre mois de naissance');
  await cabin.getByLabel('Date de naissance (JJ/MM/AAAA)').fill('14/12/1956');
  // Validated on her identity card: not with one first name asked (all the birth first names are a strict trait).
  await cabin.getByLabel('Pièce d’identité vérifiée').selectOption('national_id_card');
  await cabin.getByRole('button', { name: 'Continuer' }).click();
  // The first record of her shift asks who she is, once (the pharmacist's profession preselected):
  // her name then goes on the checked document, the act, the consent and the measurements.
  await answerWhoIAm(cabin, 'Mme Le Bris', 'Pharmacien·ne');
  await expect(cabin.getByRole('alert')).toContainText(
    'Tous les prénoms de naissance : Indiquez tous les prénoms de naissance',
  );
  await cabin.getByLabel('Tous les prénoms de naissance').fill('Annick Marie');
  await cabin.getByRole('button', { name: 'Continuer' }).click();

  await expect(cabin.getByRole('heading', { name: 'Votre accord' })).toBeVisible();
  await cabin.getByRole('button', { name: 'J’accepte' }).click();

  // SpO2 and pulse from the oximeter simulator on its pty, once they hold steady.
  await expect(cabin.getByRole('heading', { name: 'Vos mesures' })).toBeVisible();
  await expect(cabin.getByText('Oxygène et pouls enregistrés. Vous pouvez retirer votre doigt.')).toBeVisible({
    timeout: 30_000,
  });
  const recorded = cabin.getByRole('list', { name: 'Mesures enregistrées' });
  await expect(recorded).toContainText(/Saturation \(SpO2\) : 9\d % \(appareil\)/);
  await expect(recorded).toContainText(/Pouls : \d{2,3} \/min \(appareil\)/);
  // Blood pressure from the simulated Omron monitor: empty until the patient presses START.
  await cabin.getByRole('button', { name: 'Lire la mesure' }).click();
  await expect(cabin.getByRole('alert')).toContainText('aucune mesure en mémoire');
  await cabin.getByRole('button', { name: 'Lancer une mesure (appareil simulé)' }).click();
  await cabin.getByRole('button', { name: 'Lire la mesure' }).click();
  await expect(recorded).toContainText(/Tension : 1\d\d\/\d{2,3} mmHg \(appareil\)/);
  await cabin.getByLabel('Température (°C)').fill('37,2');
  await cabin.getByRole('form', { name: 'Température' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(recorded).toContainText('Température : 37,2 °C (saisie)'); // typed with a comma, shown in French
  await cabin.getByRole('button', { name: 'Continuer vers le médecin' }).click();

  // The call: the doctor answers; the pharmacist assists in the station's call screen.
  await cabin.getByRole('button', { name: `Appeler ${EXPERT.name} (neurologie, CHU de Brest)` }).click();
  await expect(expert.getByRole('alertdialog')).toContainText('Motif : Téléconsultation en cabine de pharmacie');
  await expert.getByRole('alertdialog').getByRole('button', { name: 'Répondre' }).click();
  await expect(cabin.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  expect(await cabin.locator('video').count()).toBeGreaterThan(0);
  // The cabin's call offers nothing that searches the registry (the station would refuse it).
  await expect(cabin.getByRole('button', { name: 'Ouvrir la fiche AVC de ce patient' })).toHaveCount(0);
  await expect(cabin.getByRole('button', { name: 'Montrer des images (scanner, IRM…)' })).toHaveCount(0);
  await hangUp(cabin);
  await expect(cabin.getByRole('heading', { name: 'Merci, la séance est terminée' })).toBeVisible();

  // What a careless component could have left behind: the wipe must take it too.
  const blobUrl = await cabin.evaluate(`(async () => {
    localStorage.setItem('probe', 'KERGUELEN Annick');
    sessionStorage.setItem('probe', 'KERGUELEN Annick');
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('probe-db', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('notes');
      open.onsuccess = () => { const tx = open.result.transaction('notes', 'readwrite'); tx.objectStore('notes').put('KERGUELEN Annick', 1); tx.oncomplete = () => { open.result.close(); resolve(); }; };
      open.onerror = () => reject(open.error);
    });
    // A picture of the patient's name, as a photo preview would be (the page's CSP lets images,
    // not fetch, read blob: URLs).
    const canvas = document.createElement('canvas');
    canvas.getContext('2d').fillText('KERGUELEN Annick', 2, 10);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    return URL.createObjectURL(png);
  })()`);
  const loads = (url: unknown) =>
    `new Promise((resolve) => { const image = new Image(); image.onload = () => resolve('readable'); image.onerror = () => resolve('gone'); image.src = ${JSON.stringify(url)}; })`;
  expect(await cabin.evaluate(loads(blobUrl))).toBe('readable');

  await cabin.getByRole('button', { name: 'Terminer et effacer l’écran' }).click();
  await expect(cabin.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();

  // Nothing of the patient is left in the page.
  const text = await cabin.evaluate('document.body.innerText');
  for (const trace of PATIENT_TRACES) expect(text).not.toContain(trace);
  const storage = (await cabin.evaluate(
    `JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })`,
  )) as string;
  for (const trace of PATIENT_TRACES) expect(storage.toUpperCase()).not.toContain(trace.toUpperCase());
  expect(JSON.parse(storage).local).toEqual({});
  expect(await cabin.evaluate(`indexedDB.databases().then((list) => list.map((d) => d.name))`)).toEqual([]);
  expect(
    await cabin.evaluate(
      `[...document.querySelectorAll('video, audio')].filter((m) => m.srcObject || m.getAttribute('src')).length`,
    ),
  ).toBe(0);
  expect(await cabin.evaluate(loads(blobUrl))).toBe('gone');

  // The record is safe in the station's database, queued for the regional server.
  const db = stationDatabase(setup.cart.dataDir, { readonly: true, fileMustExist: true });
  try {
    const patient = db
      .prepare(
        `SELECT id, identity_status, birth_first_names, identity_document_json FROM patients WHERE birth_name = 'KERGUELEN'`,
      )
      .get() as { id: string; identity_status: string; birth_first_names: string; identity_document_json: string };
    expect(patient).toMatchObject({ identity_status: 'VALI', birth_first_names: 'ANNICK MARIE' });
    expect(JSON.parse(patient.identity_document_json)).toEqual({
      type: 'national_id_card',
      parentDocument: null,
      checkedBy: 'Mme Le Bris',
      checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const act = db.prepare(`SELECT id, status, call_id FROM encounters WHERE patient_id = ?`).get(patient.id) as {
      id: string;
      status: string;
      call_id: string | null;
    };
    expect(act.status).toBe('awaiting_report');
    expect(act.call_id).not.toBeNull();
    const queued = db
      .prepare(
        `SELECT entity, COUNT(*) AS n FROM outbox WHERE entity_id = ? OR entity_id = ? OR entity IN ('consent', 'observation') GROUP BY entity`,
      )
      .all(patient.id, act.id) as { entity: string; n: number }[];
    const byEntity = Object.fromEntries(queued.map((q) => [q.entity, q.n]));
    expect(byEntity.patient).toBeGreaterThanOrEqual(1);
    expect(byEntity.encounter).toBeGreaterThanOrEqual(1);
    expect(byEntity.consent).toBe(1);
    expect(byEntity.observation).toBe(4);
    // The whole session ran on the cabin's channels: the kiosk gate refused none of its records.
    expect(db.prepare(`SELECT COUNT(*) AS n FROM audit_events WHERE outcome = 'kiosk_mode'`).get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }

  // Her shift goes on after the wipe: the next patient's identification names her, asking nothing.
  await cabin.getByRole('button', { name: 'Commencer' }).click();
  await expect(cabin.getByRole('group', { name: 'Pharmacien(ne) présent(e)' })).toContainText('Mme Le Bris');
  await expect(cabin.getByRole('dialog', { name: 'Qui êtes-vous ?' })).toHaveCount(0);

  // Leaving kiosk mode needs the pharmacist's PIN.
  await cabin.getByRole('button', { name: 'Espace pharmacien' }).click();
  await cabin.getByLabel('Code', { exact: true }).fill('000000');
  await cabin.getByRole('button', { name: 'Valider' }).click();
  await expect(cabin.getByRole('alert')).toContainText('Code incorrect. Encore 4 essai(s)');
  await expect(cabin.getByRole('navigation')).toHaveCount(0);
  await cabin.getByLabel('Code', { exact: true }).fill(PIN);
  await cabin.getByRole('button', { name: 'Valider' }).click();
  await expect(cabin.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
});
