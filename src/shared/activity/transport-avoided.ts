// The transport a remote act avoided: the patient's round trip from her commune to the expert's
// site, estimated as the great-circle distance times a road detour factor. The method travels
// with the figure, so that a coordinator's report says how it was computed. Pure.

export interface Place {
  latitude: number;
  longitude: number;
}

/** Roads are longer than the straight line: 1.3 is the usual mean detour factor for France. */
export const ROAD_DETOUR_FACTOR = 1.3;
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine), in km. */
export function straightLineKm(a: Place, b: Place): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TransportAvoided {
  km: number;
  method: string;
}

/** What the two points stand for, as the method says it (the town halls when the table gives those). */
export const BETWEEN_CENTRE = 'le centre de la commune du patient et le site de l’expert';
export const BETWEEN_TOWN_HALLS = 'la mairie de la commune du patient et celle de la commune du site de l’expert';
export const BETWEEN_COMMUNE_CENTRES = 'le centre de la commune du patient et celui de la commune du site de l’expert';

export function transportAvoided(
  patientCommune: Place,
  expertSite: Place,
  factor = ROAD_DETOUR_FACTOR,
  between = BETWEEN_CENTRE,
): TransportAvoided {
  for (const p of [patientCommune, expertSite]) {
    if (
      !Number.isFinite(p.latitude) ||
      !Number.isFinite(p.longitude) ||
      Math.abs(p.latitude) > 90 ||
      Math.abs(p.longitude) > 180
    )
      throw new RangeError('A place needs a latitude within ±90° and a longitude within ±180°.');
  }
  const oneWay = straightLineKm(patientCommune, expertSite) * factor;
  return {
    km: Math.round(2 * oneWay),
    method: `aller-retour, distance à vol d’oiseau entre ${between} × ${factor.toLocaleString('fr-FR')} (détour routier moyen)`,
  };
}

/** The sum over acts, with the one method they share. */
export function totalAvoided(items: readonly TransportAvoided[]): TransportAvoided | null {
  if (items.length === 0) return null;
  return { km: items.reduce((n, i) => n + i.km, 0), method: items[0]!.method };
}
