// English texts of the image viewer: tools, window presets, slices, measurements (the same keys as the French).
import type { Texts } from '../i18n/texts';
import type { viewerFr } from './texts-viewer-fr';

export const viewerEn: Texts<typeof viewerFr> = {
  tools: 'Viewer tools',
  tool: { window: 'Window', pan: 'Pan', zoom: 'Zoom', length: 'Length', roi: 'Density (ROI)' },
  preset: { brain: 'Brain', stroke: 'Stroke', subdural: 'Subdural', bone: 'Bone' },
  reset: 'Original view',
  image: '{{label}}: slice {{index}} of {{count}}',
  slice: 'Slice',
  state: 'Slice {{index}}/{{count}} — W {{width}} / L {{center}} — zoom ×{{zoom}}',
  loading: '{{loaded}}/{{count}} images loaded',
  waiting: 'Loading slice {{index}}…',
  failed: 'Slice {{index}} cannot be shown: {{reason}}',
  frameErrors: {
    unreadable: 'unreadable file',
    truncated: 'truncated file',
    not_an_image: 'not an image',
    no_such_frame: 'no such image',
    unsupported_pixels: 'image format not supported',
    corrupt_pixels: 'damaged pixels',
    not_found: 'file missing from the station: import the study again',
  },
  measurements: 'Measurements on this slice',
  length: 'Length: {{value}} {{unit}}',
  roi: 'Mean density: {{mean}} {{unit}} (SD {{sd}}, {{pixels}} pixels, {{area}} mm²)',
  roiEmpty: 'Region too small',
  clearMeasurements: 'Clear this slice’s measurements',
  noPresets: 'No window presets outside CT.',
  noImage: 'No image to show',
  images: '{{count}} image(s)',
  openSeries: 'Open series {{label}}',
  opening: 'Opening the series…',
  share: 'Share this series in the call',
};
