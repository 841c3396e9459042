// A stand-in for the site's INSi gateway, for tests only: an HTTP server on 127.0.0.1 that speaks
// the station's gateway protocol (src/main/patients/insi/README.md) and answers as the INSi teleservice
// documents its outcomes (CNAM, "Guide d'intégration du téléservice INSi"; ANS, "Guide
// d'implémentation de l'identité INS dans les logiciels"): one identity found (code 00), none
// (01), several (02: the search needs more first names or the birthplace); a verification of an
// INS whose traits match, differ (the reference traits come back) or whose INS is unknown.
// Its "national base" is the list of people the test gives it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { searchKey } from '../../src/shared/names';

export interface ReferencePerson {
  matricule: string;
  oid: string;
  birthName: string;
  /** All first names at birth, in order, space-separated, as the national base holds them. */
  birthFirstNames: string;
  birthDate: string;
  sex: 'M' | 'F' | 'I';
  birthplaceCode: string;
}

/** A Carte Vitale: its holder's number and the people whose rights it carries (the holder, children...). */
export interface ReferenceCard {
  cardNumber: string;
  beneficiaries: string[]; // matricules
}

export interface InsiDoubleRequest {
  path: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

export interface InsiDouble {
  url: string;
  requests: InsiDoubleRequest[];
  people: ReferencePerson[];
  close(): Promise<void>;
}

type Traits = {
  birthName?: string;
  birthFirstNames?: string;
  birthDate?: string;
  sex?: string;
  birthplaceCode?: string | null;
};

const words = (names: string | undefined) => (names ?? '').split(/\s+/).map(searchKey).filter(Boolean);

function matchesTraits(person: ReferencePerson, traits: Traits): boolean {
  const asked = words(traits.birthFirstNames);
  const held = words(person.birthFirstNames);
  // The first names asked are the person's first ones, in order (more of them narrow the search).
  const firstNamesMatch = asked.length > 0 && asked.every((name, i) => held[i] === name);
  return (
    searchKey(traits.birthName ?? '') === searchKey(person.birthName) &&
    traits.birthDate === person.birthDate &&
    traits.sex === person.sex &&
    firstNamesMatch &&
    (!traits.birthplaceCode || traits.birthplaceCode === person.birthplaceCode)
  );
}

const identityOf = (p: ReferencePerson) => ({
  matricule: p.matricule,
  oid: p.oid,
  birthName: p.birthName,
  birthFirstNames: p.birthFirstNames,
  birthDate: p.birthDate,
  sex: p.sex,
  birthplaceCode: p.birthplaceCode,
});

function searchAnswer(found: ReferencePerson[]) {
  if (found.length === 0) return { result: 'not_found' };
  if (found.length > 1) return { result: 'several_found' };
  return { result: 'found', identity: identityOf(found[0]!) };
}

function answer(
  double: { people: ReferencePerson[]; cards: ReferenceCard[] },
  path: string,
  body: Record<string, unknown>,
): unknown {
  if (path === '/search-traits')
    return searchAnswer(double.people.filter((p) => matchesTraits(p, (body.traits ?? {}) as Traits)));
  if (path === '/search-card') {
    const card = (body.card ?? {}) as { cardNumber?: string; beneficiary?: { firstName?: string; birthDate?: string } };
    const onCard = double.cards.find((c) => c.cardNumber === card.cardNumber)?.beneficiaries ?? [];
    const people = double.people.filter((p) => onCard.includes(p.matricule));
    // The card is only a key: the beneficiary chosen on it is the one whose INS comes back.
    return searchAnswer(
      people.filter(
        (p) =>
          p.birthDate === card.beneficiary?.birthDate &&
          words(p.birthFirstNames)[0] === searchKey(card.beneficiary?.firstName ?? ''),
      ),
    );
  }
  if (path === '/verify') {
    const ins = (body.ins ?? {}) as { matricule?: string; oid?: string };
    const person = double.people.find((p) => p.matricule === ins.matricule && p.oid === ins.oid);
    if (!person) return { result: 'not_found' };
    const traits = (body.traits ?? {}) as Traits;
    const same =
      searchKey(traits.birthName ?? '') === searchKey(person.birthName) &&
      words(traits.birthFirstNames).join(' ') === words(person.birthFirstNames).join(' ') &&
      traits.birthDate === person.birthDate &&
      traits.sex === person.sex &&
      traits.birthplaceCode === person.birthplaceCode;
    return same ? { result: 'verified' } : { result: 'traits_differ', identity: identityOf(person) };
  }
  return null;
}

/** Starts the double on a free loopback port; `token`, when given, is required as a bearer. */
export async function startInsiDouble(options: {
  people: ReferencePerson[];
  cards?: ReferenceCard[];
  token?: string;
}): Promise<InsiDouble> {
  const requests: InsiDoubleRequest[] = [];
  const state = { people: options.people, cards: options.cards ?? [] };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/insi/, '');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      requests.push({ path, authorization: req.headers.authorization ?? null, body });
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized' }));
        return;
      }
      const reply = req.method === 'POST' ? answer(state, path, body) : null;
      if (reply === null) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/insi`,
    requests,
    people: state.people,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
