// Where the commune table is looked for, and what the station says of a file it cannot use: far
// too big for the official table, or not a file at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communesFile, createCommunePlaces } from '../../../src/main/activity/commune-places';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('commune places', () => {
  it('takes RELAIS_COMMUNES_CSV, else communes.csv in the data folder', () => {
    expect(communesFile({ RELAIS_COMMUNES_CSV: ' /srv/communes-france-2025.csv ' }, '/data')).toBe(
      '/srv/communes-france-2025.csv',
    );
    expect(communesFile({ RELAIS_COMMUNES_CSV: '' }, '/data')).toBe(path.join('/data', 'communes.csv'));
  });

  it('refuses a file far bigger than the official table without reading it, and a folder, saying why', () => {
    const dir = tempDir();
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 150 * 1024 * 1024); // sparse: no disk used
    expect(createCommunePlaces(huge).current()).toMatchObject({
      table: null,
      coordinates: {
        status: 'unreadable',
        fr: expect.stringMatching(/^le fichier fait 157 Mo/),
        en: expect.stringMatching(/^the file is 157 MB/),
      },
    });
    expect(createCommunePlaces(dir).current()).toMatchObject({
      table: null,
      coordinates: { status: 'unreadable', en: expect.stringMatching(/^it cannot be read \(EISDIR/) },
    });
  });
});
