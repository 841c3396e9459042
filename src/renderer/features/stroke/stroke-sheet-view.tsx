// The tele-stroke sheet on screen, the same on both sides of the call: the timeline with the
// treatment windows, the NIHSS item by item (a camera preset per item on the neurologist's side),
// the thrombolysis help (weight, doses, checklist) and the decision with who and when. Doses,
// checklist and windows are labelled as help; the decision is the physician's.
import { useEffect, useState } from 'react';
import type { StrokeChangeInput, StrokeSheet } from '../../../shared/stroke/sheet';
import { ageInYears } from '../../../shared/stroke/thrombolysis-dose';
import { StrokeDecision } from './stroke-decision';
import { StrokeNihss, type CameraPreset } from './stroke-nihss';
import { StrokeThrombolysis } from './stroke-thrombolysis';
import { StrokeTimeline } from './stroke-timeline';

export type { CameraPreset } from './stroke-nihss';

/**
 * The time now, read at each render: a time just entered counts from this instant, not from the
 * last tick (a tick up to 15 s old showed "29 min" for an onset typed 30 minutes ago). The tick
 * only draws the sheet again while nobody touches it, so that the elapsed times move on.
 */
function useMinuteClock(): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  return new Date();
}

export interface StrokeSheetViewProps {
  sheet: StrokeSheet;
  onChange(change: StrokeChangeInput): void;
  /** The patient's birth date (YYYY-MM-DD), for the confirmation a minor's thrombolysis asks. */
  birthDate?: string | null;
  /** The neurologist's side: camera presets of the cart, recalled per NIHSS item. */
  presets?: readonly CameraPreset[];
  onPreset?(preset: number): void;
}

export function StrokeSheetView({ sheet, onChange, birthDate, presets, onPreset }: StrokeSheetViewProps) {
  const now = useMinuteClock();
  const ageYears = birthDate ? ageInYears(birthDate, now) : null;
  return (
    <div className="stroke-sheet">
      <StrokeTimeline sheet={sheet} onChange={onChange} now={now} />
      <StrokeNihss sheet={sheet} onChange={onChange} presets={presets} onPreset={onPreset} />
      <StrokeThrombolysis sheet={sheet} onChange={onChange} ageYears={ageYears} />
      {/* A recorded decision empties the form: the next one is chosen afresh. */}
      <StrokeDecision key={sheet.decision?.at ?? 'none'} sheet={sheet} onChange={onChange} ageYears={ageYears} />
    </div>
  );
}
