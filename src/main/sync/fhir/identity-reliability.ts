// The identity's reliability as FR Core carries it: the status, and for a validated or qualified
// identity the document checked (validationMode: PA passport, CN national identity card, CS
// residence permit, LE family record book) and the day (validationDate). Who checked it, the
// parent's document beside a family record book, and how INSi gave the INS have no FR Core
// element: they go in the station's own extensions, so that a record taken back from the region
// keeps them.
import type { Extension } from '@medplum/fhirtypes';
import type {
  IdentityDocument,
  IdentityDocumentType,
  ParentDocumentType,
} from '../../../shared/patients/identity-document';
import { INSI_OPERATIONS, type IdentityStatus, type InsRetrieval } from '../../../shared/patients/patient';
import { EXTENSION, SYSTEM } from './systems';

const MODE: Record<IdentityDocumentType, string> = {
  passport: 'PA',
  national_id_card: 'CN',
  residence_permit: 'CS',
  family_record_book: 'LE',
};
const TYPE_OF_MODE = Object.fromEntries(Object.entries(MODE).map(([type, code]) => [code, type])) as Record<
  string,
  IdentityDocumentType
>;
const PARENT_DOCUMENTS: readonly string[] = ['passport', 'national_id_card', 'residence_permit'];

export function reliabilityExtensions(
  status: IdentityStatus,
  document: IdentityDocument | null,
  retrieval: InsRetrieval | null,
): Extension[] {
  const reliability: Extension[] = [
    { url: 'identityStatus', valueCoding: { system: SYSTEM.identityStatus, code: status } },
  ];
  const local: Extension[] = [];
  if (document) {
    reliability.push({ url: 'validationDate', valueDate: document.checkedOn });
    reliability.push({
      url: 'validationMode',
      valueCoding: { system: SYSTEM.identityValidationMode, code: MODE[document.type] },
    });
    const detail: Extension[] = [{ url: 'checkedBy', valueString: document.checkedBy }];
    if (document.parentDocument) detail.push({ url: 'parentDocument', valueCode: document.parentDocument });
    local.push({ url: EXTENSION.identityDocument, extension: detail });
  }
  if (retrieval) {
    local.push({
      url: EXTENSION.insRetrieval,
      extension: [
        { url: 'operation', valueCode: retrieval.operation },
        { url: 'at', valueDateTime: retrieval.at },
        { url: 'by', valueString: retrieval.by },
      ],
    });
  }
  return [{ url: EXTENSION.identityReliability, extension: reliability }, ...local];
}

const sub = (extensions: Extension[] | undefined, url: string) => extensions?.find((e) => e.url === url)?.extension;
const part = (extensions: Extension[] | undefined, url: string) => extensions?.find((e) => e.url === url);

/** The document as the resource carries it; null when it names none (or none the station knows). */
export function documentFromExtensions(extensions: Extension[] | undefined): IdentityDocument | null {
  const reliability = sub(extensions, EXTENSION.identityReliability);
  const type = TYPE_OF_MODE[part(reliability, 'validationMode')?.valueCoding?.code ?? ''];
  const checkedOn = part(reliability, 'validationDate')?.valueDate;
  if (!type || !checkedOn) return null;
  const detail = sub(extensions, EXTENSION.identityDocument);
  const parent = part(detail, 'parentDocument')?.valueCode ?? null;
  return {
    type,
    parentDocument:
      type === 'family_record_book' && parent && PARENT_DOCUMENTS.includes(parent)
        ? (parent as ParentDocumentType)
        : null,
    checkedBy: part(detail, 'checkedBy')?.valueString ?? 'unknown (from the region)',
    checkedOn,
  };
}

/** How INSi gave the INS, when a station said so; null otherwise. */
export function retrievalFromExtensions(extensions: Extension[] | undefined): InsRetrieval | null {
  const detail = sub(extensions, EXTENSION.insRetrieval);
  const operation = part(detail, 'operation')?.valueCode;
  const at = part(detail, 'at')?.valueDateTime;
  const by = part(detail, 'by')?.valueString;
  if (!operation || !at || !by || !(INSI_OPERATIONS as readonly string[]).includes(operation)) return null;
  return { operation: operation as InsRetrieval['operation'], at, by };
}
