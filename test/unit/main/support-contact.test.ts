// Whom a clinician calls when the station needs the IT (issue 20, point 3): the hospital names its
// IT support in RELAIS_SUPPORT_CONTACT; absent, the screens say "your establishment's IT support";
// a value that cannot be shown as a short sentence is refused at start, naming the setting, and
// the default is used.
import { describe, expect, it } from 'vitest';
import { SUPPORT_CONTACT_MAX, supportContactFromEnv } from '../../../src/main/station/support-contact';

describe('RELAIS_SUPPORT_CONTACT', () => {
  it('is the IT support contact as the hospital wrote it, trimmed', () => {
    expect(supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: '  Support informatique du GHT, poste 4321 ' })).toEqual({
      contact: 'Support informatique du GHT, poste 4321',
      problem: null,
    });
    expect(supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: 'Hotline SIH : 02 98 00 00 00 (24 h/24)' }).contact).toBe(
      'Hotline SIH : 02 98 00 00 00 (24 h/24)',
    );
  });

  it('is null when absent or blank: the screens name the default contact', () => {
    expect(supportContactFromEnv({})).toEqual({ contact: null, problem: null });
    expect(supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: '   ' })).toEqual({ contact: null, problem: null });
  });

  it('refuses a value too long for a sentence, naming the setting, its limit and the default used', () => {
    const setting = supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: 'x'.repeat(SUPPORT_CONTACT_MAX + 1) });
    expect(setting.contact).toBeNull();
    expect(setting.problem).toContain('RELAIS_SUPPORT_CONTACT');
    expect(setting.problem).toContain(`${SUPPORT_CONTACT_MAX}`);
    expect(setting.problem).toMatch(/default/i);
    expect(supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: 'x'.repeat(SUPPORT_CONTACT_MAX) }).contact).toHaveLength(
      SUPPORT_CONTACT_MAX,
    );
  });

  it('refuses garbage (control characters, several lines, markup), naming the setting', () => {
    for (const garbage of ['Support\nposte 4321', 'Support\u0000SIH', '\u001b[31mSupport', '<b>Support</b> SIH']) {
      const setting = supportContactFromEnv({ RELAIS_SUPPORT_CONTACT: garbage });
      expect(setting.contact, JSON.stringify(garbage)).toBeNull();
      expect(setting.problem).toContain('RELAIS_SUPPORT_CONTACT');
    }
  });
});
