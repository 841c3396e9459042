// The clinician's plain sentence on the station's health names whom to call (issue 20, point 3):
// the IT support contact the hospital set (RELAIS_SUPPORT_CONTACT), else "your establishment's IT
// support", in French and English.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { HealthNote } from '../../src/renderer/features/station/health-note';
import type { StationStatus } from '../../src/shared/station/station';
import { textsIn } from '../helpers/texts';

function status(supportContact: string | null, problem = false): StationStatus {
  return {
    sync: { parked: problem ? 1 : 0, conflicts: 0, auditRefused: 0, lastError: null },
    hub: { state: 'online', url: null },
    disk: { full: false },
    database: { state: 'ok' },
    supportContact,
  } as unknown as StationStatus;
}

async function note(language: 'fr' | 'en', s: StationStatus): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(HealthNote, { status: s })));
}

describe('the health note', () => {
  it('names the IT support contact the hospital configured', async () => {
    const text = await note('fr', status('Support informatique du GHT, poste 4321', true));
    expect(text).toContain('appelez Support informatique du GHT, poste 4321.');
    expect(text).not.toContain('le support informatique de votre établissement');
    expect(await note('en', status('GHT IT support, ext. 4321'))).toContain('call GHT IT support, ext. 4321.');
  });

  it('falls back to the establishment’s IT support without the setting', async () => {
    expect(await note('fr', status(null))).toContain('appelez le support informatique de votre établissement.');
    expect(await note('en', status(null))).toContain('call your establishment’s IT support.');
  });
});
