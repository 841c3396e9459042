// Report templates: the parts of each act type, what a specialty adds before the conclusion,
// and a specialty written any way (case, accents) found.
import { describe, expect, it } from 'vitest';
import { reportTemplate } from '../../../src/shared/acts/report-templates';

const headings = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.endsWith(' :'))
    .map((l) => l.slice(0, -2));

describe('report templates', () => {
  it('gives each act type its parts, in order', () => {
    expect(headings(reportTemplate('teleexpertise', null))).toEqual([
      'Question posée',
      'Éléments transmis',
      'Avis',
      'Recommandations au requérant',
    ]);
    expect(headings(reportTemplate('teleconsultation', 'pneumologie'))).toEqual([
      'Motif de la téléconsultation',
      'Contexte et antécédents',
      'Examen à distance',
      'Conclusion',
      'Conduite à tenir et suivi',
    ]);
  });

  it('adds the specialty’s parts before the conclusion, whatever the spelling', () => {
    const derm = headings(reportTemplate('teleconsultation', 'Dermatologie'));
    expect(derm.indexOf('Description des lésions (siège, taille, aspect, évolution)')).toBe(
      derm.indexOf('Conclusion') - 2,
    );
    expect(headings(reportTemplate('teleexpertise', 'GERIATRIE'))).toEqual([
      'Question posée',
      'Éléments transmis',
      'Autonomie et état cognitif',
      'Traitements en cours et interactions',
      'Avis',
      'Recommandations au requérant',
    ]);
  });

  it('leaves a blank line to write under each heading', () => {
    expect(reportTemplate('teleassistance', null)).toBe('Acte assisté :\n\nDéroulement :\n\nConclusion :\n');
  });
});
