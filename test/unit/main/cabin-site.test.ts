// The cabin's patient-facing header names the pharmacy from the site's configuration (the
// station's hub token, issued by the regional IT), never the machine's host name (issue 20,
// internal names): "vm" or "PC-PHARMA-07" means nothing to a patient.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { cabinSiteName, CABIN_SITE_DEFAULT } from '../../../src/main/kiosk/cabin-site';

describe('cabinSiteName', () => {
  it('is the site the hub knows this station by', () => {
    expect(cabinSiteName({ site: 'Pharmacie du Port', name: 'Cabine 1' })).toBe('Pharmacie du Port');
  });
  it('is a plain French name, never the host name, without a hub identity', () => {
    expect(cabinSiteName(null)).toBe(CABIN_SITE_DEFAULT);
    expect(cabinSiteName({ site: '  ', name: 'x' })).toBe(CABIN_SITE_DEFAULT);
    expect(cabinSiteName(null)).not.toContain(os.hostname());
  });
});
