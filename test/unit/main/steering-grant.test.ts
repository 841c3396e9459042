// The remote steering grant held in main, fed the hub's call messages as they arrive: who may
// steer, granted by whom, when it ends by itself, and the audit of refusals by streak.
import { describe, expect, it } from 'vitest';
import { createSteeringGrant, type SteeringAudit } from '../../../src/main/devices/steering-grant';
import type { Peer } from '../../../src/shared/hub-protocol';
import type { SignedIn } from '../../../src/shared/identity/identity';
import type { ControlChange } from '../../../src/shared/devices/steering-grant';

const peer = (id: string, role: Peer['role'], name: string): Peer => ({
  id,
  role,
  name,
  site: role === 'expert' ? 'CHU de Brest' : 'EHPAD',
  specialty: null,
  availability: 'available',
});
const CART = peer('cart-3', 'station', 'Chariot 3');
const NEURO = peer('dr-kerleau', 'expert', 'Dr Kerleau');
const OTHER = peer('dr-guillou', 'expert', 'Dr Guillou');
const NURSE: SignedIn = {
  sub: 'psc-42',
  idNatPs: '810001234567',
  rpps: '10001234567',
  name: 'Anne Morvan',
  expiresAt: '2026-01-01T12:00:00Z',
  practice: null,
};

function holder(options: { signedIn?: SignedIn | null } = {}) {
  const audit: SteeringAudit[] = [];
  const changes: ControlChange[] = [];
  const stopped: (string | undefined)[][] = [];
  const grant = createSteeringGrant({
    now: () => new Date('2026-03-02T09:40:00Z'),
    self: () => CART,
    signedIn: () => options.signedIn ?? null,
    audit: (row) => audit.push(row),
    onChange: (change) => changes.push(change),
    stopCameras: (ids) => stopped.push(ids),
    log: () => {},
  });
  const answered = (callId = 'call-1', expert = NEURO) => {
    grant.observe({ type: 'call.ringing', callId, to: expert });
    grant.observe({ type: 'call.accepted', callId, by: expert });
  };
  return { grant, audit, changes, stopped, answered };
}

describe('the remote steering grant', () => {
  it('names the signed-in professional as the one who granted, before any name typed', () => {
    const { grant, answered, audit } = holder({ signedIn: NURSE });
    answered();
    expect(grant.grant('call-1', 'quelqu’un d’autre')).toEqual({
      callId: 'call-1',
      expert: { peerId: 'dr-kerleau', name: 'Dr Kerleau', site: 'CHU de Brest' },
      grantedBy: { name: 'Anne Morvan', idNatPs: '810001234567', source: 'sign_in' },
      since: '2026-03-02T09:40:00.000Z',
    });
    const detail = expect.stringContaining('signed in, IdNatPS 810001234567');
    expect(audit.at(-1)).toMatchObject({ event: 'control.granted', person: 'Anne Morvan', detail });
  });

  it('grants only once the call is answered, and a second press changes nothing', () => {
    const { grant, audit } = holder();
    grant.observe({ type: 'call.ringing', callId: 'call-1', to: NEURO });
    expect(() => grant.grant('call-1', 'IDE Morvan')).toThrow(expect.objectContaining({ code: 'not_found' }));
    grant.observe({ type: 'call.accepted', callId: 'call-1', by: NEURO });
    const first = grant.grant('call-1', 'IDE Morvan');
    expect(grant.grant('call-1', 'IDE Morvan')).toEqual(first);
    expect(audit.filter((r) => r.event === 'control.granted')).toHaveLength(1);
  });

  it('refuses a grant when the other side is a station, not an expert', () => {
    const { grant, answered } = holder();
    answered('call-1', peer('cart-9', 'station', 'Chariot 9'));
    expect(() => grant.grant('call-1', 'IDE Morvan')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('ends the grant when another expert is at the other end after a resumption', () => {
    const { grant, answered, changes, stopped } = holder();
    answered();
    grant.grant('call-1', 'IDE Morvan');
    grant.check('call-1', undefined);
    grant.observe({ type: 'call.resumed', callId: 'call-1', caller: CART, callee: NEURO });
    expect(grant.current()).not.toBeNull();
    grant.observe({ type: 'call.resumed', callId: 'call-1', caller: CART, callee: OTHER });
    expect(grant.current()).toBeNull();
    expect(changes.at(-1)).toEqual({ callId: 'call-1', grant: null, reason: 'expert_changed' });
    // The camera she moved is stopped for her.
    expect(stopped).toEqual([[undefined]]);
    expect(() => grant.check('call-1', undefined)).toThrow(expect.objectContaining({ code: 'control_not_granted' }));
  });

  it('ends the grant with the call when a new call starts, and stops nothing it did not move', () => {
    const { grant, answered, changes, stopped } = holder();
    answered();
    grant.grant('call-1', 'IDE Morvan');
    grant.observe({ type: 'call.incoming', callId: 'call-2', from: NEURO, urgent: true });
    expect(changes.at(-1)).toEqual({ callId: 'call-1', grant: null, reason: 'call_ended' });
    expect(stopped).toEqual([]);
  });

  it('after a loss of the hub, grants again only once the hub says the call resumed', () => {
    const { grant, answered, changes } = holder();
    answered();
    grant.grant('call-1', 'IDE Morvan');
    grant.hubLost();
    expect(changes.at(-1)).toMatchObject({ grant: null, reason: 'hub_lost' });
    expect(() => grant.grant('call-1', 'IDE Morvan')).toThrow(expect.objectContaining({ code: 'hub_unavailable' }));
    grant.observe({ type: 'call.resumed', callId: 'call-1', caller: CART, callee: NEURO });
    expect(grant.grant('call-1', 'IDE Morvan').expert.peerId).toBe('dr-kerleau');
  });

  it('audits a streak of refusals once, a new streak for another call, and counts each on the row that ends it', () => {
    const { grant, answered, audit } = holder();
    answered();
    const refused = expect.objectContaining({ code: 'control_not_granted' });
    for (let i = 0; i < 60; i++) expect(() => grant.check('call-1', undefined)).toThrow(refused);
    expect(audit.map((r) => r.event)).toEqual(['camera.remote_refused']);
    expect(() => grant.check('call-x', undefined)).toThrow();
    expect(audit.map((r) => `${r.event} ${r.callId}`)).toEqual([
      'camera.remote_refused call-1',
      'camera.remote_refused call-x',
    ]);
    // The call-1 streak was ended by the call-x one: its count is only logged.
    grant.grant('call-1', 'IDE Morvan');
    expect(audit.at(-1)!.detail).not.toContain('refused');
    for (let i = 0; i < 3; i++) expect(() => grant.check('call-x', undefined)).toThrow();
    grant.revoke('call-1', undefined);
    expect(audit.at(-1)).toMatchObject({ event: 'control.revoked', person: null });
    expect(() => grant.check('call-1', undefined)).toThrow();
    grant.grant('call-1', 'IDE Morvan');
    expect(audit.at(-1)!.detail).toContain('after 1 refused remote command');
    expect(audit.filter((r) => r.event === 'camera.remote_refused')).toHaveLength(4);
  });

  it('takes control back without a name, and says when there was nothing to take back', () => {
    const { grant, answered } = holder();
    answered();
    expect(grant.revoke('call-1', undefined)).toEqual({ revoked: false });
    grant.grant('call-1', 'IDE Morvan');
    expect(grant.revoke('call-1', undefined)).toEqual({ revoked: true });
  });
});
