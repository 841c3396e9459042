// DICOMweb against a hospital PACS (PS3.18): QIDO-RS to search studies and series, WADO-RS to
// retrieve instances, STOW-RS to send (a photo made DICOM, for the hospitals that want them in
// the PACS). Answers are checked as the garbage they may be: a body that is not what the standard
// says is an error with the reason, never a crash; every request has a timeout.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export class DicomWebError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'DicomWebError';
  }
}

/** A DICOM JSON attribute (PS3.18 F.2): its VR and values. */
const AttributeSchema = z.object({ vr: z.string(), Value: z.array(z.unknown()).optional() }).passthrough();
const DicomJsonSchema = z.array(z.record(z.string().regex(/^[0-9A-Fa-f]{8}$/), AttributeSchema));
type DicomJson = z.infer<typeof DicomJsonSchema>[number];

const first = (o: DicomJson, tag: string): unknown => o[tag]?.Value?.[0];
const str = (o: DicomJson, tag: string): string | null => {
  const v = first(o, tag);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  // Person names are objects: { Alphabetic: "DOE^PETER" }.
  if (v && typeof v === 'object' && typeof (v as { Alphabetic?: unknown }).Alphabetic === 'string')
    return (v as { Alphabetic: string }).Alphabetic;
  return null;
};
const num = (o: DicomJson, tag: string): number | null => {
  const v = Number(first(o, tag));
  return Number.isFinite(v) ? v : null;
};

export interface StudyMatch {
  studyUid: string;
  patientName: string | null;
  patientId: string | null;
  birthDate: string | null;
  date: string | null;
  description: string | null;
  modalities: string[];
  series: number | null;
  instances: number | null;
}

export interface SeriesMatch {
  seriesUid: string;
  modality: string | null;
  number: number | null;
  description: string | null;
  instances: number | null;
}

export interface StudySearch {
  patientId?: string;
  patientName?: string;
  /** YYYYMMDD or a range YYYYMMDD-YYYYMMDD. */
  studyDate?: string;
  modality?: string;
  limit?: number;
}

/** The parts of a multipart/related body (RFC 2387), each as bytes with its content type. */
export function parseMultipart(body: Uint8Array, contentType: string): { type: string | null; bytes: Uint8Array }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new DicomWebError('The PACS answered a multipart body without a boundary.', null);
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { type: string | null; bytes: Uint8Array }[] = [];
  let at = buffer.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (buffer.subarray(start, start + 2).toString() === '--') break; // the closing delimiter
    const next = buffer.indexOf(delimiter, start);
    if (next === -1) throw new DicomWebError('The PACS answer was cut in the middle of a part.', null);
    const part = buffer.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw new DicomWebError('A part of the PACS answer has no headers.', null);
    const headers = part.subarray(0, headerEnd).toString('latin1');
    let bytes = part.subarray(headerEnd + 4);
    if (bytes.length >= 2 && bytes[bytes.length - 2] === 0x0d && bytes[bytes.length - 1] === 0x0a)
      bytes = bytes.subarray(0, bytes.length - 2);
    parts.push({
      type: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? null,
      bytes: new Uint8Array(bytes),
    });
    at = next;
  }
  return parts;
}

