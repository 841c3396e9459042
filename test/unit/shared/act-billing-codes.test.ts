// The billing codes suggested for both sides of an act (decision help, never an order), from the
// one published table resources/billing/teleconsultation-codes.json. Each expectation names the
// published text it comes from; the table carries the same sources, line by line.
import { describe, expect, it } from 'vitest';
import rawTable from '../../../resources/billing/teleconsultation-codes.json';
import {
  BillingTableSchema,
  parseBillingTable,
  suggestBillingCodes,
  type BillingSuggestion,
} from '../../../src/shared/billing/act-billing-codes';
import type { Encounter } from '../../../src/shared/acts/encounter';

const table = parseBillingTable(rawTable);

const nurse = { name: 'Inf. Durand', role: 'nurse', rpps: null, specialty: null } as const;
const pharmacist = { name: 'Ph. Martin', role: 'pharmacist', rpps: null, specialty: null } as const;
const gp = { name: 'Dr Roux', role: 'physician', rpps: null, specialty: 'Médecine générale' } as const;
const cardiologist = { name: 'Dr Noir', role: 'physician', rpps: null, specialty: 'Cardiologie' } as const;

function act(over: Partial<Encounter>): Encounter {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    version: 1,
    patientId: '00000000-0000-4000-8000-000000000002',
    act: 'teleconsultation',
    assisted: true,
    requester: nurse,
    expert: gp,
    site: 'EHPAD Les Tilleuls',
    siteCommune: null,
    specialty: null,
    reason: 'Toux fébrile',
    callId: null,
    status: 'in_progress',
    startedAt: '2026-03-10T09:00:00+01:00',
    endedAt: null,
    createdAt: '2026-03-10T08:50:00+01:00',
    updatedAt: '2026-03-10T09:00:00+01:00',
    ...over,
  } as Encounter;
}

const codes = (s: BillingSuggestion) => (s.kind === 'codes' ? s.codes.map((c) => c.code) : s.reason);

