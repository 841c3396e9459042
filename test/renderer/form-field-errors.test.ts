// The station's refusals beside their fields (issue 20, point 5): the téléexpertise request, the
// expert's reply, the patient's consent and the drive's folder show each refused field's sentence
// under that field (aria-invalid, aria-describedby naming the sentence), in French and English,
// and keep only the rest in the form's general line; an empty required field is said before
// anything is sent. Rendered to static markup: the refusal is given through props.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../src/shared/result';
import { textsIn } from '../helpers/texts';

// The forms import the station's API, which connects to window.relais as it loads: none here.
vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { NewRequestFormView, missingRequestFields } =
  await import('../../src/renderer/features/teleexpertise/new-request-form');
const { ReplyForm, missingReplyFields } = await import('../../src/renderer/features/teleexpertise/reply-form');
const { ConsentForm } = await import('../../src/renderer/ui/consent-form');
const { DriveFolderForm } = await import('../../src/renderer/features/imaging/import-from-drive');
const { PacsSearchForm } = await import('../../src/renderer/features/imaging/pacs-search');
const { missingRequired } = await import('../../src/renderer/ui/field-errors');
const { en } = await import('../../src/renderer/i18n/en');
const { fr } = await import('../../src/renderer/i18n/fr');

async function render(language: 'fr' | 'en', element: ReactElement): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

const refusal = (...fields: AppError['fields'] & object): AppError => ({
  code: 'validation_failed',
  message: 'Invalid payload',
  fields,
});

