// The patient registry of a station and its INSi seam, as contract handlers: identities created and
// edited under the identity-vigilance rules, the INSi gateway's answers (RELAIS_INSI_URL) taken in
// when a person accepts them, and each identity's history.
import type { Handlers } from '../../shared/contract';
import type { SignedIn } from '../../shared/identity/identity';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from './patient-repository';
import { createHttpInsiClient } from './insi/http-insi-client';
import type { InsiSettings } from './insi/insi-settings';
import type { Logger } from '../platform/logger';
import { createInsiService, NO_INSI_TEXT } from './insi-service';
import { createPatientService } from './patient-service';

export interface StationPatientsDeps {
  db: Db;
  repository: PatientRepository;
  outbox: OutboxRepository;
  insi: InsiSettings | null;
  now: () => Date;
  /** The person at the station, as the identity's history names her. */
  who: () => string;
  signedIn: () => SignedIn | null;
  logger: Logger;
  onChanged: (id: string) => void;
}

type PatientChannel =
  | 'patients.create'
  | 'patients.update'
  | 'patients.get'
  | 'patients.search'
  | 'patients.history'
  | 'patients.insiStatus'
  | 'patients.insiSearch'
  | 'patients.insiVerify'
  | 'patients.insiAccept';

export function createStationPatients(deps: StationPatientsDeps) {
  const { db, repository, outbox, now, who, onChanged } = deps;
  const patients = createPatientService({ db, patients: repository, outbox, now, who, onChanged });
  // The site's IT reads at each start whether the INS can be retrieved here.
  if (deps.insi) deps.logger.info('insi.configured', { url: deps.insi.url, token: deps.insi.token ? 'set' : 'none' });
  else deps.logger.info('insi.none', { text: NO_INSI_TEXT });
  const insi = createInsiService({
    db: deps.db,
    patients: deps.repository,
    outbox: deps.outbox,
    client: deps.insi ? createHttpInsiClient({ baseUrl: deps.insi.url, token: deps.insi.token }) : null,
    now: deps.now,
    who: deps.who,
    operator: () => {
      const user = deps.signedIn();
      return user ? { name: user.name, idNatPs: user.idNatPs } : { name: deps.who(), idNatPs: null };
    },
    onChanged: deps.onChanged,
  });

  const handlers: Pick<Handlers, PatientChannel> = {
    'patients.create': ({ identity, notDuplicateOf }) => patients.create(identity, notDuplicateOf),
    'patients.update': ({ id, version, identity }) => patients.update(id, version, identity),
    'patients.get': ({ id }) => patients.get(id),
    'patients.search': (query) => patients.search(query),
    'patients.insiStatus': () => ({ configured: insi.configured() }),
    'patients.insiSearch': ({ id }) => insi.search(id),
    'patients.insiVerify': ({ id }) => insi.verify(id),
    'patients.insiAccept': ({ id, version, answerId }) => insi.accept(id, version, answerId),
    'patients.history': ({ id }) => patients.history(id),
  };
  return { patients, handlers };
}
