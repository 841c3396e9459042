// English texts of the station's hub token when it can no longer be renewed or has expired, the same keys as texts-hub-token-fr.ts.
import type { Texts } from '../../i18n/texts';
import type { hubTokenFr } from './texts-hub-token-fr';

export const hubTokenEn: Texts<typeof hubTokenFr> = {
  refreshRefused:
    'The regional server refuses to renew this station’s token: it stays valid until {{at}}, then nothing more will go out. Ask the regional IT for a new station token.',
  expired:
    'This station’s token expired{{at}} and could not be renewed: nothing is sent to the region and no call goes through. Ask the regional IT for a new station token (RELAIS_HUB_TOKEN), then restart the station. Nothing is lost: the records wait here.',
  expiredExpert:
    'Your expert access to the regional server expired{{at}}: no request or call reaches this station any more. Ask the regional IT for a new expert access, then restart the station.',
  expiredCoordinator:
    'The coordination’s access to the regional server expired{{at}}: offers can no longer be published or withdrawn from this station. Ask the regional IT for a new coordinator access, then restart the station.',
  maxAge:
    'This station’s token reached the longest life the region allows: the regional server no longer renews it. It stays valid until {{at}}, then nothing more will go out. Ask the regional IT for a new station token now (RELAIS_HUB_TOKEN).',
  revoked:
    'This station’s token was revoked by the regional IT: nothing is sent to the region and no call goes through. Ask the regional IT for a new station token (RELAIS_HUB_TOKEN), then restart the station. Nothing is lost: the records wait here.',
  expiredAt: ' on {{at}}',
  hubSaid: 'The server said: {{reason}}',
};
