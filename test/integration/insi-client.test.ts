// The station's INSi client against the gateway double over HTTP: the three operations of the ANS
// guide ("Guide d'implémentation de l'identité INS dans les logiciels": search by traits, search
// with the Carte Vitale, verify), the site's token, and an answer that is not one of the
// teleservice's outcomes refused whole. The Carte Vitale is only a key: a child's rights on a
// parent's card give the child's INS, never the card holder's (RNIV volet 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpInsiClient } from '../../src/main/patients/insi/http-insi-client';
import { InsiGatewayError } from '../../src/main/patients/insi/insi-client';
import { INS_OID } from '../../src/shared/patients/ins';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';

const PARENT = {
  matricule: '256122901900168',
  oid: INS_OID.NIR,
  birthName: 'LE GALL',
  birthFirstNames: 'MARIE ANNE',
  birthDate: '1956-12-03',
  sex: 'F' as const,
  birthplaceCode: '29019',
};
const CHILD = {
  matricule: '215062901900240',
  oid: INS_OID.NIR,
  birthName: 'MORVAN',
  birthFirstNames: 'LOU',
  birthDate: '2015-06-01',
  sex: 'F' as const,
  birthplaceCode: '29019',
};
const OPERATOR = { name: 'Anne KERLEAU', idNatPs: '810001234567' };

let insi: InsiDouble;
beforeAll(async () => {
  insi = await startInsiDouble({
    people: [PARENT, CHILD],
    cards: [{ cardNumber: PARENT.matricule, beneficiaries: [PARENT.matricule, CHILD.matricule] }],
    token: 'site-token',
  });
});
afterAll(() => insi.close());

describe('the INSi client over the site gateway (ANS guide: search by traits, by Carte Vitale, verify)', () => {
  const client = () => createHttpInsiClient({ baseUrl: insi.url, token: 'site-token' });

  it('gives the child’s INS from her parent’s card, never the holder’s', async () => {
    const answer = await client().searchByCarteVitale(
      { cardNumber: PARENT.matricule, beneficiary: { firstName: 'Lou', birthDate: '2015-06-01' } },
      OPERATOR,
    );
    expect(answer).toEqual({ result: 'found', identity: CHILD });
    expect(insi.requests.at(-1)).toMatchObject({
      path: '/search-card',
      authorization: 'Bearer site-token',
      body: { operator: OPERATOR },
    });
  });

  it('searches by traits and verifies an INS against its traits', async () => {
    expect(
      await client().searchByTraits(
        { birthName: 'LE GALL', birthFirstNames: 'MARIE', birthDate: '1956-12-03', sex: 'F', birthplaceCode: null },
        OPERATOR,
      ),
    ).toEqual({ result: 'found', identity: PARENT });
    expect(await client().verify(PARENT, { ...PARENT }, OPERATOR)).toEqual({ result: 'verified' });
    expect(await client().verify(PARENT, { ...PARENT, birthplaceCode: '29232' }, OPERATOR)).toEqual({
      result: 'traits_differ',
      identity: PARENT,
    });
    expect(
      await client().verify({ ...PARENT, matricule: '215062901900240', oid: INS_OID.NIA }, PARENT, OPERATOR),
    ).toEqual({ result: 'not_found' });
  });

  it('says which setting to check when the gateway refuses the station or cannot be reached', async () => {
    const wrongToken = createHttpInsiClient({ baseUrl: insi.url, token: 'other' });
    await expect(wrongToken.searchByTraits({ ...PARENT, birthFirstNames: 'MARIE' }, OPERATOR)).rejects.toThrow(
      /HTTP 401.*RELAIS_INSI_TOKEN/,
    );
    const nobody = createHttpInsiClient({ baseUrl: 'http://127.0.0.1:9/insi', token: null });
    await expect(nobody.searchByTraits({ ...PARENT, birthFirstNames: 'MARIE' }, OPERATOR)).rejects.toThrow(
      /did not answer.*RELAIS_INSI_URL/,
    );
  });

  it('refuses whole an answer that is not an INSi outcome (here an INS whose key is wrong)', async () => {
    const liar = http.createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ result: 'found', identity: { ...PARENT, matricule: '256122901900169' } })),
    );
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', () => resolve()));
    try {
      const client = createHttpInsiClient({
        baseUrl: `http://127.0.0.1:${(liar.address() as AddressInfo).port}`,
        token: null,
      });
      const error = await client
        .searchByTraits({ ...PARENT, birthFirstNames: 'MARIE' }, OPERATOR)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InsiGatewayError);
      expect((error as Error).message).toMatch(/not an INSi outcome: nothing was taken/);
    } finally {
      await new Promise<void>((resolve) => liar.close(() => resolve()));
    }
  });
});
