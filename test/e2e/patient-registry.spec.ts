// A nurse registers a patient through the UI, with the number of a card typed "to be checked";
// the station restarts on the same data folder and finds her again. A wrong key is shown on its
// field and nothing is stored. A typed INS never reaches RECUP or QUAL: only the INSi gateway's
// answer does (here its double, started by the test), QUAL when the identity document was
// checked (RNIV volet 1, status matrix; ANS, Guide d'implémentation de l'identité INS dans les
// logiciels: an INS is only retrieved from the INSi teleservice).
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INS_OID } from '../../src/shared/patients/ins';
import { startStation, type RunningStation } from './station-host';
import { stationDatabase } from '../helpers/station-database';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';

let dataDir: string;
let station: RunningStation | null = null;

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-'));
});
test.afterEach(async () => {
  await station?.stop();
  station = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type StoredPatient = {
  birth_name: string;
  identity_status: string;
  ins_matricule: string | null;
  typed_ins_matricule: string | null;
};
function storedPatients(): StoredPatient[] {
  const db = stationDatabase(dataDir, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT birth_name, identity_status, ins_matricule, typed_ins_matricule FROM patients')
      .all() as StoredPatient[];
  } finally {
    db.close();
  }
}

const TYPED_INS = 'Matricule lu sur une carte ou un document (à vérifier)';

/** Jeanne Louise Martin's traits; her passport checked by IDE Morvan on 20/11/2026 when `document`. */
async function fillMartin(page: Page, options: { matricule?: string; document?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Martin');
  await page.getByLabel('Premier prénom de naissance', { exact: true }).fill('Jeanne');
  await page.getByLabel('Tous les prénoms de naissance', { exact: true }).fill('Jeanne Louise');
  await page.getByLabel('Date de naissance', { exact: true }).fill('03/12/1906');
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Code INSEE du lieu de naissance', { exact: true }).fill('75111');
  if (options.matricule) await page.getByLabel(TYPED_INS, { exact: true }).fill(options.matricule);
  if (options.document) {
    await page.getByLabel('Pièce d’identité vérifiée', { exact: true }).selectOption('passport');
    await page.getByLabel('Vérifiée par', { exact: true }).fill('IDE Morvan');
    await page.getByLabel('Vérifiée le', { exact: true }).fill('20/11/2026');
    await page.getByLabel("Statut de l'identité", { exact: true }).selectOption('VALI');
  }
}

// A cart where the region cannot be reached: the record waits in the outbox, across restarts.
const OFFLINE = { RELAIS_HUB_URL: 'ws://127.0.0.1:9/hub', RELAIS_HUB_TOKEN: 'offline' };

test('creates a patient with a typed card number kept "to be checked", and finds her again after the station restarts', async ({
  page,
}) => {
  station = await startStation(dataDir, OFFLINE);
  await page.goto(station.url);
  await fillMartin(page, { matricule: '2 06 12 75 111 005 64', document: true });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: /MARTIN.*JEANNE/ })).toBeVisible();
  expect(storedPatients()).toEqual([
    { birth_name: 'MARTIN', identity_status: 'VALI', ins_matricule: null, typed_ins_matricule: '206127511100564' },
  ]);

  await station.stop();
  station = await startStation(dataDir, OFFLINE);
  await page.goto(station.url);
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  const status = page.getByRole('region', { name: 'État de la station' });
  await expect(status).toContainText(/Patients enregistrés\s*1/);
  await expect(status).toContainText(/En attente de synchronisation\s*1/);
  await expect(status).toContainText(/Dernier problème de synchronisation\s*The regional FHIR server did not answer/);

  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('206127511100564');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await expect(page.getByText('MARTIN').first()).toBeVisible();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('martin jeanne');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await expect(page.getByText('03/12/1906').first()).toBeVisible();
});

