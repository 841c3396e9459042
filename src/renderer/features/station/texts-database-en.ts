// English texts of the station's database (see texts-database-fr.ts, the reference).
import type { Texts } from '../../i18n/texts';
import type { databaseFr } from './texts-database-fr';

export const databaseEn: Texts<typeof databaseFr> = {
  banner: {
    damaged:
      'Damaged database: this station only shows the records it can still read, and records nothing. Call the technician: they restore a backup.',
    missing:
      'Database missing: this station records nothing until a person decides (restore a backup, or start from an empty database). Call the technician.',
    older:
      'Database older than the one this station last wrote: nothing is recorded until a person decides (restore a backup, or go on with this one). Call the technician.',
    open: 'Open “Database”',
  },
  title: 'Database',
  states: { ok: 'Sound', damaged: 'Damaged', missing: 'Missing', older: 'Older than the one last written' },
  state: 'State: {{state}}',
  since: 'since {{when}}',
  found: 'What the station found (for the technician):',
  damagedParts: 'Damaged parts: {{names}}',
  backupsSummary:
    '{{count}} encrypted backup(s) in the data folder (the {{keep}} newest are kept); newest: {{newest}}.',
  noBackup: 'none',
  check: 'Check the whole database (integrity_check)',
  checking: 'Checking…',
  checkOk: 'Full check on {{when}}: nothing wrong.',
  checkDamaged: 'Full check on {{when}}: the database is damaged.',
  backupNow: 'Back up now',
  backups: 'Backups',
  reasons: { daily: 'daily', migration: 'before an update', manual: 'manual' },
  backupLine: '{{when}} ({{reason}}, {{size}} MB)',
  checkBackup: 'Check this backup',
  backupOk: 'Readable and whole: {{patients}} patient(s), {{encounters}} act(s), audit trail up to row {{audit}}.',
  backupBad: 'This backup does not pass its check: pick another one.',
  decide: 'Decide',
  decideHint:
    'The file replaced is kept aside in the "damaged" folder of the data folder, never deleted. Then the station restarts its services (sign in again) and takes back from the regional server what is missing; it says what is lost.',
  restore: 'Restore the chosen backup',
  startEmpty: 'Start from an empty database (the regional server gives back what it holds)',
  keep: 'Go on with this older database',
  pickBackup: 'Backup to restore',
  chooseFirst: 'Choose one of the decisions above first.',
  backupFirst: 'Choose the backup to restore first.',
  working: 'Working… the station takes back what the regional server holds.',
  lastRecovery: 'Last decision',
  recoveryLine: '{{decision}} on {{when}} by {{by}}.',
  decisions: { restore: 'Backup restored', start_empty: 'Empty database', keep: 'Older database kept' },
  lost: '{{count}} event(s) recorded on this station had never reached the region and are lost.',
  nothingLost: 'Nothing recorded on this station is lost.',
  broughtBack:
    'The regional server gave back {{patients}} patient(s), {{encounters}} act(s) and {{audit}} audit row(s) this database lacked.',
  noRegion: 'No regional server is configured: nothing could be given back.',
  atRegionOnly:
    'Recorded after this database and kept at the region, but not shown on this station: {{count}} item(s) (measurements, consents, reports, files, images, messages).',
  details: 'Details for the IT department',
};
