// English texts of the station's disk: the banner on every screen when it is full, and its line on the home screen.
import type { diskFr } from './texts-disk-fr';
import type { Texts } from '../../i18n/texts';

export const diskEn: Texts<typeof diskFr> = {
  title: 'Disk full',
  writesRefused: 'Nothing new can be saved on this station (records, acts, files); the records stay readable.',
  filesRefused: 'New files (photos, sounds, images) are refused to keep room for the records, which are still saved.',
  whatToDo:
    'Free at least {{needed}} MB on the station’s disk (recycle bin, other programs’ old files) or call the IT department, then do again what was refused.',
  space: 'Disk space',
  free: '{{free}} MB free ({{reserve}} MB kept for the records)',
  unknown: 'unknown',
  auditWaiting: '{{count}} audit trail event(s) waiting to be written (disk full): written as soon as space is back.',
  auditLost:
    '{{count}} audit trail event(s) not kept (memory full while the disk was); the trail will say so. Tell the regional IT.',
};
