// The act's context sent to the expert over the call's data channel (issue 21, point 1): parsed from
// a remote peer, it refuses garbage whole (wrong types, oversized strings and lists, unknown fields)
// and an INS sent with an identity that is not qualified; a real context passes, and travels in
// the call's data-channel messages.
import { describe, expect, it } from 'vitest';
import { ACT_CONTEXT_LIMITS, ActContextSchema } from '../../../src/shared/calls/act-context';
import { RemoteMessageSchema } from '../../../src/shared/devices/remote-control';
import { INS_OID } from '../../../src/shared/patients/ins';
import { realContext } from '../../helpers/act-context';

const refused = (context: unknown) => !ActContextSchema.safeParse(context).success;

describe('the act context sent to the expert', () => {
  it('accepts a real context, and the data channel carries it', () => {
    expect(ActContextSchema.parse(realContext)).toEqual(realContext);
    expect(RemoteMessageSchema.safeParse({ type: 'act.context', context: realContext }).success).toBe(true);
  });

  it('refuses wrong types and unknown fields', () => {
    expect(refused(null)).toBe(true);
    expect(refused('act')).toBe(true);
    expect(refused({ ...realContext, act: { ...realContext.act, id: 'not-a-uuid' } })).toBe(true);
    expect(refused({ ...realContext, patient: { ...realContext.patient, birthDate: 19480315 } })).toBe(true);
    expect(refused({ ...realContext, patient: { ...realContext.patient, sex: 'X' } })).toBe(true);
    expect(refused({ ...realContext, extra: 1 })).toBe(true);
    expect(refused({ ...realContext, files: [{ ...realContext.files[0], bytes: 'iVBORw0KGgo=' }] })).toBe(true);
    expect(refused({ ...realContext, measurements: [{ ...realContext.measurements[1], values: ['97'] }] })).toBe(true);
    expect(RemoteMessageSchema.safeParse({ type: 'act.context', context: { act: {} } }).success).toBe(false);
  });

  it('refuses oversized strings and lists', () => {
    expect(refused({ ...realContext, act: { ...realContext.act, reason: 'x'.repeat(2001) } })).toBe(true);
    expect(refused({ ...realContext, patient: { ...realContext.patient, birthName: 'X'.repeat(101) } })).toBe(true);
    const files = Array.from({ length: ACT_CONTEXT_LIMITS.files + 1 }, () => realContext.files[0]);
    expect(refused({ ...realContext, files })).toBe(true);
    const measurements = Array.from({ length: ACT_CONTEXT_LIMITS.measurements + 1 }, () => realContext.measurements[1]);
    expect(refused({ ...realContext, measurements })).toBe(true);
  });

  it('refuses a measurement whose unit or values do not match its kind', () => {
    const spo2 = realContext.measurements[1]!;
    expect(refused({ ...realContext, measurements: [{ ...spo2, unit: 'kg' }] })).toBe(true);
    expect(refused({ ...realContext, measurements: [{ ...spo2, values: [97, 98] }] })).toBe(true);
    expect(refused({ ...realContext, measurements: [{ ...spo2, values: [Infinity] }] })).toBe(true);
  });

  it('refuses a context that carries an INS with an identity that is not qualified', () => {
    for (const identityStatus of ['PROV', 'VALI', 'RECUP'] as const) {
      const result = ActContextSchema.safeParse({
        ...realContext,
        patient: { ...realContext.patient, identityStatus },
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('act_context.ins_without_qualified_identity');
    }
    const provisional = { ...realContext.patient, identityStatus: 'PROV', ins: null };
    expect(ActContextSchema.safeParse({ ...realContext, patient: provisional }).success).toBe(true);
  });

  it('refuses an INS whose key is wrong', () => {
    const ins = { matricule: '248036912312367', oid: INS_OID.NIR_TEST };
    expect(refused({ ...realContext, patient: { ...realContext.patient, ins } })).toBe(true);
  });
});
