// What the audit records of a contract call: the action, the record, the patients and the person,
// found in the call itself, including when it failed and gave nothing back.
import { describe, expect, it } from 'vitest';
import { auditFacts } from '../../../src/main/audit/channel-audit';

const ACT = '9b2d7c4e-1f3a-4b5c-8d6e-7f8091a2b3c4';
const patientOf = (id: string) => (id === ACT ? 'patient-of-act' : null);

describe('channel audit', () => {
  it('finds the patient of an act named only by its id, even when the call failed', () => {
    expect(auditFacts('stroke.change', { encounterId: ACT, change: {}, by: 'Dr Guillou' }, null, patientOf)).toEqual({
      action: 'update',
      event: 'stroke.change',
      entityType: 'stroke_sheet',
      entityId: ACT,
      patientIds: ['patient-of-act'],
      person: 'Dr Guillou',
      detail: null,
    });
  });

  it('takes the person from a professional’s name, and a new record’s id from the answer', () => {
    const facts = auditFacts(
      'teleexpertise.create',
      { patientId: 'p-1', requester: { name: 'IDE Morvan', role: 'nurse' } },
      { id: 'new-act', patientId: 'p-1' },
      patientOf,
    );
    expect(facts).toMatchObject({ action: 'create', entityId: 'new-act', patientIds: ['p-1'], person: 'IDE Morvan' });
  });

  it('names the possible duplicates shown instead of a new patient', () => {
    const facts = auditFacts(
      'patients.create',
      { identity: {} },
      { status: 'possible_duplicates', candidates: [{ id: 'p-2' }, { id: 'p-1' }] },
      patientOf,
    );
    expect(facts).toMatchObject({
      action: 'create',
      entityId: null,
      patientIds: ['p-1', 'p-2'],
      detail: 'nothing stored: 2 possible duplicates shown',
    });
  });

  it('never takes a PACS’s patient ids for the station’s', () => {
    const facts = auditFacts(
      'pacs.search',
      { patientId: 'HOSP-123' },
      [{ studyUid: '1.2', patientId: 'HOSP-123' }],
      patientOf,
    );
    expect(facts).toMatchObject({ action: 'read', patientIds: [], detail: '1 shown' });
  });

  it('records a page note as an export, and leaves untouched channels out', () => {
    expect(
      auditFacts(
        'audit.note',
        { event: 'imaging.shared', callId: 'c-1', patientId: 'p-3' },
        { recorded: true },
        patientOf,
      ),
    ).toMatchObject({ action: 'export', patientIds: ['p-3'] });
    expect(
      auditFacts(
        'camera.command',
        { command: { type: 'stop' }, origin: { kind: 'local' } },
        { accepted: true },
        patientOf,
      ),
    ).toBeNull();
    expect(auditFacts('imaging.frame', { sopInstanceUid: '1.2.3', frame: 0 }, {}, patientOf)).toBeNull();
  });

  it('records each unlock, badge enrolment and PIN choice, never the PIN or the badge’s identifier', () => {
    for (const [channel, input] of [
      ['identity.unlock', { pin: '2468' }],
      ['identity.setPin', { pin: '2468' }],
      ['identity.unlockBadge', { uid: '04A3B2C1D9' }],
      ['identity.enrolBadge', { uid: '04A3B2C1D9' }],
    ] as const) {
      const facts = auditFacts(channel, input, { locked: false }, patientOf);
      expect(facts, channel).toEqual({
        action: 'execute',
        event: channel,
        entityType: 'station_lock',
        entityId: null,
        patientIds: [],
        person: null,
        detail: null,
      });
      expect(JSON.stringify(facts)).not.toMatch(/2468|04A3B2C1D9/);
    }
  });
});
