// The cabin's pharmacist is the session's author (issue 20, point 2): with an author (signed in or
// said once), the identify step asks no name and records hers as the one who checked the identity
// document; without one, it asks once through "Qui êtes-vous ?" (pharmacist preselected) and the
// author store keeps the answer for every later record of the session.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Patient } from '../../src/shared/patients/patient';
import { textsIn } from '../helpers/texts';

// The station's API as the page sees it: patients.create answers with the patient it was given.
const invoke = vi.hoisted(() => vi.fn());
vi.mock('../../src/renderer/api', () => ({ relais: { invoke, on: () => () => {} } }));

const { IdentifyStep } = await import('../../src/renderer/features/kiosk/identify-step');
const { registerPatient } = await import('../../src/renderer/features/kiosk/register-patient');
const { currentAuthor, useAuthorStore } = await import('../../src/renderer/ui/author-store');
const { carryPharmacist, restorePharmacist } = await import('../../src/renderer/features/kiosk/cabin-pharmacist-carry');

const form = {
  birthName: 'KERGUELEN',
  firstName: 'Annick',
  birthFirstNames: 'Annick Marie',
  birthDate: '14/12/1956',
  sex: 'F' as const,
  birthplaceCode: '29019',
  documentType: 'national_id_card',
  parentDocument: '',
};

function created(identity: Record<string, unknown>): Patient {
  return { id: 'p-1', version: 1, ...identity } as unknown as Patient;
}

/** The step as the kiosk screen shows it, with the session's author now (its useAuthor()). */
async function render(): Promise<string> {
  const i18n = await textsIn('fr');
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(IdentifyStep, { author: currentAuthor(), onIdentified: () => {} }),
    ),
  );
}

beforeEach(() => {
  useAuthorStore.setState({ signedIn: null, declared: null, asking: false, waiting: [] });
  invoke.mockReset();
  invoke.mockImplementation(async (_channel: string, input: { identity: Record<string, unknown> }) => ({
    ok: true,
    value: { status: 'created', patient: created(input.identity) },
  }));
});

describe('the cabin’s identify step and the session author', () => {
  it('with an author, shows her name with “Changer”, asks no name, and records her as the document’s checker', async () => {
    useAuthorStore.getState().declare({ name: 'Mme Le Bris', role: 'pharmacist', rpps: '' });
    const page = await render();
    expect(page).not.toContain('id="kiosk-pharmacist"');
    expect(page).toContain('Mme Le Bris');
    expect(page).toContain('Changer');

    const outcome = await registerPatient(form, []);
    expect(outcome.kind).toBe('created');
    expect(useAuthorStore.getState().asking).toBe(false); // nothing asked
    const [channel, input] = invoke.mock.calls[0]!;
    expect(channel).toBe('patients.create');
    expect(input.identity.identityDocument).toMatchObject({ type: 'national_id_card', checkedBy: 'Mme Le Bris' });
    expect(input.identity.identityStatus).toBe('VALI');
  });

  it('with the signed-in pharmacist, records her name, whatever was declared before', async () => {
    useAuthorStore.getState().declare({ name: 'Quelqu’un d’autre', role: 'nurse', rpps: '' });
    useAuthorStore.getState().setSignedIn({ name: 'Dr Yann Morvan', role: 'pharmacist', rpps: null, signedIn: true });
    expect(await render()).toContain('Dr Yann Morvan');
    await registerPatient(form, []);
    expect(invoke.mock.calls[0]![1].identity.identityDocument.checkedBy).toBe('Dr Yann Morvan');
  });

  it('without an author, asks once through “Qui êtes-vous ?” (pharmacist preselected), then the store keeps her', async () => {
    const page = await render();
    expect(page).not.toContain('id="kiosk-pharmacist"');
    expect(page).toContain('Qui êtes-vous ?');

    const first = registerPatient(form, []);
    await Promise.resolve();
    const asked = useAuthorStore.getState();
    expect(asked.asking).toBe(true);
    expect(asked.suggestedRole).toBe('pharmacist');
    expect(invoke).not.toHaveBeenCalled(); // nothing recorded before she said who she is
    useAuthorStore.getState().declare({ name: 'Mme Le Bris', role: 'pharmacist', rpps: '' });
    expect((await first).kind).toBe('created');
    expect(invoke.mock.calls[0]![1].identity.identityDocument.checkedBy).toBe('Mme Le Bris');
    expect(currentAuthor()).toMatchObject({ name: 'Mme Le Bris', role: 'pharmacist' });

    // The next patient of her shift: not asked again.
    await registerPatient({ ...form, firstName: 'Yvonne', birthFirstNames: 'Yvonne' }, []);
    expect(useAuthorStore.getState().asking).toBe(false);
    expect(invoke.mock.calls[1]![1].identity.identityDocument.checkedBy).toBe('Mme Le Bris');
    expect(await render()).toContain('Mme Le Bris');
  });

  it('records nothing when she closes the question without answering', async () => {
    const outcome = registerPatient(form, []);
    await Promise.resolve();
    useAuthorStore.getState().cancel();
    expect((await outcome).kind).toBe('noAuthor');
    expect(invoke).not.toHaveBeenCalled();
  });
});

/** sessionStorage as the wipe leaves it: cleared, then only what is carried on purpose. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the cabin’s pharmacist across the wipe between patients', () => {
  it('stays the author for the next patient of her shift (the page reloads), once, until she changes', () => {
    const storage = memoryStorage();
    useAuthorStore.getState().declare({ name: 'Mme Le Bris', role: 'pharmacist', rpps: '10001234567' });
    carryPharmacist(storage);
    useAuthorStore.setState({ declared: null }); // the reload: the page's memory is gone
    restorePharmacist(storage);
    expect(currentAuthor()).toMatchObject({ name: 'Mme Le Bris', role: 'pharmacist', rpps: '10001234567' });
    expect(storage.length).toBe(0); // carried across this reload only
  });

  it('carries nobody when nobody said who she is, and ignores what is not an author', () => {
    const storage = memoryStorage();
    carryPharmacist(storage);
    expect(storage.length).toBe(0);
    storage.setItem('relais.cabin.pharmacist', JSON.stringify({ name: '', role: 'surgeon' }));
    restorePharmacist(storage);
    expect(currentAuthor()).toBeNull();
    storage.setItem('relais.cabin.pharmacist', '{not json');
    restorePharmacist(storage);
    expect(currentAuthor()).toBeNull();
  });
});
