// English texts of the activity screen, the same keys as texts-fr.ts.
import type { Texts } from '../../i18n/texts';
import type { activityFr } from './texts-fr';

export const activityEn: Texts<typeof activityFr> = {
  title: 'Activity',
  scope: 'Activity of this station: the acts recorded here, not the whole region’s.',
  range: 'Period',
  from: 'From month',
  to: 'To month (included)',
  show: 'Show',
  export: 'Export as CSV',
  none: 'No act carried out in this period.',
  tableCaption:
    'Acts carried out from {{from}} to {{to}} (started: in progress, awaiting the report or closed; drafts and cancelled acts left out)',
  month: 'Month',
  act: 'Act type',
  specialty: 'Specialty',
  acts: 'Acts',
  minutes: 'Minutes',
  km: 'Km avoided',
  kmUnknown: 'Acts without a km estimate',
  total: 'Total',
  actsChart: 'Acts per month and type',
  minutesChart: 'Time spent per month (minutes)',
  kmTitle: 'Transport avoided',
  kmTotal: '{{km}} km spared to patients, estimated over {{acts}} act(s).',
  method: 'Method (as in the French report): {{method}}.',
  coordinates: {
    loaded_mairie: 'Coordinates: town halls of the communes ({{count}} communes, file {{file}}).',
    loaded_centre: 'Coordinates: centres of the communes ({{count}} communes, file {{file}}).',
    missing:
      'No commune coordinate table is loaded: the km avoided are not estimated. Put the "Communes et villes de France" CSV file from data.gouv.fr here: {{path}}, or ask the IT department to set its location in the station’s settings.',
    setting: 'Station setting for the IT department: {{setting}}',
    unreadable: 'The commune coordinate table ({{file}}) cannot be used: {{reason}} The km avoided are not estimated.',
  },
  missingTitle: 'Acts without a km estimate',
  missing: {
    patientCommune: '{{count}} act(s): the patient’s commune of residence is not recorded (patient record).',
    siteCommune: '{{count}} act(s): the commune of the expert’s site is not recorded (act record).',
    noTable: '{{count}} act(s): no commune coordinate table.',
    notInTable: '{{count}} act(s): a commune is not in the coordinate table (merged or wrong code?).',
  },
};
