// The expert's signed documents as the e2e specs check them on the cart and at the region: a line
// of her prescription form filled by its exact label, a PDF the nurse downloads read back with
// pdftotext, the report's PDF's facts, and both documents at the hub's FHIR endpoint authored by
// her Practitioner. Shared by the prescription's specs and the whole act's.
import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { prescriptionLineId } from '../../src/main/sync/fhir/prescription';
import { pdfText } from '../helpers/pdf-text';
import { CART, token, type CallSetup } from './call-fixture';

/** Her Practitioner at the region: IdNatPS, "8" then her RPPS. */
export const HER_IDNATPS = '810001234567';

/** Fills a field of a prescription line by its exact label ('Forme' is not 'Type de prescription'). */
export const fillLineField = (line: Locator, label: string, value: string) =>
  line.getByLabel(label, { exact: true }).fill(value);

/** The PDF a button downloads, as pdftotext reads it, its whitespace made single spaces; and its bytes. */
export async function downloadedPdf(
  page: Page,
  button: Locator,
): Promise<{ text: string; bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = fs.readFileSync(await file.path());
  return { text: pdfText(bytes).replace(/\s+/g, ' '), bytes, name: file.suggestedFilename() };
}

/** The report's PDF names the nurse who asked, her as signer, both sides' billing codes and the hash she signed. */
export function expectHerReportPdf(text: string): void {
  expect(text).toContain('Demandé par : IDE Morvan');
  expect(text).toContain('Signé par Anne KERLEAU (RPPS 10001234567)');
  expect(text).toMatch(/Côté requérant : (TLD|TLL|TLM|TLS|RQD|aucun code)/);
  expect(text).toMatch(/Côté expert : (TC|TCG|TE1|TE2)\b/);
  expect(text).toMatch(/Empreinte SHA-256 du compte rendu signé : [0-9a-f]{64}/);
}

/** Reads the hub's FHIR endpoint as the cart does: the resource, or null when not there (or not allowed). */
export const cartReadsHub =
  (setup: Pick<CallSetup, 'hub'>) =>
  async (pathname: string): Promise<Record<string, any> | null> => {
    const response = await fetch(`${setup.hub.fhirUrl}${pathname}`, {
      headers: { Authorization: `Bearer ${token(CART, 'station')}` },
    });
    return response.ok ? ((await response.json()) as Record<string, any>) : null;
  };

/** Her report (the act's DocumentReference) and her prescription's first order reach the region, authored by her. */
export async function expectAtHubAuthoredByHer(
  fhir: ReturnType<typeof cartReadsHub>,
  reportId: string,
  prescriptionId: string,
): Promise<void> {
  await expect
    .poll(async () => (await fhir(`/DocumentReference/${reportId}`))?.author?.[0]?.identifier?.value, {
      timeout: 20_000,
    })
    .toBe(HER_IDNATPS);
  await expect
    .poll(
      async () =>
        (await fhir(`/MedicationRequest/${prescriptionLineId(prescriptionId, 0)}`))?.requester?.identifier?.value,
      { timeout: 20_000 },
    )
    .toBe(HER_IDNATPS);
}
