// The transport avoided by a remote act: the great-circle distance checked on known city pairs,
// the road factor and the round trip, garbage coordinates refused.
import { describe, expect, it } from 'vitest';
import {
  BETWEEN_TOWN_HALLS,
  ROAD_DETOUR_FACTOR,
  straightLineKm,
  totalAvoided,
  transportAvoided,
} from '../../../src/shared/activity/transport-avoided';

// Town-hall coordinates (rounded to 4 decimals).
const BREST = { latitude: 48.3904, longitude: -4.4861 };
const QUIMPER = { latitude: 47.996, longitude: -4.1021 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const MARSEILLE = { latitude: 43.2965, longitude: 5.3698 };

describe('transport avoided', () => {
  it('measures the straight line as the great circle does', () => {
    expect(Math.abs(straightLineKm(PARIS, MARSEILLE) - 660)).toBeLessThan(2); // the usual 660 km
    // By hand on a flat local grid: 0.3944° of latitude (43.9 km) and 0.384° of longitude at 48.2°N (28.5 km).
    expect(Math.abs(straightLineKm(BREST, QUIMPER) - 52.3)).toBeLessThan(0.5);
    expect(straightLineKm(BREST, BREST)).toBe(0);
    expect(straightLineKm(PARIS, MARSEILLE)).toBeCloseTo(straightLineKm(MARSEILLE, PARIS), 9);
  });

  it('counts a round trip on the road, and says so', () => {
    const avoided = transportAvoided(QUIMPER, BREST);
    expect(avoided.km).toBe(Math.round(2 * 1.3 * straightLineKm(QUIMPER, BREST))); // about 137 km
    expect(avoided.km).toBeGreaterThan(130);
    expect(avoided.method).toContain('aller-retour');
    expect(avoided.method).toContain('× 1,3');
    // The method names the points the coordinates stand for, when the caller knows them.
    expect(transportAvoided(QUIMPER, BREST, ROAD_DETOUR_FACTOR, BETWEEN_TOWN_HALLS).method).toBe(
      'aller-retour, distance à vol d’oiseau entre la mairie de la commune du patient et celle de la commune du site de l’expert × 1,3 (détour routier moyen)',
    );
    expect(transportAvoided(QUIMPER, BREST, 1).km).toBe(Math.round(2 * straightLineKm(QUIMPER, BREST)));
    expect(totalAvoided([avoided, avoided])).toEqual({ km: 2 * avoided.km, method: avoided.method });
    expect(totalAvoided([])).toBeNull();
  });

  it('refuses coordinates that are not on Earth', () => {
    expect(() => transportAvoided({ latitude: 91, longitude: 0 }, BREST)).toThrow(RangeError);
    expect(() => transportAvoided({ latitude: Number.NaN, longitude: 0 }, BREST)).toThrow(RangeError);
  });
});