export function createDicomWebClient(options: {
  baseUrl: string;
  headers?: () => Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request(path: string, init: RequestInit & { accept: string }): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers: {
          Accept: init.accept,
          ...(options.headers?.() ?? {}),
          ...(init.headers as Record<string, string> | undefined),
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new DicomWebError(`The PACS did not answer (${(error as Error).message}).`, null);
    }
    // 204 is "nothing found" for QIDO; everything else outside 2xx is the PACS saying no.
    if (!response.ok)
      throw new DicomWebError(
        `The PACS answered ${response.status} ${response.statusText} to ${init.method ?? 'GET'} ${path}.`,
        response.status,
      );
    return response;
  }

  async function searchJson(path: string): Promise<DicomJson[]> {
    const response = await request(path, { method: 'GET', accept: 'application/dicom+json' });
    if (response.status === 204) return [];
    const text = await response.text();
    if (!text.trim()) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new DicomWebError('The PACS answered a search with something that is not JSON.', response.status);
    }
    const checked = DicomJsonSchema.safeParse(parsed);
    if (!checked.success)
      throw new DicomWebError('The PACS answered a search with JSON that is not DICOM JSON.', response.status);
    return checked.data;
  }

  return {
    /** QIDO-RS: studies matching the criteria. */
    async searchStudies(search: StudySearch): Promise<StudyMatch[]> {
      const query = new URLSearchParams();
      if (search.patientId) query.set('PatientID', search.patientId);
      if (search.patientName) query.set('PatientName', search.patientName);
      if (search.studyDate) query.set('StudyDate', search.studyDate);
      if (search.modality) query.set('ModalitiesInStudy', search.modality);
      query.set('limit', String(search.limit ?? 100));
      for (const tag of ['00100030', '00080061', '00201206', '00201208', '00081030']) query.append('includefield', tag);
      // Spaces as %20: PS3.18 query strings are RFC 3986, where "+" is a plus (Orthanc reads it so).
      const found = await searchJson(`/studies?${query.toString().replace(/\+/g, '%20')}`);
      return found
        .map((o) => ({
          studyUid: str(o, '0020000D') ?? '',
          patientName: str(o, '00100010'),
          patientId: str(o, '00100020'),
          birthDate: str(o, '00100030'),
          date: str(o, '00080020'),
          description: str(o, '00081030'),
          modalities: (o['00080061']?.Value ?? []).filter((m): m is string => typeof m === 'string'),
          series: num(o, '00201206'),
          instances: num(o, '00201208'),
        }))
        .filter((s) => s.studyUid);
    },

    /** QIDO-RS: the series of a study. */
    async searchSeries(studyUid: string): Promise<SeriesMatch[]> {
      const found = await searchJson(`/studies/${encodeURIComponent(studyUid)}/series?includefield=00201209`);
      return found
        .map((o) => ({
          seriesUid: str(o, '0020000E') ?? '',
          modality: str(o, '00080060'),
          number: num(o, '00200011'),
          description: str(o, '0008103E'),
          instances: num(o, '00201209'),
        }))
        .filter((s) => s.seriesUid);
    },

    /** WADO-RS: every instance of a series, as DICOM files. */
    async retrieveSeries(studyUid: string, seriesUid: string): Promise<Uint8Array[]> {
      const response = await request(
        `/studies/${encodeURIComponent(studyUid)}/series/${encodeURIComponent(seriesUid)}`,
        {
          method: 'GET',
          accept: 'multipart/related; type="application/dicom"; transfer-syntax=*',
        },
      );
      const type = response.headers.get('content-type') ?? '';
      if (!/^multipart\/related/i.test(type))
        throw new DicomWebError(
          `The PACS answered ${type || 'no content type'} where DICOM files were asked for.`,
          response.status,
        );
      return parseMultipart(new Uint8Array(await response.arrayBuffer()), type)
        .filter((p) => p.type === null || /application\/dicom/i.test(p.type))
        .map((p) => p.bytes);
    },

    /** STOW-RS: sends DICOM files; returns the SOP Instance UIDs stored and those refused. */
    async store(files: Uint8Array[]): Promise<{ stored: string[]; failed: string[] }> {
      const boundary = `relais-${randomUUID()}`;
      const chunks: Buffer[] = [];
      for (const file of files) {
        chunks.push(
          Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
          Buffer.from(file.buffer, file.byteOffset, file.byteLength),
          Buffer.from('\r\n'),
        );
      }
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const response = await request('/studies', {
        method: 'POST',
        accept: 'application/dicom+json',
        headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
        body: Buffer.concat(chunks),
      });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await response.text());
      } catch {
        throw new DicomWebError('The PACS answered a store with something that is not JSON.', response.status);
      }
      const root = (Array.isArray(parsed) ? parsed[0] : parsed) as DicomJson | null;
      const uids = (seq: string) =>
        ((root?.[seq]?.Value ?? []) as DicomJson[])
          .map((item) => (item && typeof item === 'object' ? str(item, '00081155') : null))
          .filter((u): u is string => !!u);
      return { stored: uids('00081199'), failed: uids('00081198') };
    },
  };
}
export type DicomWebClient = ReturnType<typeof createDicomWebClient>;
