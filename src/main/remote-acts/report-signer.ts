// Who signs the expert's report: the physician signed in at this station (her name and RPPS, as her
// identity provider states them) and her identity at the regional hub (the requesting station
// knows her by it: it is the other side of its call). Without either, nothing is signed.
import type { ReportSigner } from '../../shared/acts/expert-report';
import type { SignedIn } from '../../shared/identity/identity';
import type { Peer } from '../../shared/hub-protocol';
import { AppFailure } from '../contract/failure';

export function reportSigner(user: SignedIn | null, hubIdentity: Peer | null): ReportSigner {
  if (!user)
    throw new AppFailure(
      'sign_in_required',
      'Nobody is signed in at this station: a report is signed only in the name of the signed-in physician.',
    );
  if (!user.rpps)
    throw new AppFailure(
      'sign_in_required',
      `The sign-in of ${user.name} gives no RPPS number: a report needs the RPPS of the physician who signs it.`,
    );
  if (!hubIdentity)
    throw new AppFailure(
      'hub_unavailable',
      'This station has not reached the regional hub since it started: the report cannot name its signer there. Sign again once the hub is reached.',
    );
  return {
    name: user.name,
    rpps: user.rpps,
    specialty: user.practice?.specialtyCode ?? hubIdentity.specialty,
    hubId: hubIdentity.id,
  };
}
