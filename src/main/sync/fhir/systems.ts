// Code systems, identifier systems and profiles of the French FHIR landscape (FR Core) and the
// international ones the mapping uses. One place, so that a renamed URL is changed once.
import { INS_OID } from '../../../shared/patients/ins';

export const FR_CORE = 'https://hl7.fr/ig/fhir/core';
export const PROFILE = {
  patient: `${FR_CORE}/StructureDefinition/fr-core-patient`,
  patientIns: `${FR_CORE}/StructureDefinition/fr-core-patient-ins`,
  encounter: `${FR_CORE}/StructureDefinition/fr-core-encounter`,
  practitioner: `${FR_CORE}/StructureDefinition/fr-core-practitioner`,
  vitalSigns: 'http://hl7.org/fhir/StructureDefinition/vitalsigns',
} as const;

export const EXTENSION = {
  identityReliability: `${FR_CORE}/StructureDefinition/fr-core-identity-reliability`,
  /** Local: who checked the identity document, and a parent's document beside a family record book. */
  identityDocument: 'urn:relais:StructureDefinition:identity-document',
  /** Local: how the INSi teleservice gave the INS (operation, when, who asked). */
  insRetrieval: 'urn:relais:StructureDefinition:ins-retrieval',
  /** Local, on the official name: the birth first names are not known yet (a provisional identity). */
  birthFirstNamesUnknown: 'urn:relais:StructureDefinition:birth-first-names-unknown',
  birthPlace: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
  inseeCode: `${FR_CORE}/StructureDefinition/fr-core-address-insee-code`,
  /** Local: who collected the patient's consent (nurse, pharmacist, physician). */
  consentCollectedBy: 'urn:relais:StructureDefinition:consent-collected-by',
  /** Local: who gave it (patient, legal_representative, trusted_person, vital_emergency, or unknown for the oldest records). */
  consentGivenBy: 'urn:relais:StructureDefinition:consent-given-by',
  /** Local: the act's own status, finer than Encounter.status ("finished" is awaiting the report, or closed). */
  actStatus: 'urn:relais:StructureDefinition:act-status',
  /** Local: a téléconsultation assistée (a nurse or pharmacist with the patient). */
  actAssisted: 'urn:relais:StructureDefinition:act-assisted',
  /** Local: the commune (INSEE code) of the expert's site, where the patient would have travelled. */
  actSiteCommune: 'urn:relais:StructureDefinition:act-site-commune',
  /** Local: which part of a structured téléexpertise reply a payload is (opinion, recommendations, follow-up). */
  replyPart: 'urn:relais:StructureDefinition:teleexpertise-reply-part',
  /** Local: the follow-up an expert advises, coded, on the follow-up part of her reply. */
  followUp: 'urn:relais:StructureDefinition:teleexpertise-follow-up',
} as const;

export const SYSTEM = {
  identityStatus: `${FR_CORE}/CodeSystem/fr-core-cs-v2-0445`,
  /** How the identity was validated: the document checked (PA, CN, CS, LE...). */
  identityValidationMode: `${FR_CORE}/CodeSystem/fr-core-cs-mode-validation-identity`,
  /** Identifier types (INS-NIR... for patients, IDNPS for professionals). */
  identifierType: `${FR_CORE}/CodeSystem/fr-core-cs-v2-0203`,
  /** A UUID as an identifier: the client-made id the sync uses for idempotent creates. */
  uuid: 'urn:ietf:rfc:3986',
  /** IdNatPS: national identifier of health professionals ("8" + RPPS number). */
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentAction: 'http://terminology.hl7.org/CodeSystem/consentaction',
  /** LOINC document type of a report (compte rendu) of consultation. */
  reportType: '11488-4',
  /** The French classes of documents (ANS TRE_A03-ClasseDocument, the XDS classCode of the DMP). */
  documentClass: 'urn:oid:1.2.250.1.213.1.1.4.1',
  /** Its class of reports ("Compte rendu"). */
  reportClass: '10',
  /** The French act types of telemedicine (no national code system yet for them in FR Core). */
  actType: 'urn:relais:CodeSystem:telemedicine-act',
  /** A specialty as a routing key (specialtyKey: no case, accents or spaces), beside its words. */
  specialty: 'urn:relais:CodeSystem:specialty',
  /** What a téléexpertise message is: answer, information request or answer to it, conversion. */
  expertiseMessage: 'urn:relais:CodeSystem:teleexpertise-message',
  /** Why a medicine may not be replaced by a generic (MTE, EFG, CIF: arrêté du 12 novembre 2019). */
  nonSubstitution: 'urn:relais:CodeSystem:non-substitution-reason',
  /** The follow-up an expert advises (none, téléconsultation, consultation, urgent referral). */
  followUp: 'urn:relais:CodeSystem:teleexpertise-follow-up',
} as const;

/** The INS identifier's type code for each OID (FR Core INS slices). */
export const INS_TYPE: Record<string, string> = {
  [INS_OID.NIR]: 'INS-NIR',
  [INS_OID.NIA]: 'INS-NIA',
  [INS_OID.NIR_TEST]: 'INS-NIR-TEST',
  [INS_OID.NIA_TEST]: 'INS-NIA-TEST',
};

export const uuidIdentifier = (id: string) => ({ system: SYSTEM.uuid, value: `urn:uuid:${id}` });
