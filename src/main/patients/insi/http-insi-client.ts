// The InsiClient over the site's gateway: one JSON POST per operation (README.md), the site's
// bearer token when it set one, an answer checked whole before anything is taken from it.
import type { z } from 'zod';
import { InsiSearchAnswerSchema, InsiVerifyAnswerSchema } from '../../../shared/patients/insi';
import { InsiGatewayError, type InsiClient } from './insi-client';

export interface HttpInsiClientOptions {
  /** RELAIS_INSI_URL: the gateway's root (https, or http on this machine). */
  baseUrl: string;
  /** RELAIS_INSI_TOKEN: sent as a bearer when the gateway asks for one. */
  token: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createHttpInsiClient(options: HttpInsiClientOptions): InsiClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new InsiGatewayError(
        `The INSi gateway at ${base} did not answer (${(error as Error).message}): check RELAIS_INSI_URL and the hospital's network.`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new InsiGatewayError(
        `The INSi gateway at ${base} refused this station (HTTP ${response.status}): check RELAIS_INSI_TOKEN with the hospital's IT.`,
      );
    }
    if (!response.ok)
      throw new InsiGatewayError(
        `The INSi gateway at ${base} answered HTTP ${response.status}: try again, or ask the hospital's IT.`,
      );
    const parsed = schema.safeParse(await response.json().catch(() => null));
    // SECURITY: an answer that is not one of the teleservice's outcomes is not taken in part.
    if (!parsed.success)
      throw new InsiGatewayError(
        `The INSi gateway at ${base} gave an answer that is not an INSi outcome: nothing was taken from it.`,
      );
    return parsed.data;
  }

  return {
    searchByTraits: (traits, operator) => post('/search-traits', { operator, traits }, InsiSearchAnswerSchema),
    searchByCarteVitale: (card, operator) => post('/search-card', { operator, card }, InsiSearchAnswerSchema),
    verify: (ins, traits, operator) => post('/verify', { operator, ins, traits }, InsiVerifyAnswerSchema),
  };
}
