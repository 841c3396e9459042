// The expert's prescription editor as it reads (issue 21, point 5), in French and English: each
// medicine's fields labelled, "Non substituable" with its three reasons spelled out and EFG only
// for a child under six, the sign button greyed with its reason in words (not signed in, no line,
// a medicine missing its duration), a form that leaves the browser's bubbles out (noValidate) and
// no label holding a button; once signed, her version reads back with its lines, "Signée par",
// the SHA-256 and where it stands, with "Nouvelle ordonnance" and "Corriger". Rendered to static
// markup, with the page's state given by a stand-in of its hook.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ActContext } from '../../src/shared/calls/act-context';
import type { SignedIn } from '../../src/shared/identity/identity';
import type { RemotePrescription } from '../../src/shared/remote-acts/prescription-channels';
import type { PrescriptionDraft } from '../../src/renderer/features/remote-acts/use-expert-prescription';
import { AMOXICILLIN, BLOOD_TEST, signedPrescription } from '../helpers/prescriptions';
import { textsIn } from '../helpers/texts';

vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const page = vi.hoisted(() => ({
  user: null as unknown,
  draft: { lines: [], correction: null, another: false } as unknown,
  signed: [] as unknown[],
}));
vi.mock('../../src/renderer/ui/identity-store', () => ({ useSignedIn: () => page.user }));
vi.mock('../../src/renderer/features/remote-acts/use-expert-prescription', () => ({
  useExpertPrescription: () => ({ loaded: true, busy: false, error: null, draft: page.draft, signed: page.signed }),
}));

const { PrescriptionEditor } = await import('../../src/renderer/features/remote-acts/prescription-editor');
const { emptyMedication, emptyOther } = await import('../../src/renderer/features/remote-acts/prescription-draft');

const KERLEAU = { name: 'Anne KERLEAU', rpps: '10001234567' } as SignedIn;
const ACT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

const contextFor = (birthDate: string) => ({ patient: { birthDate } }) as ActContext;

async function render(
  language: 'fr' | 'en',
  state: { user?: SignedIn | null; draft?: Partial<PrescriptionDraft>; signed?: RemotePrescription[] },
  birthDate = '1941-02-17',
): Promise<string> {
  page.user = state.user === undefined ? KERLEAU : state.user;
  page.draft = { lines: [], correction: null, another: false, ...state.draft };
  page.signed = state.signed ?? [];
  const i18n = await textsIn(language);
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(PrescriptionEditor, { peerId: 'cart-ehpad-3', actId: ACT, context: contextFor(birthDate) }),
    ),
  );
}

/** The words a person reads, tags removed. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The text of each <label>, and of each <option>. */
const labels = (html: string) => [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => m[1]);
const options = (html: string) => [...html.matchAll(/<option[^>]*>(.*?)<\/option>/g)].map((m) => m[1]);

