// The channels the station still runs while its database is held (damaged, missing, or older than
// its audit anchor): reads and the technician's own. Main's database gate refuses every other one,
// so that a channel added to the contract later is refused then too, until reviewed and listed here.
import type { Channel } from '../contract';

/**
 * SECURITY and safety: the channels that run while the database is held (damaged, missing or
 * older), each with why. They read, or they are the technician's; every other channel is refused
 * (database_damaged or database_held), a channel added later included, until reviewed and listed.
 * The connection is read-only meanwhile, so a listed channel that tried to write would fail too.
 */
export const DATABASE_HOLD_CHANNELS = {
  'station.status': 'every screen says the state',
  'sync.details': 'the Synchronisation screen, where the technician acts',
  'database.check': 'the technician checks the database',
  'database.backups': 'the technician picks a backup',
  'database.checkBackup': 'the technician checks it',
  'database.decide': 'the technician restores it, or a person decides',
  'identity.state': 'the page asks who is signed in',
  'identity.login': 'a professional signs in to read',
  'identity.logout': 'and out',
  'identity.setPin': 'the PIN of this sign-in (kept in memory)',
  'identity.lock': 'the cart locks between acts',
  'identity.unlock': 'and opens with her PIN',
  'identity.unlockBadge': 'or her badge',
  'identity.enrolBadge': 'her badge for this sign-in (kept in memory)',
  'identity.activity': 'the automatic lock',
  'kiosk.state': 'whether the cabin is in kiosk mode',
  'patients.get': 'reads that still work keep working',
  'patients.search': 'a search',
  'patients.history': "an identity's history",
  'patients.insiStatus': 'whether an INSi gateway is configured',
  'encounters.get': 'an act',
  'encounters.forPatient': "a patient's acts",
  'encounters.open': 'the acts in progress',
  'imaging.studies': "a patient's images",
  'imaging.series': 'a series',
  'imaging.frame': 'its frames',
  'stroke.sheet': 'a stroke sheet',
  'teleexpertise.get': 'a téléexpertise request',
  'calls.history': 'the call journal',
  'calls.hub': 'who is connected',
  'activity.monthly': 'the activity figures',
  'audit.verify': 'the audit trail checked',
  'audit.recent': 'its last rows',
  'devices.list': 'the devices',
  'pacs.status': 'whether a PACS is configured',
} as const satisfies Partial<Record<Channel, string>>;

export const runsWhileHeld = (channel: Channel): boolean => Object.hasOwn(DATABASE_HOLD_CHANNELS, channel);
