// Every error a person can meet has a French and an English text: the error codes of the
// contract, and every field error code the station's rules can produce (found in the sources).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/en';
import { fr } from '../../../src/renderer/i18n/fr';
import { ERROR_CODES } from '../../../src/shared/result';
import { contract } from '../../../src/shared/contract';
import { RemoteMessageSchema } from '../../../src/shared/devices/remote-control';
import { AuditNoteSchema } from '../../../src/shared/audit/audit';

function lookup(tree: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

// Field codes are written as dotted string literals ('ins.key_mismatch') in the rules and
// services, and built in validation.ts as 'field.*'.
const FIELD_CODE =
  /'((?:field|trait|date|insee|first_names|ins|identity|encounter|vital|report|rpps|imaging|pacs|kiosk|disk|consent|auscultation)\.[a-z_]+)'/g;
// Channel, event, call message and audit note names look the same ('imaging.scan', 'imaging.view'): they are not field codes.
const contractNames = new Set<string>([
  ...Object.keys(contract.invoke),
  ...Object.keys(contract.events),
  ...RemoteMessageSchema.options.map((o) => o.shape.type.value),
  ...AuditNoteSchema.options.map((o) => o.shape.event.value),
]);
// The main services that raise field errors (src/main/services before issue 19 spread them by feature).
const MAIN_SERVICES = [
  'src/main/activity/activity-service.ts',
  'src/main/activity/commune-places.ts',
  'src/main/acts/act-escalation.ts',
  'src/main/acts/attachment-service.ts',
  'src/main/acts/consent-guard.ts',
  'src/main/acts/encounter-service.ts',
  'src/main/acts/report-pdf-service.ts',
  'src/main/calls/call-service.ts',
  'src/main/devices/blood-pressure-monitor.ts',
  'src/main/devices/device-config.ts',
  'src/main/devices/device-factory.ts',
  'src/main/devices/device-service.ts',
  'src/main/devices/hid-peripherals.ts',
  'src/main/devices/simulated-devices.ts',
  'src/main/devices/steering-grant.ts',
  'src/main/imaging/imaging-drop.ts',
  'src/main/imaging/imaging-identity.ts',
  'src/main/imaging/imaging-service.ts',
  'src/main/imaging/pacs-service.ts',
  'src/main/kiosk/kiosk-service.ts',
  'src/main/patients/insi-service.ts',
  'src/main/patients/patient-service.ts',
  'src/main/platform/disk/disk-space.ts',
  'src/main/platform/files/attachment-store.ts',
  'src/main/platform/files/leftover-files.ts',
  'src/main/platform/hub/hub-client.ts',
  'src/main/platform/hub/hub-link.ts',
  'src/main/platform/hub/hub-token.ts',
  'src/main/station/station-status-service.ts',
  'src/main/stroke/stroke-service.ts',
  'src/main/teleexpertise/expert-inbox.ts',
  'src/main/teleexpertise/teleexpertise-service.ts',
];
const fieldCodes = new Set(
  [...sources('src/shared'), ...MAIN_SERVICES]
    .flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(FIELD_CODE)].map((m) => m[1]!))
    .filter((code) => !contractNames.has(code)),
);

describe('translations', () => {
  it('finds the field codes in the sources', () => {
    expect(fieldCodes.size).toBeGreaterThan(15);
    expect(fieldCodes).toContain('ins.key_mismatch');
    expect(fieldCodes).toContain('date.in_future');
  });

  it.each([...fieldCodes].sort())('field error %s has French and English texts', (code) => {
    expect(typeof lookup(fr.fieldErrors, code)).toBe('string');
    expect(typeof lookup(en.fieldErrors, code)).toBe('string');
  });

  it.each(ERROR_CODES)('error %s has French and English texts', (code) => {
    expect(typeof fr.errors[code]).toBe('string');
    expect(typeof en.errors[code]).toBe('string');
  });
});
