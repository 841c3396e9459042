// The station's options, as the hosts (Electron, browser mode) and the tests give them.
import type { StationStatus } from '../../shared/station/station';
import type { DeviceSetup } from '../devices';
import type { OidcSettings } from '../identity';
import type { InsiSettings } from '../patients';
import type { Logger } from '../platform/logger';
import type { KeySealer } from '../platform/security/data-key';
import type { SupportContactSetting } from './support-contact';
import type { StationDiskOptions } from './station-disk';

/** What a station without sign-in means, for the log the hospital's IT reads. */
export const NO_SIGN_IN_TEXT =
  'No professional sign-in on this station (RELAIS_NO_SIGN_IN=1): anyone at the station reads every record.';

export interface StationOptions {
  dataDir: string;
  mode: StationStatus['mode'];
  logger: Logger;
  stationName?: string;
  hubUrl?: string | null;
  now?: () => Date;
  /** Which devices to run; none by default (tests). The hosts read devices.json (loadDeviceSetup). */
  devices?: DeviceSetup;
  /** Where device profiles live; resources/ beside the app by default. */
  resourcesDir?: string;
  /** The station's access token for the hub at hubUrl. */
  hubToken?: string;
  /** "relay" forces calls through the hub's TURN servers. */
  icePolicy?: 'all' | 'relay';
  /** The commune coordinate table (open-data CSV) for the km acts avoided; communes.csv in dataDir by default. */
  communesFile?: string;
  /** The regional FHIR R4 server the records sync to (with hubToken); none: records stay here. */
  fhirUrl?: string | null;
  /** The built frame-decoding worker (out/main/imaging-worker.cjs); none: frames decode inline. */
  imagingWorker?: string | null;
  /** The hospital PACS's DICOMweb root; none: images come from drives only. */
  pacsUrl?: string | null;
  /** The hospital's INSi gateway (RELAIS_INSI_URL); none: the INS cannot be retrieved here. */
  insi?: InsiSettings | null;
  /** The region's resumable upload endpoint (tus) for attachment files. */
  uploadsUrl?: string | null;
  /** The OS keychain that seals the data key (Electron's safeStorage); none: a key file (browser mode, tests). */
  keySealer?: KeySealer | null;
  /** An OS keychain without a keyring behind it (basic_text) is accepted only when the site says so (RELAIS_ALLOW_NO_KEYRING=1). */
  allowNoKeyring?: boolean;
  /** The data key file when there is no keychain; beside the data folder by default (RELAIS_DATA_KEY_FILE). */
  dataKeyFile?: string | null;
  /** The professional identity provider (Pro Santé Connect); none: no sign-in on this station. */
  oidc?: OidcSettings | null;
  /** Opens an address in the system browser (Electron); browser mode leaves it to the page. */
  openBrowser?: (url: string) => void;
  /** Whom clinicians call for the IT (RELAIS_SUPPORT_CONTACT); none: "your establishment's IT support". */
  supportContact?: SupportContactSetting;
  /** How many backups of the database are kept in the data folder (RELAIS_BACKUPS_KEPT, 7 by default). */
  backupsKept?: number;
  /** How long before an appointment the station reminds (RELAIS_REMINDER_MINUTES, 15 by default). */
  reminderMinutes?: number;
  /** How soon after a change, and how often, the sync runs (tests and the crash test shorten them). */
  syncTiming?: {
    debounceMs?: number;
    intervalMs?: number;
    pullIntervalMs?: number;
    pullMarginMs?: number;
    reconcileIntervalMs?: number;
  };
  /** The space kept free for the records (RELAIS_DISK_RESERVE_MB), and how often the disk is measured. */
  disk?: StationDiskOptions;
}
