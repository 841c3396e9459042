// The commune coordinate table read from the open-data CSV layout: town halls first, lines that
// cannot be read counted and left out, and a file of another kind refused with a sentence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommuneTableError, parseCommuneTable } from '../../../src/shared/activity/commune-table';

const fixture = fs.readFileSync(path.resolve('test/fixtures/communes/communes-fixture.csv'), 'utf8');

describe('commune table', () => {
  it('reads each commune’s town hall by INSEE code, and counts the lines it could not read', () => {
    const table = parseCommuneTable(fixture);
    expect(table.reference).toBe('mairie');
    expect([...table.places.keys()]).toEqual(['29019', '29103', '29232', '29151', '35238', '2A004']);
    expect(table.places.get('29019')).toEqual({ latitude: 48.39, longitude: -4.49 }); // the first line for a code wins
    expect(table.places.get('2A004')).toEqual({ latitude: 41.93, longitude: 8.74 }); // a quoted name with a comma
    expect(table.skipped).toBe(4);
  });

  it('takes the centres when the file has no town halls, semicolons and decimal commas included', () => {
    const table = parseCommuneTable(
      '\uFEFFcode_insee;latitude_centre;longitude_centre\n29019;48,40;-4,50\n"29103";48.45;-4.26\n',
    );
    expect(table.reference).toBe('centre');
    expect(table.places.get('29019')).toEqual({ latitude: 48.4, longitude: -4.5 });
    expect(table.places.get('29103')).toEqual({ latitude: 48.45, longitude: -4.26 });
  });

  it('refuses a file of another kind, or one with no usable line, in French and English', () => {
    const postalCodes = 'Code_commune_INSEE;Nom_de_la_commune;Code_postal\n29019;BREST;29200\n';
    expect(() => parseCommuneTable(postalCodes)).toThrow(CommuneTableError);
    try {
      parseCommuneTable(postalCodes);
    } catch (error) {
      expect((error as CommuneTableError).fr).toMatch(/^Ce fichier n’est pas une table des communes/);
      expect((error as CommuneTableError).en).toMatch(/^This file is not a commune table/);
    }
    expect(() => parseCommuneTable('code_insee,latitude_mairie,longitude_mairie\nxx,yy,zz\n')).toThrow(
      /No line of this file gives an INSEE code/,
    );
    expect(() => parseCommuneTable('')).toThrow(CommuneTableError);
  });
});
