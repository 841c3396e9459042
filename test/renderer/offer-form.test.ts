// The coordinator's offer form (issue 22, point 1) as it reads, in French and English: the specialty
// chosen from the ANS's table with its code, hospital, commune, act types, the hours as rules, the
// experts (the ones online can be picked), and for an urgent offer its rota with the escalation
// delay (30 s by default). The errors are the shared schema's, beside their fields, in the screen's
// language; the form leaves the browser's bubbles out (noValidate) and no label holds a button.
// Rendered to static markup with the real draft rules (offer-draft.ts).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import rawTable from '../../resources/specialties/tre-r38-specialties.json';
import type { Peer } from '../../src/shared/hub-protocol';
import { parseSpecialtyTable } from '../../src/shared/scheduling/specialties';
import { textsIn } from '../helpers/texts';

vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { OfferFormView, errorsByPath } = await import('../../src/renderer/features/scheduling/offer-form');
const draftRules = await import('../../src/renderer/features/scheduling/offer-draft');
const { checkDraft, emptyDraft, emptyException, emptyShift } = draftRules;
type OfferDraft = ReturnType<typeof emptyDraft>;

const specialties = parseSpecialtyTable(rawTable).specialties;
const KERLEAU: Peer = {
  id: 'dr-kerleau',
  role: 'expert',
  name: 'Dr Kerleau',
  site: 'CHU de Brest',
  specialty: 'neurologie',
  availability: 'available',
};

