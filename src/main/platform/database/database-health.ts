// SQLite's own checks of the station's database, in words: quick_check at each start (every page
// of every table and index read, its HMAC checked by the cipher), integrity_check on demand (also
// each index against its table). SQLite names damaged pages by their b-tree's root page; the
// schema turns that into the table or index a technician can name.
import type { IntegrityReport } from '../../../shared/station/database';
import type { Db } from './connection';

const MAX_LINES = 20;

/** SQLite errors that mean the file's pages are not what was written (or the cipher refuses them). */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

/** Root page -> table or index name, read from the schema (itself possibly damaged: then empty). */
function namesByRootPage(db: Db): Map<number, string> {
  try {
    const rows = db.prepare('SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0').all() as {
      name: string;
      rootpage: number;
    }[];
    return new Map(rows.map((r) => [r.rootpage, r.name]));
  } catch {
    return new Map();
  }
}

/** Reads SQLite's lines ("Tree 34 page 34: ...", "On tree page 12 cell 3: ...") for the names of what is damaged. */
function damagedNames(db: Db, lines: string[]): string[] {
  const names = namesByRootPage(db);
  const found = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(
      /\b[Tt]ree (\d+)|\bin (?:table|index) ([A-Za-z0-9_]+)|\b(?:index|table) ([A-Za-z0-9_]+)/g,
    )) {
      const name = m[1] ? names.get(Number(m[1])) : (m[2] ?? m[3]);
      if (name) found.add(name);
    }
  }
  return [...found].sort();
}

/**
 * When SQLite's lines name nothing (the check stopped at the first page the cipher refused), each
 * table is read whole: those that cannot be read are the damaged ones. Only in the damaged case.
 */
function unreadableTables(db: Db): string[] {
  let tables: string[];
  try {
    tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
  } catch {
    return ['sqlite_master'];
  }
  return tables.filter((table) => {
    try {
      for (const _row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).iterate()) void _row;
      return false;
    } catch (error) {
      return isDamageError(error);
    }
  });
}

/**
 * Runs quick_check (fast: pages and b-trees) or integrity_check (also indexes against their tables).
 * A check that cannot even run (a damaged first page, the cipher refusing a page) is a damaged report.
 */
export function checkDatabase(db: Db, kind: 'quick_check' | 'integrity_check', now: () => Date): IntegrityReport {
  const checkedAt = now().toISOString();
  let lines: string[];
  try {
    const rows = db.pragma(kind) as Record<string, string>[];
    lines = rows.flatMap((row) => String(Object.values(row)[0] ?? '').split('\n')).filter((l) => l !== '');
  } catch (error) {
    return {
      ok: false,
      checkedAt,
      problems: [
        `${kind} could not run: ${(error as Error).message} (${String((error as { code?: unknown }).code ?? '')})`,
      ],
      damaged: unreadableTables(db),
    };
  }
  if (lines.length === 1 && lines[0] === 'ok') return { ok: true, checkedAt, problems: [], damaged: [] };
  // SQLite lists pages it never reached after the damage ("Page 118: never used"): not news to a person.
  const told = lines.filter((l) => !/^Page \d+: never used$/.test(l) && !/^\*\*\* in database/.test(l));
  const named = damagedNames(db, lines);
  return {
    ok: false,
    checkedAt,
    problems: (told.length > 0 ? told : lines).slice(0, MAX_LINES),
    damaged: named.length > 0 ? named : unreadableTables(db),
  };
}
