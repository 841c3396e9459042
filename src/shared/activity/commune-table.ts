// Reads a table of commune coordinates by INSEE code from the official open-data CSV ("Communes
// et villes de France", data.gouv.fr: code_insee, latitude_mairie/longitude_mairie,
// latitude_centre/longitude_centre), so that the km a remote act avoided come from published
// figures and never from coordinates made up here. Pure: text in, table out.
import type { Place } from './transport-avoided';

export interface CommuneTable {
  places: ReadonlyMap<string, Place>;
  /** Which point stands for a commune: its town hall, or its geographic centre. */
  reference: 'mairie' | 'centre';
  /** Lines that could not be read (no INSEE code, no or impossible coordinates, a second line for a code). */
  skipped: number;
}

/** A table that cannot be used at all, said in French and in English. */
export class CommuneTableError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CommuneTableError';
  }
}

const INSEE = /^(\d{2}|2A|2B)\d{3}$/;

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
function records(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** A decimal degree, with a point or (French spreadsheets) a comma. */
function degrees(text: string | undefined, limit: number): number | null {
  const value = Number(text?.trim().replace(',', '.'));
  return text?.trim() && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

export function parseCommuneTable(text: string): CommuneTable {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...lines] = records(body, delimiter);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const code = column('code_insee');
  // The town hall first: the file gives it for every commune, its centre not always.
  const pairs = [
    { reference: 'mairie' as const, lat: column('latitude_mairie'), lon: column('longitude_mairie') },
    { reference: 'centre' as const, lat: column('latitude_centre'), lon: column('longitude_centre') },
  ];
  const pair = pairs.find((p) => p.lat >= 0 && p.lon >= 0);
  if (code < 0 || !pair) {
    throw new CommuneTableError(
      'Ce fichier n’est pas une table des communes : il faut les colonnes code_insee et latitude_mairie, longitude_mairie (ou latitude_centre, longitude_centre), comme dans le fichier « Communes et villes de France » de data.gouv.fr.',
      'This file is not a commune table: it needs the columns code_insee and latitude_mairie, longitude_mairie (or latitude_centre, longitude_centre), as in the "Communes et villes de France" file from data.gouv.fr.',
    );
  }
  const places = new Map<string, Place>();
  let skipped = 0;
  for (const line of lines) {
    const insee = line[code]?.trim().toUpperCase() ?? '';
    const latitude = degrees(line[pair.lat], 90);
    const longitude = degrees(line[pair.lon], 180);
    if (!INSEE.test(insee) || latitude === null || longitude === null || places.has(insee)) skipped++;
    else places.set(insee, { latitude, longitude });
  }
  if (places.size === 0) {
    throw new CommuneTableError(
      'Aucune ligne de ce fichier ne donne un code INSEE avec des coordonnées lisibles.',
      'No line of this file gives an INSEE code with readable coordinates.',
    );
  }
  return { places, reference: pair.reference, skipped };
}