async function render(language: 'fr' | 'en', draft: OfferDraft, withErrors = false): Promise<string> {
  const i18n = await textsIn(language);
  const check = checkDraft(draft);
  const errors = withErrors && !check.ok ? errorsByPath(i18n.t, check.fields) : {};
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(OfferFormView, {
        draft,
        errors,
        specialties,
        online: [KERLEAU],
        busy: false,
        failure: null,
        change: () => {},
        onSubmit: () => {},
        onCancel: () => {},
      }),
    ),
  );
}

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
const labels = (html: string) => [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => m[1]!);
const options = (html: string) => [...html.matchAll(/<option[^>]*>(.*?)<\/option>/g)].map((m) => m[1]!);
const legends = (html: string) => [...html.matchAll(/<legend[^>]*>(.*?)<\/legend>/g)].map((m) => m[1]!);
/** The error line tied to an input: the text of the element its aria-describedby names first. */
function errorOf(html: string, inputId: string): string | null {
  const input = new RegExp(`<[^>]*id="${inputId}"[^>]*>`).exec(html)?.[0];
  const described = input && /aria-describedby="([^" ]+)/.exec(input)?.[1];
  if (!described) return null;
  return new RegExp(`id="${described}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
}

function urgentDraft(): OfferDraft {
  return {
    ...emptyDraft(),
    specialty: 'Neurologie',
    specialtyCode: 'SM32',
    hospital: 'CHU de Brest',
    urgent: true,
    experts: [
      { id: 'dr-kerleau', name: 'Dr Kerleau' },
      { id: 'dr-morvan', name: 'Dr Morvan' },
    ],
    rota: {
      ...emptyDraft().rota,
      weekly: [{ ...emptyShift(), experts: ['dr-kerleau', 'dr-morvan'] }],
    },
  };
}

describe('the offer form', () => {
  it('offers the specialties of the ANS table with their codes, and labels every field', async () => {
    const html = await render('fr', emptyDraft());
    expect(options(html)).toEqual(
      expect.arrayContaining(['Neurologie (SM32)', 'Dermatologie (SM15)', 'Gériatrie (SM18)']),
    );
    expect(labels(html)).toEqual(
      expect.arrayContaining([
        'Spécialité',
        'Établissement ou cabinet',
        'Commune (code INSEE, facultatif)',
        'De',
        'à',
        'Ou choisir un expert connecté',
      ]),
    );
    expect(legends(html)).toEqual(
      expect.arrayContaining(['Types d’actes', 'Horaires d’ouverture (heure de France)', 'Jours de la plage 1']),
    );
    const text = words(html);
    for (const act of ['Téléconsultation', 'Téléexpertise', 'Télésurveillance']) expect(text).toContain(act);
    expect(text).toContain('Fermée les jours fériés');
    expect(text).toContain('Ajouter une plage horaire');
    // The expert online can be picked, with her specialty and site.
    expect(options(html)).toContain('Dr Kerleau — neurologie — CHU de Brest');
  });

  it('reads in English with the same fields', async () => {
    const html = await render('en', urgentDraft());
    expect(labels(html)).toEqual(expect.arrayContaining(['Specialty', 'Hospital or practice', 'Name shown']));
    const text = words(html);
    for (const s of ['On-call rota', 'Typical week', 'Ringing order', 'Delay before ringing the next one (seconds)'])
      expect(text).toContain(s);
    expect(text).toContain('Publish the offer');
  });

  it('is a form the browser does not check, with no label around a button', async () => {
    const html = await render('fr', urgentDraft());
    expect(html).toMatch(/<form[^>]*novalidate/i);
    expect(labels(html).some((l) => l.includes('<button'))).toBe(false);
  });

  it('shows an urgent offer’s rota: the line’s experts in ringing order, exceptions, 30 s by default', async () => {
    const draft = urgentDraft();
    draft.rota.exceptions = [{ ...emptyException(), experts: ['dr-morvan'], note: 'échange de garde' }];
    const html = await render('fr', draft);
    const text = words(html);
    expect(text).toContain('Dr Kerleau — de garde');
    expect(text).toContain('Dr Morvan — remplaçant');
    expect(text).toContain('Période de l’exception 1');
    expect(html).toMatch(/id="rota-delay"[^>]*value="30"/);
    expect(text).toContain('Les jours fériés suivent les lignes du dimanche');
  });

  it('has no rota for an offer that is not urgent', async () => {
    expect(words(await render('fr', { ...urgentDraft(), urgent: false }))).not.toContain('Tableau de garde');
  });

  it('says each problem of the shared schema beside its field, in French', async () => {
    const draft = urgentDraft();
    draft.specialtyCode = '';
    draft.hospital = '';
    draft.rules = [{ days: [1, 2, 3, 4, 5], from: '18:00', to: '08:00' }];
    draft.rota.weekly = [{ ...emptyShift(), experts: [] }];
    draft.rota.exceptions = [{ ...emptyException(), experts: ['dr-morvan'] }];
    draft.rota.escalateAfterSeconds = '5';
    const html = await render('fr', draft, true);
    expect(errorOf(html, 'offer-specialty')).toBe('Champ obligatoire.');
    expect(errorOf(html, 'offer-hospital')).toBe('Champ obligatoire.');
    expect(errorOf(html, 'hours-rule-0-to')).toBe('La fin doit venir après le début.');
    expect(words(html)).toContain('Ajoutez au moins un expert à l’ordre d’appel.');
    expect(errorOf(html, 'rota-delay')).toBe('Un nombre entier de secondes, de 10 à 600.');
    expect(words(html)).toMatch(/Période : Format incorrect\. Saisissez les jours en JJ\/MM\/AAAA/);
    expect(words(html)).toMatch(/\d+ champs à corriger/);
  });

  it('says an expert named twice beside the second row, as the hub would refuse it', async () => {
    const draft = urgentDraft();
    draft.experts = [...draft.experts, { id: 'dr-kerleau', name: 'Anne Kerleau' }];
    const html = await render('fr', draft, true);
    expect(errorOf(html, 'expert-2-id')).toBe(
      'Cet expert est déjà nommé dans l’offre : retirez l’une des deux lignes.',
    );
    expect(errorOf(html, 'expert-0-id')).toBeNull();
  });

  it('says them in English on an English screen', async () => {
    const draft = { ...urgentDraft(), rules: [{ days: [], from: '9h', to: '18:00' }], acts: [] };
    const html = await render('en', { ...draft, urgent: false }, true);
    const text = words(html);
    expect(text).toContain('Tick at least one day.');
    expect(text).toContain('Tick at least one act type.');
    expect(errorOf(html, 'hours-rule-0-from')).toBe(
      'Incorrect time: type HH:MM on 24 hours (for example 08:00 or 18:30).',
    );
  });
});

describe('the draft of an offer', () => {
  it('becomes the offer the hub is sent: typed times read, exceptions as instants in France', () => {
    const draft = urgentDraft();
    draft.rules = [{ days: [1, 2, 3, 4, 5], from: '8h00', to: '18:00' }];
    draft.rota.exceptions = [
      {
        ...emptyException(),
        fromDate: '24/12/2026',
        fromTime: '20:00',
        toDate: '26/12/2026',
        toTime: '08:00',
        experts: ['dr-morvan'],
        note: 'échange de garde',
      },
    ];
    const check = checkDraft(draft);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.offer.hours).toEqual({
      alwaysOpen: false,
      rules: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
      holidays: 'closed',
      region: 'national',
    });
    expect(check.offer.specialtyCode).toBe('SM32');
    expect(check.offer.rota?.exceptions[0]).toMatchObject({
      from: '2026-12-24T19:00:00.000Z',
      to: '2026-12-26T07:00:00.000Z',
      experts: ['dr-morvan'],
    });
    expect(check.offer.rota?.escalateAfterSeconds).toBe(30);
    expect(check.offer.id).toMatch(/^neurologie-[a-z0-9]+$/);
  });

  it('comes back from a published offer unchanged', () => {
    const draft = urgentDraft();
    draft.rota.exceptions = [
      {
        ...emptyException(),
        fromDate: '01/07/2026',
        fromTime: '08:00',
        toDate: '15/07/2026',
        toTime: '08:00',
        experts: ['dr-morvan'],
      },
    ];
    const check = checkDraft(draft);
    if (!check.ok) throw new Error(JSON.stringify(check.fields));
    const again = checkDraft(draftRules.draftOfOffer(check.offer));
    expect(again.ok && again.offer).toEqual(check.offer);
  });
});
