// Which kind of station this is, for its home screen and its header's sections: a cart (the
// requesting site), an expert's desk, or a pharmacy cabin outside its kiosk mode. Decided in
// src/renderer/station-role.ts, where the station's, the hub's and the kiosk's stores meet.
export type StationRole = 'cart' | 'expert' | 'cabin';
