// What the station found wrong with its database, in the English the technician (Database panel)
// and the log read; the screens say the state itself in the person's language.

const DECIDE = 'Nothing is written until a person decides: restore a backup, or go on with this database on purpose.';
const RESTORE = 'The station only reads until a technician restores a backup.';

export const DATABASE_PROBLEMS = {
  missing: (file: string, anchorSeq: number) =>
    `There is no database at ${file}, though the audit anchor file knows row ${anchorSeq}: the database was deleted or moved. ` +
    'Nothing is written until a person decides: restore a backup, or start empty on purpose.',
  firstPage: (backup: string) =>
    `The database does not open with the station's data key, while backup ${backup} does: the key is right and the database's ` +
    'first page is damaged. Nothing of it can be shown. A technician restores a backup (the region gives back what it lacks).',
  wal: (where: string, lostCommits: number, keptIn: string | null) =>
    `The database's write-ahead log (WAL) is damaged at ${where}: SQLite would silently drop the ${lostCommits} transactions ` +
    `written after it.${keptIn ? ` A copy of the files as found is kept in ${keptIn}.` : ''} ` +
    'The station only reads until a technician restores a backup or starts empty (the region gives back what it holds).',
  check: (kind: 'quick_check' | 'integrity_check', first: string | undefined, damaged: string[]) =>
    `SQLite's ${kind} found the database damaged (${first ?? 'no detail'}).` +
    `${damaged.length > 0 ? ` Damaged: ${damaged.join(', ')}.` : ''} ${RESTORE}`,
  damagedRead: (message: string) => `A read met a damaged page of the database (${message}). ${RESTORE}`,
  olderThanAnchor: (lastSeq: number, anchorSeq: number) =>
    `This database's audit trail ends at row ${lastSeq}, but the audit anchor file knows row ${anchorSeq}: it is an older copy ` +
    `put in place of the one this station last wrote, or the last transactions were lost. ${DECIDE}`,
  notAnchored: (anchorSeq: number) =>
    `Audit row ${anchorSeq} of this database is not the one the audit anchor file remembers: it is not the database this station ` +
    `last wrote (an older copy that went on, or another station's). ${DECIDE}`,
  olderThanRegion: (lastSeq: number, regionSeq: number) =>
    `This database's audit trail ends at row ${lastSeq}, but the regional server acknowledged row ${regionSeq} of this station: ` +
    `the data folder was rolled back or replaced. ${DECIDE} The region gives back what it holds.`,
  earlierSchema: (version: number, current: number) =>
    ` Its records (schema ${version}, this version's is ${current}) are not shown until then.`,
};
