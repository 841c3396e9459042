// The banner every screen shows while the station's disk is full (issue 17, point 2): what is
// refused, how much to free and what to do, in French and in English; nothing while there is room.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DiskBanner } from '../../src/renderer/features/station/disk-banner';
import type { DiskStatus } from '../../src/shared/station/station';
import { textsIn } from '../helpers/texts';

const MB = 1024 * 1024;
const room: DiskStatus = {
  freeBytes: 900 * MB,
  reserveBytes: 200 * MB,
  full: false,
  writesRefused: false,
  neededBytes: 0,
  auditWaiting: 0,
  auditLost: 0,
};

async function banner(language: 'fr' | 'en', disk: DiskStatus | undefined): Promise<string> {
  const i18n = await textsIn(language);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(DiskBanner, { disk })));
}

describe('the disk-full banner', () => {
  it('says “Disque plein”, that nothing new is saved, and how much to free, when a write was refused', async () => {
    const full = { ...room, freeBytes: 0, full: true, writesRefused: true, neededBytes: 200 * MB, auditWaiting: 12 };
    const text = await banner('fr', full);
    expect(text).toContain('role="alert"');
    expect(text).toContain('Disque plein');
    expect(text).toContain('Rien de nouveau ne peut être enregistré');
    expect(text).toContain('Libérez au moins 200 Mo');
    expect(await banner('en', full)).toMatch(/Disk full.*Nothing new can be saved.*Free at least 200 MB/);
  });

  it('says that new files only are refused while the records are still saved, below the reserve', async () => {
    const low = { ...room, freeBytes: 150 * MB, full: true, neededBytes: 50 * MB };
    expect(await banner('fr', low)).toMatch(
      /Disque plein.*nouveaux fichiers \(photos, sons, images\) sont refusés.*Libérez au moins 50 Mo/,
    );
    expect(await banner('en', low)).toMatch(
      /Disk full.*New files \(photos, sounds, images\) are refused.*Free at least 50 MB/,
    );
  });

  it('shows nothing while there is room, or before the status is known', async () => {
    expect(await banner('fr', room)).toBe('');
    expect(await banner('fr', undefined)).toBe('');
  });
});
