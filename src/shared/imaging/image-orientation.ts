// Which way the patient lies in an image, as letters for its edges (A P R L H F: anterior,
// posterior, right, left, head, foot). From Image Orientation (Patient) (0020,0037), the
// direction cosines of the first row and first column in the patient's coordinates, x toward
// the patient's left, y toward the posterior, z toward the head (DICOM PS3.3 C.7.6.2.1.1); else
// from Patient Orientation (0020,0020), the same two directions already written as letters
// (PS3.3 C.7.6.1.1.1). Nothing is guessed: without either, there is no marker.

/** The directions in which the rows (left to right) and the columns (top to bottom) run. */
export interface ImageOrientation {
  row: string;
  column: string;
}

export interface EdgeMarkers {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

const LETTERS = /^[APRLHF]{1,3}$/;
const OPPOSITE: Record<string, string> = { A: 'P', P: 'A', R: 'L', L: 'R', H: 'F', F: 'H' };
/** Axes a direction leans along by less than this (about 3°) are left out: a marker tells the side, not the angle. */
const OBLIQUE = 0.05;

/** The letters of one direction, the axis it runs most along first. */
function directionLetters(x: number, y: number, z: number): string {
  const axes: [number, string][] = [
    [x, x > 0 ? 'L' : 'R'],
    [y, y > 0 ? 'P' : 'A'],
    [z, z > 0 ? 'H' : 'F'],
  ];
  return axes
    .filter(([v]) => Math.abs(v) > OBLIQUE)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]))
    .map(([, letter]) => letter)
    .join('');
}

export function orientationFromCosines(cosines: number[] | null): ImageOrientation | null {
  if (!cosines || cosines.length !== 6 || !cosines.every(Number.isFinite)) return null;
  const [rx, ry, rz, cx, cy, cz] = cosines as [number, number, number, number, number, number];
  // Direction cosines are unit vectors: anything far from that is not an orientation.
  if (Math.abs(Math.hypot(rx, ry, rz) - 1) > 0.1 || Math.abs(Math.hypot(cx, cy, cz) - 1) > 0.1) return null;
  const row = directionLetters(rx, ry, rz);
  const column = directionLetters(cx, cy, cz);
  return row && column ? { row, column } : null;
}

/** Patient Orientation (CS, two values "row\column"). */
export function orientationFromLetters(value: string | null): ImageOrientation | null {
  const parts = (value ?? '').split('\\').map((p) => p.trim().toUpperCase());
  if (parts.length !== 2 || !parts.every((p) => LETTERS.test(p))) return null;
  return { row: parts[0]!, column: parts[1]! };
}

const opposite = (letters: string) => [...letters].map((l) => OPPOSITE[l]!).join('');

/** The letters to show at each edge of the image as it is drawn (not flipped, not rotated). */
export function edgeMarkers(orientation: ImageOrientation): EdgeMarkers {
  return {
    left: opposite(orientation.row),
    right: orientation.row,
    top: opposite(orientation.column),
    bottom: orientation.column,
  };
}