describe('billing codes of both sides of an act (decision help)', () => {
  it('nurse-assisted téléconsultation, GP expert: TLS/TLL/TLD for the nurse, TCG for the GP', () => {
    // Source: NGAP art. 14.9.5, décision UNCAM du 18 juillet 2019 (avenant 6 à la convention des
    // infirmiers): TLS 10 € (au décours d'un soin prévu), TLL 12 € (lieu dédié), TLD 15 € (domicile).
    // Source: ameli.fr « Téléconsultation : tarification et facturation » (13 sept. 2018): TCG / TC;
    // TCG 25 €, maintained when G went to 30 € on 22 Dec. 2024 (convention médicale 2024).
    const s = suggestBillingCodes(act({}), table);
    expect(codes(s.requesting)).toEqual(['TLS', 'TLL', 'TLD']);
    expect(codes(s.expert)).toEqual(['TCG']);
    const tcg = s.expert.kind === 'codes' ? s.expert.codes[0] : undefined;
    expect(tcg?.tariffEur).toBe(25);
    expect(tcg?.source.url).toMatch(/^https:\/\//);
    const tll = s.requesting.kind === 'codes' ? s.requesting.codes.find((c) => c.code === 'TLL') : undefined;
    expect(tll?.tariffEur).toBe(12);
  });

  it('the nurse’s place narrows her code: a telecabin (lieu dédié) is TLL', () => {
    // Source: NGAP art. 14.9.5 (décision UNCAM du 18 juillet 2019): one code per setting.
    const s = suggestBillingCodes(act({}), table, { nurseSetting: 'dedicated_place' });
    expect(codes(s.requesting)).toEqual(['TLL']);
  });

  it('nurse-assisted téléconsultation, specialist expert: TC, its tariff the specialty’s consultation', () => {
    // Source: ameli.fr « Téléconsultation : tarification et facturation » (13 sept. 2018): TC for
    // the other specialties, billed at the same tariff as the consultation in person.
    const s = suggestBillingCodes(act({ expert: cardiologist }), table);
    expect(codes(s.expert)).toEqual(['TC']);
    expect(s.expert.kind === 'codes' && s.expert.codes[0]?.tariffEur).toBeNull();
  });

  it('an expert physician with no specialty given: TCG and TC are both candidates', () => {
    const s = suggestBillingCodes(act({ expert: { ...gp, specialty: null } }), table);
    expect(codes(s.expert)).toEqual(['TCG', 'TC']);
  });

  it('pharmacist-assisted téléconsultation in the officine: TLM (1 €) for the pharmacist', () => {
    // Source: ameli.fr (pharmacien) « La télémédecine : assistance à la téléconsultation en
    // officine » (26 février 2025), convention nationale des pharmaciens du 9 mars 2022, art. V.I.
    const s = suggestBillingCodes(act({ requester: pharmacist }), table);
    expect(codes(s.requesting)).toEqual(['TLM']);
    expect(s.requesting.kind === 'codes' && s.requesting.codes[0]?.tariffEur).toBe(1);
    expect(codes(s.expert)).toEqual(['TCG']);
  });

  it('téléexpertise: RQD for the requesting professional, TE2 for the expert (23 € from 1 Jan. 2026)', () => {
    // Source: ameli.fr « La téléexpertise » (avenant 9, 1 April 2022: one level, RQD 10 € / TE2 20 €);
    // convention médicale 2024 (arrêté du 20 juin 2024): TE2 23 € from 1 January 2026, RQD unchanged.
    const after = suggestBillingCodes(act({ act: 'teleexpertise', assisted: false, expert: cardiologist }), table);
    expect(codes(after.requesting)).toEqual(['RQD']);
    expect(after.requesting.kind === 'codes' && after.requesting.codes[0]?.tariffEur).toBe(10);
    expect(codes(after.expert)).toEqual(['TE2']);
    expect(after.expert.kind === 'codes' && after.expert.codes[0]?.tariffEur).toBe(23);
    const before = suggestBillingCodes(
      act({ act: 'teleexpertise', assisted: false, expert: cardiologist, startedAt: '2025-06-01T10:00:00+02:00' }),
      table,
    );
    expect(before.expert.kind === 'codes' && before.expert.codes[0]?.tariffEur).toBe(20);
  });

  it('an unassisted téléconsultation: no code for the requesting side, said with the reason', () => {
    // Source: the accompaniment codes exist only for an assisting nurse (NGAP art. 14.9.5) or
    // pharmacist (convention des pharmaciens 2022, art. V.I).
    const s = suggestBillingCodes(act({ assisted: false }), table);
    expect(s.requesting).toEqual({ kind: 'none', reason: 'not_assisted' });
    expect(codes(s.expert)).toEqual(['TCG']);
  });

  it('téléassistance and an act with no expert yet: no code, with the reason', () => {
    const assist = suggestBillingCodes(act({ act: 'teleassistance' }), table);
    expect(assist.requesting).toEqual({ kind: 'none', reason: 'no_code_for_act_type' });
    expect(assist.expert).toEqual({ kind: 'none', reason: 'no_code_for_act_type' });
    expect(suggestBillingCodes(act({ expert: null }), table).expert).toEqual({
      kind: 'none',
      reason: 'expert_unknown',
    });
  });

  it('an act before its code existed gets no code', () => {
    // Source: ameli.fr « La téléexpertise »: billed from 10 February 2019.
    const s = suggestBillingCodes(act({ act: 'teleexpertise', startedAt: '2018-12-01T10:00:00+01:00' }), table);
    expect(s.expert).toEqual({ kind: 'none', reason: 'no_code_on_date' });
  });

  it('téléexpertise before 1 April 2022: both levels are candidates (TE1 12 €, TE2 20 €; RQD 5 € / 10 €)', () => {
    // Source: ameli.fr « La téléexpertise »: two levels from 10 February 2019 (avenant 6) until
    // avenant 9 made one level on 1 April 2022; the requesting side's RQD followed the level.
    const s = suggestBillingCodes(
      act({
        act: 'teleexpertise',
        assisted: false,
        requester: gp,
        expert: cardiologist,
        startedAt: '2021-06-01T10:00:00+02:00',
      }),
      table,
    );
    expect(codes(s.expert)).toEqual(['TE1', 'TE2']);
    expect(s.requesting.kind === 'codes' && s.requesting.codes.map((c) => c.tariffEur)).toEqual([5, 10]);
  });

  it('a pharmacist before the pharmacists’ convention of 9 March 2022: no TLM yet', () => {
    // Source: convention nationale des pharmaciens du 9 mars 2022, art. V.I (ameli.fr, pharmacien).
    const s = suggestBillingCodes(act({ requester: pharmacist, startedAt: '2021-12-01T10:00:00+01:00' }), table);
    expect(s.requesting).toEqual({ kind: 'none', reason: 'no_code_on_date' });
  });

  it('the table never has two lines for the same case on the same day (a new tariff closes the old line)', () => {
    const lines = parseBillingTable(rawTable).codes;
    for (const [i, a] of lines.entries()) {
      if (a.validTo) expect(a.validTo >= a.validFrom, a.code).toBe(true);
      for (const b of lines.slice(i + 1)) {
        const sameCase =
          a.code === b.code &&
          a.act === b.act &&
          a.side === b.side &&
          a.level === b.level &&
          a.setting === b.setting &&
          a.professions.some((p) => b.professions.includes(p));
        const overlap = a.validFrom <= (b.validTo ?? '9999') && b.validFrom <= (a.validTo ?? '9999');
        expect(sameCase && overlap, `${a.code} / ${b.code}`).toBe(false);
      }
    }
  });

  it('garbage input is refused with a clear error', () => {
    expect(() => suggestBillingCodes({ act: 'visio' } as unknown as Encounter, table)).toThrow(
      /billing codes: the act is not readable/,
    );
    expect(() => suggestBillingCodes(null as unknown as Encounter, table)).toThrow(/billing codes/);
    expect(() => parseBillingTable({ codes: [{ code: 'TCG' }] })).toThrow(/billing table/);
  });

  it('the table parses with its schema and every line names its source with a URL', () => {
    const parsed = BillingTableSchema.parse(rawTable);
    expect(parsed.codes.length).toBeGreaterThanOrEqual(8);
    for (const line of parsed.codes) {
      expect(line.source.url, line.code).toMatch(/^https:\/\/\S+$/);
      expect(line.source.title.length, line.code).toBeGreaterThan(5);
      expect(line.source.publisher.length, line.code).toBeGreaterThan(2);
      expect(line.source.version.length, line.code).toBeGreaterThan(3);
    }
  });
});
