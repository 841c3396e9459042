// The pharmacy cabin at the end of a session (issue 21, point 5): after the call, the pharmacist
// sees the prescription the doctor signed for this session's act and prints it for the patient,
// from the kept PDF, without leaving kiosk mode. A prescription cannot reach a cabin in kiosk mode
// yet (the expert's sending over the call is being written beside this work, the hub's delivery
// of prescriptions is not built, and the cabin's page may not pass one on: a patient alone at the
// screen must not be able to file a prescription), so the test keeps one on the act in the
// station's database, as the intake keeps it, during the call.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { LEVOTHYROXINE, signedPrescription } from '../helpers/prescriptions';
import { stationDatabase } from '../helpers/station-database';
import { toTheDoctorStep } from './cabin-steps';
import { EXPERT, hangUp, startCallSetup, type CallSetup } from './call-fixture';

// Headless Chromium has no print preview: without this, printing from a page crashes it.
test.use({
  launchOptions: {
    executablePath: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-print-preview'],
  },
});

let setup: CallSetup | null = null;
test.afterEach(async () => setup?.stop());

/** The prescription the doctor signed for the session's act, kept on it with the call's id. */
function keepPrescription(dataDir: string): void {
  const db = stationDatabase(dataDir);
  try {
    const act = db.prepare(`SELECT id, call_id FROM encounters WHERE status = 'in_progress'`).get() as {
      id: string;
      call_id: string;
    };
    const prescription = signedPrescription({
      encounterId: act.id,
      patient: { birthName: 'KERGUELEN', usedName: null, firstName: 'ANNICK', birthDate: '1956-12-14', sex: 'F' },
      lines: [LEVOTHYROXINE, { kind: 'biology', text: 'TSH dans 6 semaines.' }],
      author: { name: 'Dr Kerleau', rpps: '10001234567', specialty: 'neurologie', hubId: EXPERT.sub },
    });
    db.prepare(
      `INSERT INTO act_prescriptions (id, encounter_id, sender, via, call_id, sha256, signed_json, replaces, received_at)
       VALUES (?, ?, ?, 'call', ?, ?, ?, NULL, ?)`,
    ).run(
      prescription.id,
      act.id,
      EXPERT.sub,
      act.call_id,
      prescription.sha256,
      JSON.stringify(prescription),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
}

test('after the call, the pharmacist prints the doctor’s prescription for the patient', async ({ browser }) => {
  test.setTimeout(120_000);
  setup = await startCallSetup(browser, { viewport: { width: 1366, height: 768 } });
  const cabin = setup.cart.page;

  await toTheDoctorStep(cabin, ['Kerguelen', 'Annick']);
  await cabin.getByRole('button', { name: `Appeler ${EXPERT.name} (neurologie, CHU de Brest)` }).click();
  await setup.expert.page.getByRole('alertdialog').getByRole('button', { name: 'Répondre' }).click();
  await expect(cabin.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  await expect
    .poll(() => {
      const db = stationDatabase(setup!.cart.dataDir);
      try {
        return db.prepare(`SELECT COUNT(*) AS n FROM encounters WHERE status = 'in_progress'`).get();
      } finally {
        db.close();
      }
    })
    .toEqual({ n: 1 });
  keepPrescription(setup.cart.dataDir);
  await hangUp(cabin);

  const done = cabin.getByRole('region', { name: 'Ordonnance du médecin' });
  await expect(done).toContainText('Le pharmacien l’imprime pour vous.');
  await expect(done).toContainText(
    'Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, pendant 3 mois. Non substituable (MTE).',
  );
  await expect(done).toContainText('Biologie : TSH dans 6 semaines.');
  await expect(done).toContainText(/Signée par Dr Kerleau \(neurologie, RPPS 10001234567\)/);
  // No file dialog in a cabin: printing only.
  await expect(done.getByRole('button', { name: 'Télécharger le PDF' })).toHaveCount(0);
  fs.mkdirSync('/tmp/look-cart', { recursive: true });
  await cabin.screenshot({ path: '/tmp/look-cart/cabin-prescription-1366.png' });
  await cabin.screenshot({ path: '/tmp/look-cart/cabin-prescription-full.png', fullPage: true });

  await done.getByRole('button', { name: 'Imprimer l’ordonnance' }).click();
  await expect(cabin.getByTestId('pdf-print-frame')).toHaveAttribute('src', /^blob:/);
  await expect(done.getByRole('alert')).toHaveCount(0);
  // The kept PDF was made when first asked, and the kiosk gate refused nothing of the session.
  const db = stationDatabase(setup.cart.dataDir);
  try {
    expect(db.prepare(`SELECT COUNT(*) AS n FROM prescription_pdfs`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM audit_events WHERE outcome = 'kiosk_mode'`).get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});
