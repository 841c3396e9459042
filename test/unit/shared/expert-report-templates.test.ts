// The expert's report templates (issue 21, point 4): a new report starts from her specialty's
// template with the act's reason and measurements written out (value, unit, time in France, device
// or who typed it); a template change fills only what she has not written; a section still as a
// template wrote it is pointed out before signing.
import { describe, expect, it } from 'vitest';
import {
  measurementsText,
  REPORT_TEMPLATE_IDS,
  REPORT_TEMPLATES,
  reportFromTemplate,
  templateForSpecialty,
  untouchedSections,
} from '../../../src/shared/acts/expert-report-templates';
import { REPORT_SECTIONS } from '../../../src/shared/acts/expert-report';
import { realContext } from '../../helpers/act-context';

describe('the expert’s report templates', () => {
  it('write the act’s measurements one per line, oldest first, in French units and French time', () => {
    const text = measurementsText({
      measurements: [
        { ...realContext.measurements[0]!, takenAt: '2026-03-14T09:05:00.000Z' },
        {
          kind: 'body_temperature',
          values: [37.8],
          unit: 'Cel',
          takenAt: '2026-03-14T08:50:00.000Z',
          device: null,
          takenBy: 'IDE Morvan',
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Température : 37,8 °C (14/03 09:50, saisie par IDE Morvan)',
      'Pression artérielle : 132/78 mmHg (14/03 10:05, Omron M7, Mme Le Goff)',
    ]);
  });

  it('start a report with the act’s reason and measurements, the rest from the template', () => {
    const report = reportFromTemplate('dermatology', realContext);
    expect(report.motif).toBe(realContext.act.reason);
    expect(report.mesures).toBe(measurementsText(realContext));
    expect(report.examen).toBe(REPORT_TEMPLATES.dermatology.sections.examen);
    expect(report.conclusion).toBe('');
    expect(Object.keys(reportFromTemplate('general', null))).toEqual([...REPORT_SECTIONS]);
  });

  it('point out the sections still as a template wrote them, never one she wrote or left empty', () => {
    const report = reportFromTemplate('wound', realContext);
    expect(untouchedSections(report)).toEqual(['histoire', 'examen', 'conduite', 'suivi']);
    const written = { ...report, examen: `${report.examen}\nPlaie de 2 cm`, conduite: '' };
    expect(untouchedSections(written)).toEqual(['histoire', 'suivi']);
  });

  it('suggest her specialty’s template from the hub’s name for it, else general medicine', () => {
    expect(templateForSpecialty('Dermatologie')).toBe('dermatology');
    expect(templateForSpecialty('neurologie vasculaire')).toBe('neurology_stroke');
    expect(templateForSpecialty('Gériatrie')).toBe('geriatrics');
    expect(templateForSpecialty(null)).toBe('general');
    expect(templateForSpecialty('pneumologie')).toBe('general');
    for (const id of REPORT_TEMPLATE_IDS) expect(REPORT_TEMPLATES[id].id).toBe(id);
  });
});
