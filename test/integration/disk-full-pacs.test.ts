// A PACS retrieval on a station whose disk is below the records' reserve (issue 17, point 2): the
// retrieval is refused as disk_full before anything is written, saying how much to free, and
// goes through once space is back. Debian's Orthanc on 127.0.0.1 is the PACS; a tmpfs the disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { startOrthanc, type RunningOrthanc } from '../helpers/orthanc';
import { openStation } from '../helpers/station';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { useTempDir } from '../helpers/temp-dir';
import { useTmpfs } from '../helpers/tmpfs';

const tmpfs = useTmpfs();
const tempDir = useTempDir();
const MB = 1024 * 1024;
let orthanc: RunningOrthanc;
beforeAll(async () => {
  orthanc = await startOrthanc();
}, 30_000);
afterAll(() => orthanc?.stop());

describe('a PACS retrieval on a full disk', () => {
  it('is refused as disk_full below the reserve, leaving nothing behind, and goes through once space is back', async () => {
    const files = writeSyntheticCt(tempDir(), 12, 128, 'KERGUELEN^YVONNE', '1.2.826.0.1.3680043.10.1234.17');
    await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
      files.map((f) => new Uint8Array(fs.readFileSync(f))),
    );
    const disk = tmpfs(8);
    const dataDir = path.join(disk.root, 'data');
    const station = openStation(dataDir, undefined, {
      pacsUrl: orthanc.dicomWebUrl,
      disk: { reserveBytes: 3 * MB, checkIntervalMs: 50 },
    });
    try {
      const created = await station.value('patients.create', {
        identity: {
          birthName: 'Kerguelen',
          firstName: 'Yvonne',
          birthDate: '1948-02-11',
          sex: 'F',
          birthplaceCode: '29019',
          identityStatus: 'PROV',
        },
      });
      if (created.status !== 'created') throw new Error('patient');
      const [study] = await station.value('pacs.search', { patientName: 'KERGUELEN*' });
      const retrieve = { studyUid: study!.studyUid, patientId: created.patient.id };

      disk.fill(2 * MB);
      const refused = await station.call('pacs.retrieve', retrieve);
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'disk_full',
          message: expect.stringMatching(/^Images from the PACS cannot be taken: .*RELAIS_DISK_RESERVE_MB/),
          fields: [{ path: 'disk', code: 'disk.full' }],
        },
      });
      expect(
        fs.existsSync(path.join(dataDir, 'pacs-inbox')) ? fs.readdirSync(path.join(dataDir, 'pacs-inbox')) : [],
      ).toEqual([]);
      expect(await station.value('imaging.studies', { patientId: created.patient.id })).toEqual([]);

      disk.release();
      expect(await station.value('pacs.retrieve', retrieve)).toMatchObject({ studies: 1, instances: 12 });
    } finally {
      await station.close();
    }
  });
});
