// Yvonne Le Bihan's act on the cart, made through the station's contract as its page would: the act
// the e2e calls are placed from (the nurse opens it and calls the expert).
import { expect, type Page } from '@playwright/test';
import { CART, EXPERT } from './call-fixture';
import { openPatient } from './patient-page';
import { connectStationClient } from './station-client';

type Giver = { kind: 'patient' } | { kind: 'trusted_person'; name: string };

export interface YvonneAct {
  reason?: string;
  /** The consent recorded on the act: to the act by her trusted person, unless said otherwise. */
  consent?: { scope: 'act' | 'recording'; givenBy: Giver };
}

/** Yvonne Le Bihan's act on the cart, with one consent; its id. */
export async function actOfYvonne(cartUrl: string, options: YvonneAct = {}): Promise<string> {
  const client = await connectStationClient(cartUrl);
  let patientId: string;
  try {
    const created = await client.value('patients.create', {
      identity: {
        birthName: 'Le Bihan',
        firstName: 'Yvonne',
        birthDate: '1941-02-17',
        sex: 'F',
        birthplaceCode: '29019',
        identityStatus: 'PROV',
      },
      notDuplicateOf: [],
    });
    if (created.status !== 'created') throw new Error('patient not created');
    patientId = created.patient.id;
  } finally {
    client.close();
  }
  return actFor(cartUrl, patientId, options);
}

/** An act for this patient on the cart, with one consent (to the act by her trusted person, unless said otherwise); its id. */
export async function actFor(cartUrl: string, patientId: string, options: YvonneAct = {}): Promise<string> {
  const { reason = 'Plaie du talon qui ne cicatrise pas' } = options;
  const consent = options.consent ?? { scope: 'act', givenBy: { kind: 'trusted_person', name: 'Paul Le Bihan' } };
  const client = await connectStationClient(cartUrl);
  try {
    const act = await client.value('encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: CART.site,
      reason,
    });
    await client.value('encounters.consent', {
      encounterId: act.id,
      scope: consent.scope,
      decision: 'given',
      givenBy: consent.givenBy,
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
    return act.id;
  } finally {
    client.close();
  }
}

/** The nurse opens Yvonne's act (its button's name) and calls the expert from it; the expert answers. */
export const callExpertFromYvonnesAct = (cart: Page, expert: Page, act: RegExp) =>
  callExpertFromAct(cart, expert, act, { search: 'Le Bihan', line: /LE BIHAN/ });

/** The nurse finds the patient (search words, her line), opens the act and calls the expert from it; she answers. */
export async function callExpertFromAct(
  cart: Page,
  expert: Page,
  act: RegExp,
  patient: { search: string; line: RegExp },
): Promise<void> {
  await openPatient(cart, patient.search, patient.line);
  await cart.getByRole('button', { name: act }).click();
  await cart.getByRole('button', { name: 'Appeler l’expert' }).click();
  await cart
    .getByRole('list', { name: 'Experts en ligne' })
    .getByRole('button', { name: `Appeler ${EXPERT.name}` })
    .click();
  await expert.getByRole('alertdialog').getByRole('button', { name: 'Répondre' }).click();
  for (const page of [cart, expert])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
}
