// Where the stethoscope was placed: the standard cardiac auscultation foci and the anterior and
// posterior lung fields, as taught in Bates’ Guide to Physical Examination and History Taking
// (13th ed., 2021: aortic area 2nd right intercostal space, pulmonic area 2nd left, Erb’s point 3rd
// left, tricuspid area lower left sternal border, mitral area at the apex, 5th intercostal space;
// the lungs listened to front and back, apices to bases, right against left). No site is chosen for
// the nurse; a site recorded before these were added still reads.
import { describe, expect, it } from 'vitest';
import {
  AttachmentBeginSchema,
  AttachmentSchema,
  BODY_SITE_GROUPS,
  BODY_SITES,
} from '../../../src/shared/acts/attachments';
import { callsEn } from '../../../src/renderer/features/calls/texts-en';
import { callsFr } from '../../../src/renderer/features/calls/texts-fr';

const offered = Object.values(BODY_SITE_GROUPS).flat();

describe('auscultation body sites (Bates’ Guide to Physical Examination, 13th ed., 2021)', () => {
  it('offers the five cardiac foci, Erb’s point included', () => {
    expect(BODY_SITE_GROUPS.heart).toEqual(['aortic', 'pulmonic', 'erb', 'tricuspid', 'mitral']);
  });

  it('offers the posterior lung fields, apices and bases, right and left, besides the anterior ones', () => {
    expect(BODY_SITE_GROUPS.lungs_posterior).toEqual([
      'lung_posterior_apex_right',
      'lung_posterior_apex_left',
      'lung_posterior_base_right',
      'lung_posterior_base_left',
    ]);
    expect(BODY_SITE_GROUPS.lungs_anterior).toEqual([
      'lung_apex_right',
      'lung_apex_left',
      'lung_anterior_right',
      'lung_anterior_left',
    ]);
  });

  it('names every site and group in French and English', () => {
    for (const site of BODY_SITES) {
      expect(callsFr.bodySites[site], site).toBeTruthy();
      expect(callsEn.bodySites[site], site).toBeTruthy();
    }
    for (const group of Object.keys(BODY_SITE_GROUPS) as (keyof typeof BODY_SITE_GROUPS)[]) {
      expect(callsFr.bodySiteGroups[group]).toBeTruthy();
      expect(callsEn.bodySiteGroups[group]).toBeTruthy();
    }
    expect(callsFr.bodySites.erb).toBe('foyer d’Erb');
    expect(callsFr.bodySites.lung_posterior_base_right).toBe('base pulmonaire droite (dos)');
  });

  it('still reads the sites recorded before (bases without a side of the chest), without offering them again', () => {
    const stored = {
      id: 'a',
      callId: null,
      encounterId: 'e',
      title: null,
      kind: 'auscultation',
      mime: 'audio/wav',
      size: 1,
      sha256: 'a'.repeat(64),
      device: 'steth',
      author: 'IDE',
      takenAt: 'x',
    };
    expect(AttachmentSchema.parse({ ...stored, bodySite: 'lung_base_right' }).bodySite).toBe('lung_base_right');
    expect(offered).not.toContain('lung_base_right');
    expect(new Set(offered).size).toBe(offered.length);
    for (const site of offered) expect(BODY_SITES).toContain(site);
  });

  it('refuses a recording without a site, and a new recording at a site no longer offered', () => {
    const begin = {
      encounterId: '00000000-0000-4000-8000-000000000002',
      kind: 'auscultation',
      mime: 'audio/wav',
      size: 10,
      sha256: 'a'.repeat(64),
      device: 'steth',
      author: 'IDE',
      takenAt: '2026-11-23T10:00:00.000Z',
    };
    expect(AttachmentBeginSchema.safeParse({ ...begin, bodySite: null }).success).toBe(false);
    expect(AttachmentBeginSchema.safeParse({ ...begin, bodySite: 'lung_base_right' }).success).toBe(false);
    expect(AttachmentBeginSchema.safeParse({ ...begin, bodySite: 'lung_posterior_base_right' }).success).toBe(true);
  });
});