/** The control with this id is marked invalid and names its error line, which holds the sentence. */
function expectBeside(html: string, id: string, sentence: string) {
  const control = new RegExp(`<(input|textarea|select|fieldset)[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  expect(control, `a control with id ${id}`).toBeDefined();
  expect(control).toContain('aria-invalid="true"');
  expect(control).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
  expect(html).toMatch(new RegExp(`<p id="${id}-error"[^>]*>${sentence.replace(/[.()]/g, '\\$&')}</p>`));
}

const emptyDraft = { specialty: '', expert: null, question: '', context: '', priority: 'routine', site: '' } as const;

describe('the téléexpertise request form', () => {
  const view = (error: AppError | null) =>
    createElement(NewRequestFormView, {
      draft: { ...emptyDraft, specialty: 'dermatologie' },
      onChange: () => {},
      specialties: ['dermatologie'],
      error,
      busy: false,
      onSubmit: () => {},
      onCancel: () => {},
    });

  it('shows the question, site and specialty refusals under their fields, the rest in the general line', async () => {
    const error = refusal(
      { path: 'question', code: 'field.required' },
      { path: 'site', code: 'field.too_long', params: { limit: 200 } },
      { path: 'specialty', code: 'field.required' },
      { path: 'requester.rpps', code: 'field.invalid_format' },
    );
    const html = await render('fr', view(error));
    expectBeside(html, 'expertise-question', 'Champ obligatoire.');
    expectBeside(html, 'expertise-specialty', 'Champ obligatoire.');
    expectBeside(html, 'expertise-site', fr.fieldErrors.field.too_long);
    // The requester's RPPS has no field on this form: it stays in the general line.
    expect(html).toMatch(/role="alert" class="error-text"><p>Format incorrect\.<\/p><\/div>/);
    expect(html).not.toContain('Champ obligatoire.</p></div>');
    const english = await render('en', view(error));
    expectBeside(english, 'expertise-question', 'Required.');
  });

  it('says an empty specialty, question or site before sending, and nothing when all are typed', () => {
    expect(missingRequestFields(emptyDraft)?.fields?.map((f) => [f.path, f.code])).toEqual([
      ['specialty', 'field.required'],
      ['question', 'field.required'],
      ['site', 'field.required'],
    ]);
    expect(missingRequestFields({ ...emptyDraft, specialty: 'x', question: '  ', site: 'y' })?.fields).toEqual([
      { path: 'question', code: 'field.required' },
    ]);
    expect(missingRequestFields({ ...emptyDraft, specialty: 'x', question: 'q', site: 'y' })).toBeNull();
  });
});

describe("the expert's reply form", () => {
  it('shows the text and follow-up refusals under their fields, in French and English', async () => {
    const error = refusal(
      { path: 'text', code: 'field.required' },
      { path: 'followUp', code: 'teleexpertise.follow_up_required' },
      { path: 'author.rpps', code: 'field.invalid_format' },
    );
    const element = createElement(ReplyForm, { requestId: 'r', error, onDone: () => {} });
    const html = await render('fr', element);
    expectBeside(html, 'reply-text', 'Champ obligatoire.');
    expectBeside(html, 'reply-follow-up', fr.fieldErrors.teleexpertise.follow_up_required);
    expect(html).toMatch(/role="alert" class="error-text"><p>Format incorrect\.<\/p><\/div>/);
    expectBeside(await render('en', element), 'reply-follow-up', en.fieldErrors.teleexpertise.follow_up_required);
  });

  it('says an empty reply before sending', () => {
    expect(missingReplyFields(' ')?.fields).toEqual([{ path: 'text', code: 'field.required' }]);
    expect(missingReplyFields('Avis : bénin.')).toBeNull();
  });
});

describe('the consent form', () => {
  it("shows the urgency rule's refusal under who consents and the scope's under the scope", async () => {
    const error = refusal(
      { path: 'givenBy', code: 'consent.emergency_not_for_recording' },
      { path: 'scope', code: 'field.invalid_choice' },
      { path: 'collectedBy', code: 'field.required' },
    );
    const element = createElement(ConsentForm, { encounterId: 'e', error, onDone: () => {} });
    const html = await render('fr', element);
    expectBeside(html, 'consent-e-giver', fr.fieldErrors.consent.emergency_not_for_recording);
    expectBeside(html, 'consent-e-scope', fr.fieldErrors.field.invalid_choice);
    expect(html).toMatch(/role="alert" class="error-text"><p>Champ obligatoire\.<\/p><\/div>/);
    expectBeside(await render('en', element), 'consent-e-giver', en.fieldErrors.consent.emergency_not_for_recording);
  });
});

describe("the drive's folder form", () => {
  it("shows the station's refusal of the folder under the folder field", async () => {
    const error = refusal({ path: 'folder', code: 'imaging.folder_missing', params: { folder: '/media/cdrom' } });
    const element = createElement(DriveFolderForm, {
      folder: '/media/cdrom',
      onFolder: () => {},
      error,
      busy: false,
      onSubmit: () => {},
    });
    expectBeside(
      await render('fr', element),
      'drive-folder',
      'Le dossier /media/cdrom n’existe pas : vérifiez que le disque ou la clé est inséré et monté.',
    );
    expectBeside(
      await render('en', element),
      'drive-folder',
      'There is no folder /media/cdrom: check that the disc or drive is inserted and mounted.',
    );
  });

  it('says an empty folder before reading the drive', () => {
    expect(missingRequired({ folder: ' ' })?.fields).toEqual([{ path: 'folder', code: 'field.required' }]);
    expect(missingRequired({ folder: '/media/cdrom' })).toBeNull();
  });
});

describe('the PACS search form', () => {
  it("shows the station's refusal of the typed name under the name field, the rest in the general line", async () => {
    const error = refusal(
      { path: 'patientName', code: 'field.invalid_format' },
      { path: 'modality', code: 'field.too_long', params: { limit: 16 } },
    );
    const element = createElement(PacsSearchForm, {
      name: 'DUPONT\\*',
      onName: () => {},
      modality: '',
      onModality: () => {},
      error,
      busy: false,
      onSubmit: () => {},
    });
    const html = await render('fr', element);
    expectBeside(html, 'pacs-name', fr.fieldErrors.field.invalid_format);
    expect(html).not.toContain('role="alert" class="error-text"><p>Format incorrect.');
    expectBeside(await render('en', element), 'pacs-name', en.fieldErrors.field.invalid_format);
  });
});