describe('the expert’s prescription editor', () => {
  it('labels every field of a medicine and spells out the reasons a generic may be refused', async () => {
    const html = await render('fr', { draft: { lines: [emptyMedication()] } });
    expect(labels(html)).toEqual(
      expect.arrayContaining([
        'Médicament (DCI et dosage)',
        'Forme',
        'Posologie (dose par prise)',
        'Voie',
        'Fréquence',
        'Durée',
        'Quantité',
        'Non substituable',
      ]),
    );
    // Every input, select and textarea is named by a label of its id.
    for (const [, id] of html.matchAll(/<(?:input|select|textarea)[^>]*\bid="([^"]+)"/g))
      expect(html).toContain(`for="${id}"`);
    expect(options(html)).toEqual(
      expect.arrayContaining([
        'Non : substitution par un générique possible',
        'MTE — marge thérapeutique étroite',
        'CIF — contre-indication formelle à un excipient',
      ]),
    );
    // An adult: no EFG.
    expect(html).not.toContain('EFG —');
    expect(words(html)).toContain('Ligne 1 — Médicament');
    expect(html).toContain('Retirer la ligne 1');
  });

  it('offers EFG for a child under six', async () => {
    const html = await render('fr', { draft: { lines: [emptyMedication()] } }, '2023-05-02');
    expect(options(html)).toContain('EFG — enfant de moins de 6 ans sans forme adaptée');
  });

  it('keeps the browser’s bubbles out and never lets a label hold a button', async () => {
    const html = await render('fr', { draft: { lines: [emptyMedication(), emptyOther('biology')] } });
    expect(html).toMatch(/<form[^>]*novalidate/i);
    for (const label of labels(html)) expect(label).not.toContain('<button');
  });

  it('says in words why she cannot sign yet', async () => {
    expect(words(await render('fr', { user: null }))).toContain(
      'Connectez-vous (Pro Santé Connect) : l’ordonnance est signée en votre nom.',
    );
    expect(words(await render('fr', {}))).toContain(
      'Ajoutez au moins une ligne : un médicament ou une autre prescription.',
    );
    const noDuration = { ...emptyMedication(), name: 'Amoxicilline 1 g', dose: '1 comprimé', frequency: '3 fois' };
    expect(words(await render('fr', { draft: { lines: [noDuration] } }))).toContain('Ligne 1 : complétez Durée.');
    expect(words(await render('en', { draft: { lines: [noDuration] } }))).toContain('Line 1: fill in Duration.');
    const html = await render('fr', { draft: { lines: [{ ...noDuration, duration: '7 jours' }] } });
    // Complete: the button can be pressed (not greyed, no reason beside it).
    expect(html).toMatch(/<button class="primary" type="submit">Signer l’ordonnance<\/button>/);
    expect(html).not.toContain('why-disabled');
  });

  it('reads back her signed version, then offers a new prescription or a correction', async () => {
    const prescription = signedPrescription({ lines: [AMOXICILLIN, BLOOD_TEST] });
    const signed: RemotePrescription[] = [{ prescription, delivery: { state: 'pending' }, replacedBy: null }];
    const fr = words(await render('fr', { signed }));
    expect(fr).toContain('Ordonnances signées');
    expect(fr).toMatch(/Signée par Anne KERLEAU \(RPPS 10001234567\) le \d\d\/\d\d\/\d{4}/);
    expect(fr).toContain(
      'Amoxicilline 500 mg, gélule — 2 gélules, voie orale, 3 fois par jour, pendant 7 jours. Quantité : 2 boîtes.',
    );
    expect(fr).toContain('Biologie : NFS, CRP');
    expect(fr).toContain(`Empreinte SHA-256 : ${prescription.sha256}`);
    expect(fr).toContain('Pas encore reçue par le poste demandeur.');
    expect(fr).toContain('Nouvelle ordonnance');
    expect(fr).toContain('Corriger cette ordonnance');
    // Signed: no form until she asks for a new one or a correction.
    expect(fr).not.toContain('Signer l’ordonnance');
    const en = words(await render('en', { signed }));
    expect(en).toContain('Signed by Anne KERLEAU');
    expect(en).toContain('Laboratory tests: NFS, CRP');
    expect(en).toContain('New prescription');
    // Every text found in both languages: no key shown raw.
    expect(`${fr} ${en}`).not.toMatch(/expert(Prescription|Report)\./);
  });

  it('asks the reason of a correction, with the version it corrects named', async () => {
    const prescription = signedPrescription({ lines: [AMOXICILLIN] });
    const html = await render('fr', {
      signed: [{ prescription, delivery: { state: 'pending' }, replacedBy: null }],
      draft: { lines: [], correction: { replaces: prescription.id, reason: '' } },
    });
    expect(labels(html)).toContain('Motif de la correction');
    expect(words(html)).toContain('Correction de la version signée le');
    expect(words(html)).toContain('Annuler la correction');
    expect(words(html)).not.toContain('Corriger cette ordonnance');
  });
});
