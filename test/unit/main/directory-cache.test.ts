// The hub's last directory is kept on the station (issue 22: the offers "cached for offline"): a
// station started again without the hub still shows the region's offers, in the hub's order, until
// a newer directory replaces them whole. A row another version wrote that the schema no longer
// reads is left out; a directory naming one offer twice keeps the first.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallRepository } from '../../../src/main/calls/call-repository';
import { createCallService } from '../../../src/main/calls/call-service';
import { createDirectoryCache } from '../../../src/main/calls/directory-cache';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { createHubLink } from '../../../src/main/platform/hub/hub-link';
import { anOffer } from '../../helpers/offers';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-directory-cache-');
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function station(file: string) {
  const db = openDatabase(file);
  dbs.push(db);
  const service = createCallService({
    db,
    calls: createCallRepository(db),
    outbox: createOutboxRepository(db),
    link: createHubLink(null, () => {}),
    now: () => new Date('2026-12-07T09:00:00Z'),
    icePolicy: 'all',
    directory: createDirectoryCache(db),
    onState: () => {},
    onMessage: () => {},
  });
  return { db, service };
}

/** The station switched off: its database closed (one station holds its file at a time). */
function closeStation(db: Db) {
  db.close();
  dbs.splice(dbs.indexOf(db), 1);
}

const derm = anOffer({ id: 'derm', specialty: 'dermatologie', experts: ['dr-derm'] });
const stroke = anOffer({ id: 'avc', specialty: 'neurologie', urgent: true, experts: ['dr-neuro'] });

describe('the directory kept on the station', () => {
  it('is what a station started again without the hub shows, in the hub’s order', () => {
    const file = path.join(tempDir(), 'relais.sqlite');
    const first = station(file);
    expect(first.service.state().offers).toEqual([]);
    first.service.handle({ type: 'directory', offers: [stroke, derm] });
    closeStation(first.db);

    const again = station(file);
    expect(again.service.state().link).not.toBe('online');
    expect(again.service.state().offers.map((o) => o.id)).toEqual(['avc', 'derm']);
    expect(again.service.state().offers[0]).toEqual(stroke);
  });

  it('is replaced whole by the next directory, an offer withdrawn included', () => {
    const file = path.join(tempDir(), 'relais.sqlite');
    const first = station(file);
    first.service.handle({ type: 'directory', offers: [stroke, derm] });
    first.service.handle({ type: 'directory', offers: [derm] });
    closeStation(first.db);
    expect(
      station(file)
        .service.state()
        .offers.map((o) => o.id),
    ).toEqual(['derm']);
  });

  it('leaves out a row it cannot read, and keeps the first of an offer named twice', () => {
    const file = path.join(tempDir(), 'relais.sqlite');
    const { db } = station(file);
    const cache = createDirectoryCache(db);
    cache.save([derm, { ...derm, hospital: 'another' }, stroke], '2026-12-07T09:00:00Z');
    expect(cache.load().map((o) => [o.id, o.hospital])).toEqual([
      ['derm', 'CHU de Brest'],
      ['avc', 'CHU de Brest'],
    ]);
    db.prepare(
      'UPDATE directory_offers SET offer = \'{"id":"derm","hours":"lun-ven"}\' WHERE offer_id = \'derm\'',
    ).run();
    db.prepare("UPDATE directory_offers SET offer = 'not json' WHERE offer_id = 'avc'").run();
    expect(cache.load()).toEqual([]);
  });

  it('goes on without keeping it when the database cannot be written, and says so', () => {
    const { db, service } = station(path.join(tempDir(), 'relais.sqlite'));
    const warnings: string[] = [];
    const cache = createDirectoryCache(db, (event) => warnings.push(event));
    closeStation(db);
    expect(() => cache.save([derm], '2026-12-07T09:00:00Z')).not.toThrow();
    expect(warnings).toEqual(['calls.directory_not_kept']);
    expect(service.state().offers).toEqual([]);
  });
});
