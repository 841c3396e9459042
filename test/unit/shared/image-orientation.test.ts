// Left/right markers from the image's own orientation. DICOM PS3.3 (2024d) C.7.6.2.1.1, Image
// Orientation (Patient): the direction cosines of the first row and of the first column, in the
// patient's coordinates (x toward the patient's left, y toward the posterior, z toward the head).
// PS3.3 C.7.6.1.1.1, Patient Orientation: the same two directions written as letters, A P R L H F,
// the main one first. The marker at an edge of the screen is the direction the image goes there.
import { describe, expect, it } from 'vitest';
import {
  edgeMarkers,
  orientationFromCosines,
  orientationFromLetters,
} from '../../../src/shared/imaging/image-orientation';

describe('orientation markers (DICOM PS3.3 C.7.6.2.1.1 and C.7.6.1.1.1)', () => {
  it('an axial slice shown as radiologists read it: the patient’s right on the screen’s left', () => {
    const axial = orientationFromCosines([1, 0, 0, 0, 1, 0]);
    expect(axial).toEqual({ row: 'L', column: 'P' });
    expect(edgeMarkers(axial!)).toEqual({ left: 'R', right: 'L', top: 'A', bottom: 'P' });
  });

  it('coronal and sagittal slices', () => {
    expect(edgeMarkers(orientationFromCosines([1, 0, 0, 0, 0, -1])!)).toEqual({
      left: 'R',
      right: 'L',
      top: 'H',
      bottom: 'F',
    });
    expect(edgeMarkers(orientationFromCosines([0, 1, 0, 0, 0, -1])!)).toEqual({
      left: 'A',
      right: 'P',
      top: 'H',
      bottom: 'F',
    });
  });

  it('an oblique slice: every axis it leans along, the main one first', () => {
    const tilt = (20 * Math.PI) / 180;
    expect(orientationFromCosines([Math.cos(tilt), Math.sin(tilt), 0, -Math.sin(tilt), Math.cos(tilt), 0])).toEqual({
      row: 'LP',
      column: 'PR',
    });
  });

  it('a radiograph’s Patient Orientation: a PA chest seen facing the patient', () => {
    const chest = orientationFromLetters('L\\F');
    expect(edgeMarkers(chest!)).toEqual({ left: 'R', right: 'L', top: 'H', bottom: 'F' });
    expect(edgeMarkers(orientationFromLetters('A\\FR')!)).toEqual({ left: 'P', right: 'A', top: 'HL', bottom: 'FR' });
  });

  it('says nothing rather than guess: missing, malformed or degenerate values give no marker', () => {
    expect(orientationFromCosines(null)).toBeNull();
    expect(orientationFromCosines([1, 0, 0])).toBeNull();
    expect(orientationFromCosines([0, 0, 0, 0, 0, 0])).toBeNull();
    expect(orientationFromLetters(null)).toBeNull();
    expect(orientationFromLetters('')).toBeNull();
    expect(orientationFromLetters('X\\Y')).toBeNull();
    expect(orientationFromLetters('L')).toBeNull();
  });
});
