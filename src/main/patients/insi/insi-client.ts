// The seam to the INSi teleservice. A station never speaks to INSi itself: the site reaches it
// through its hospital's gateway (which holds the establishment's certificate and speaks the
// teleservice's own protocol), configured by RELAIS_INSI_URL. The three operations the ANS guide
// asks of a software (search by traits, search with the Carte Vitale, verify an INS), each
// answering as the teleservice does; http-insi-client.ts speaks them to the gateway (README.md).
import type { InsiSearchAnswer, InsiVerifyAnswer } from '../../../shared/patients/insi';

/** The five strict traits INSi searches or verifies (a birthplace may be left out of a search). */
export interface InsiTraits {
  birthName: string;
  /** Space-separated, in order: all the birth first names known, or the first one only. */
  birthFirstNames: string;
  birthDate: string;
  sex: 'M' | 'F' | 'I';
  birthplaceCode: string | null;
}

/** Who asks: the gateway records it (INSi calls are traced to a professional or the establishment). */
export interface InsiOperator {
  name: string;
  idNatPs: string | null;
}

/** A Carte Vitale as its reader gives it: the card's number, and the beneficiary chosen on it. */
export interface InsiCardQuery {
  cardNumber: string;
  beneficiary: { firstName: string; birthDate: string };
}

export interface InsiClient {
  searchByTraits(traits: InsiTraits, operator: InsiOperator): Promise<InsiSearchAnswer>;
  searchByCarteVitale(card: InsiCardQuery, operator: InsiOperator): Promise<InsiSearchAnswer>;
  verify(
    ins: { matricule: string; oid: string },
    traits: InsiTraits,
    operator: InsiOperator,
  ): Promise<InsiVerifyAnswer>;
}

/** The gateway did not give a usable answer: nothing was learnt, nothing is changed. */
export class InsiGatewayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsiGatewayError';
  }
}