test('shows the wrong key of a typed number on its field and stores nothing', async ({ page }) => {
  station = await startStation(dataDir);
  await page.goto(station.url);
  await fillMartin(page, { matricule: '2 06 12 75 111 005 65' });
  // Submitted from the keyboard: Enter in the last field typed.
  await page.getByLabel(TYPED_INS, { exact: true }).press('Enter');

  const matricule = page.getByLabel(TYPED_INS, { exact: true });
  await expect(matricule).toHaveAttribute('aria-invalid', 'true');
  // The focus goes to the field to correct.
  await expect(matricule).toBeFocused();
  const describedBy = (await matricule.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`)).toContainText('clé');
  // What was typed is still there, to be corrected.
  await expect(page.getByLabel('Nom de naissance', { exact: true })).toHaveValue(/martin/i);
  expect(storedPatients()).toEqual([]);

  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(/Patients enregistrés\s*0/);
});

test('a typed INS cannot reach RECUP or QUAL; VALI asks for the identity document; without INSi, the screen says so', async ({
  page,
}) => {
  station = await startStation(dataDir);
  await page.goto(station.url);
  await fillMartin(page, { matricule: '2 06 12 75 111 005 64' });
  // Only the statuses a person can give: RECUP and QUAL come from an INSi answer.
  const statusField = page.getByLabel("Statut de l'identité", { exact: true });
  await expect(statusField.locator('option')).toHaveText([
    'PROV — provisoire',
    'VALI — validée (pièce d’identité vérifiée)',
  ]);
  await statusField.selectOption('VALI');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const documentType = page.getByLabel('Pièce d’identité vérifiée', { exact: true });
  await expect(documentType).toHaveAttribute('aria-invalid', 'true');
  await expect(documentType).toBeFocused();
  expect(storedPatients()).toEqual([]);

  await documentType.selectOption('passport');
  await page.getByLabel('Vérifiée par', { exact: true }).fill('IDE Morvan');
  await page.getByLabel('Vérifiée le', { exact: true }).fill('20/11/2026');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: /MARTIN.*JEANNE/ })).toBeVisible();
  const insPanel = page.getByRole('region', { name: 'INS et téléservice INSi' });
  await expect(insPanel).toContainText('Matricule à vérifier : 2 06 12 75 111 005 64');
  await expect(insPanel).toContainText('Le téléservice INSi n’est pas configuré sur ce poste');
  await expect(insPanel.getByRole('button')).toHaveCount(0);
  await expect(page.getByLabel("Statut de l'identité", { exact: true }).locator('option')).toHaveCount(2);
  expect(storedPatients()).toEqual([
    { birth_name: 'MARTIN', identity_status: 'VALI', ins_matricule: null, typed_ins_matricule: '206127511100564' },
  ]);
});

test('the INSi double’s answer qualifies the identity whose document was checked, and the history says it', async ({
  page,
}) => {
  const insi: InsiDouble = await startInsiDouble({
    people: [
      {
        matricule: '206127511100564',
        oid: INS_OID.NIR,
        birthName: 'MARTIN',
        birthFirstNames: 'JEANNE LOUISE',
        birthDate: '1906-12-03',
        sex: 'F',
        birthplaceCode: '75111',
      },
    ],
  });
  try {
    station = await startStation(dataDir, { RELAIS_INSI_URL: insi.url });
    await page.goto(station.url);
    await fillMartin(page, { document: true });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { name: /MARTIN.*JEANNE/ })).toBeVisible();

    const insPanel = page.getByRole('region', { name: 'INS et téléservice INSi' });
    await insPanel.getByRole('button', { name: 'Récupérer l’INS (téléservice INSi)' }).click();
    await expect(insPanel).toContainText('L’INSi a trouvé une identité');
    await expect(insPanel.getByRole('table')).toContainText('JEANNE LOUISE');
    await insPanel.getByRole('button', { name: 'Accepter les traits de l’INSi' }).click();
    await expect(insPanel).toContainText('INS : 2 06 12 75 111 005 64 (NIR)');
    await expect(page.getByTestId('identity-status')).toHaveText('QUAL — qualifiée (INS de l’INSi et pièce vérifiée)');
    // Its strict traits are INSi's now: not editable here.
    await expect(page.getByLabel('Nom de naissance', { exact: true })).toBeDisabled();
    const history = page.getByRole('region', { name: 'Historique de l’identité' });
    await expect(history.getByRole('listitem').first()).toContainText('Téléservice INSi');
    await expect(history.getByRole('listitem').first()).toContainText('Statut : VALI → QUAL');
    expect(storedPatients()).toEqual([
      { birth_name: 'MARTIN', identity_status: 'QUAL', ins_matricule: '206127511100564', typed_ins_matricule: null },
    ]);
    expect(insi.requests.map((r) => r.path)).toEqual(['/search-traits']);
  } finally {
    await insi.close();
  }
});

test('refuses to work without the station key, and switches to English', async ({ page }) => {
  station = await startStation(dataDir);
  await page.goto(station.origin + '/');
  await expect(page.getByText(/npm start/)).toBeVisible();

  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Français' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
