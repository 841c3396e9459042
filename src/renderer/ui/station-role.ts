// Which kind of station this is, for its home screen and its header's sections: a cart (the
// requesting site), an expert's desk, a pharmacy cabin outside its kiosk mode, or the region's
// coordination (its home is "Offres de la région"). Decided in
// src/renderer/station-role.ts, where the station's, the hub's and the kiosk's stores meet.
export type StationRole = 'cart' | 'expert' | 'cabin' | 'coordinator';
