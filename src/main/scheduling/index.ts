// The scheduling feature's public face (issue 22): the region's offers as the coordinator publishes
// them, the table of specialties they are coded with, and slots and appointments. What the
// composition (station.ts) may import from it; the rest of the folder is the feature's own.
export { createOffersFeature } from './offers-feature';
export { createOffersPublisher } from './offers-publisher';
export type { OffersPublisher } from './offers-publisher';
export { readSpecialtyTable, SPECIALTY_TABLE_FILE } from './specialties-table';
export { createAppointmentFeature } from './appointment-feature';
export { reminderMinutesFromEnv } from './appointment-settings';
