// The expert's prescriptions of other stations' acts (migration 0031): every version she signed,
// with where it stands at the requesting station. Callers own transactions.
import { SignedPrescriptionSchema, type SignedPrescription } from '../../shared/acts/prescription';
import type { RemotePrescription } from '../../shared/remote-acts/prescription-channels';
import type { Db } from '../platform/database/connection';
import { deliveryOf, type DeliveryRow } from './signed-delivery';

interface Row extends DeliveryRow {
  id: string;
  peer_id: string;
  act_id: string;
  signed_json: string;
  replaced_by: string | null;
}

export interface RemotePrescriptionRepository {
  /** The act's signed versions, oldest first. */
  signed(peerId: string, actId: string): RemotePrescription[];
  get(id: string): (RemotePrescription & { peerId: string; actId: string }) | null;
  add(peerId: string, actId: string, prescription: SignedPrescription): void;
}

// Parsed again on reading: a row changed by hand cannot reach a screen, or another station, as
// something it is not.
const prescriptionOf = (row: Row): RemotePrescription => ({
  prescription: SignedPrescriptionSchema.parse(JSON.parse(row.signed_json)),
  delivery: deliveryOf(row),
  replacedBy: row.replaced_by,
});

export function createRemotePrescriptionRepository(db: Db): RemotePrescriptionRepository {
  const select = `SELECT p.*, (SELECT n.id FROM remote_prescriptions n WHERE n.replaces = p.id) AS replaced_by
    FROM remote_prescriptions p`;
  const signedStmt = db.prepare<[string, string], Row>(
    `${select} WHERE p.peer_id = ? AND p.act_id = ? ORDER BY p.signed_at, p.rowid`,
  );
  const getStmt = db.prepare<[string], Row>(`${select} WHERE p.id = ?`);
  const addStmt =
    db.prepare(`INSERT INTO remote_prescriptions (id, peer_id, act_id, signed_json, sha256, signed_at, replaces)
    VALUES (@id, @peerId, @actId, @signed, @sha256, @signedAt, @replaces)`);
  return {
    signed: (peerId, actId) => signedStmt.all(peerId, actId).map(prescriptionOf),
    get(id) {
      const row = getStmt.get(id);
      return row ? { ...prescriptionOf(row), peerId: row.peer_id, actId: row.act_id } : null;
    },
    add(peerId, actId, p) {
      addStmt.run({
        id: p.id,
        peerId,
        actId,
        signed: JSON.stringify(p),
        sha256: p.sha256,
        signedAt: p.signedAt,
        replaces: p.replaces,
      });
    },
  };
}
