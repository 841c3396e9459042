// The ordered list of migrations: append only, never edit one that has shipped.
import type { Migration } from '../migrate';
import { migration0001 } from './0001-patients';
import { migration0002 } from './0002-outbox';
import { migration0003 } from './0003-duplicate-check-indexes';
import { migration0004 } from './0004-name-tokens';
import { migration0005 } from './0005-calls';
import { migration0006 } from './0006-call-attachments';
import { migration0007 } from './0007-encounters';
import { migration0008 } from './0008-sync';
import { migration0009 } from './0009-sync-uploads';
import { migration0010 } from './0010-sync-pull';
import { migration0011 } from './0011-encounter-reports';
import { migration0012 } from './0012-outbox-waiting';
import { migration0013 } from './0013-attachments';
import { migration0014 } from './0014-imaging';
import { migration0015 } from './0015-slice-position';
import { migration0016 } from './0016-stroke-sheets';
import { migration0017 } from './0017-report-pdfs';
import { migration0018 } from './0018-communes';
import { migration0019 } from './0019-teleexpertise';
import { migration0020 } from './0020-audit-trail';
import { migration0021 } from './0021-audit-acknowledgements';
import { migration0022 } from './0022-imaging-incomplete-studies';
import { migration0023 } from './0023-outbox-resend';
import { migration0024 } from './0024-consent-givers';
import { migration0025 } from './0025-identity-vigilance';
import { migration0026 } from './0026-report-receipts';
import { migration0027 } from './0027-attachment-asked-by';
import { migration0028 } from './0028-remote-acts';
import { migration0029 } from './0029-remote-reports';
import { migration0030 } from './0030-act-prescriptions';
import { migration0031 } from './0031-remote-prescriptions';
import { migration0032 } from './0032-prescription-pdfs';
import { migration0033 } from './0033-act-escalations';
import { migration0034 } from './0034-appointments';
import { migration0035 } from './0035-directory-offers';
import { migration0036 } from './0036-agenda';
import { migration0037 } from './0037-duplicate-pool-by-date';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
  migration0034,
  migration0035,
  migration0036,
  migration0037,
];
