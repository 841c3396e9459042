// One pictogram per cabin step, so a patient who reads little follows where she is.
import type { KioskStep } from './kiosk-store';

const PATHS: Record<KioskStep, string> = {
  // A hand waving.
  welcome: 'M9 21v-8l-3-3 1.5-1.5L10 11V3h2v7h1V2h2v8h1V4h2v10c0 4-3 7-6 7z',
  // An identity card.
  identify: 'M3 5h18v14H3zM6 9a2 2 0 1 0 4 0 2 2 0 1 0-4 0M5 16c0-2 2-3 3-3s3 1 3 3zM13 9h6M13 12h6M13 15h4',
  // A tick in a circle.
  consent: 'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20M7 12l3 3 7-7',
  // A heart with a pulse line.
  measure: 'M12 21l-8-8a5 5 0 0 1 8-6 5 5 0 0 1 8 6zM3 12h5l2-3 3 6 2-3h6',
  // A video camera.
  call: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  // A door open.
  done: 'M5 3h10v18H5zM15 5l4 2v12l-4 2M12 12h1',
};

export function Pictogram({ step, size = 48 }: { step: KioskStep; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="pictogram"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[step]} />
    </svg>
  );
}
