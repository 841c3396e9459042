// The professional read from what the provider says: IdNatPS and RPPS, her name, and from Pro
// Santé Connect's userinfo her first practice (SubjectRefPro); whatever shape the claims come in.
import { describe, expect, it } from 'vitest';
import { practiceOf, pscUserOf, userOf } from '../../../src/main/identity/professional-claims';

const expires = new Date('2026-12-06T12:00:00Z');

describe('the professional from the provider claims', () => {
  it('reads a generic provider: IdNatPS as SubjectNameID or preferred_username, the RPPS from it, the name', () => {
    expect(
      userOf({ sub: 's1', SubjectNameID: '810001234567', given_name: 'Anne', family_name: 'KERLEAU' }, expires),
    ).toEqual({
      sub: 's1',
      idNatPs: '810001234567',
      rpps: '10001234567',
      name: 'Anne KERLEAU',
      expiresAt: '2026-12-06T12:00:00.000Z',
      practice: null,
    });
    expect(userOf({ sub: 's2', preferred_username: '0012345678' }, expires)).toMatchObject({
      idNatPs: '0012345678',
      rpps: null,
      name: '0012345678',
    });
  });

  it("reads PSC's first practice: profession, specialty, site and FINESS", () => {
    const userinfo = {
      SubjectNameID: '810001234567',
      SubjectOrganization: 'CHU DE BREST',
      SubjectRefPro: {
        exercices: [
          {
            codeProfession: '10',
            codeSavoirFaire: 'SM26',
            activities: [{ raisonSocialeSite: 'CHU DE BREST - NEUROLOGIE', numeroFinessSite: '290000017' }],
          },
        ],
      },
    };
    expect(practiceOf(userinfo)).toEqual({
      professionCode: '10',
      specialtyCode: 'SM26',
      organization: 'CHU DE BREST - NEUROLOGIE',
      finess: '290000017',
    });
    expect(
      pscUserOf(
        { sub: 'f:1:810001234567' },
        { ...userinfo, sub: 'ignored', given_name: 'Anne', family_name: 'KERLEAU' },
        expires,
      ),
    ).toMatchObject({ sub: 'f:1:810001234567', rpps: '10001234567', practice: { specialtyCode: 'SM26' } });
  });

  it('takes garbage without throwing: no practice, or empty fields', () => {
    for (const refPro of [
      undefined,
      null,
      'x',
      42,
      { exercices: 'x' },
      { exercices: [] },
      { exercices: [1, 'a', null] },
    ])
      expect(practiceOf({ SubjectRefPro: refPro }), JSON.stringify(refPro)).toBeNull();
    expect(practiceOf({ SubjectRefPro: { exercices: [{ codeProfession: 10, activities: 'none' }] } })).toEqual({
      professionCode: null,
      specialtyCode: null,
      organization: null,
      finess: null,
    });
  });
});
