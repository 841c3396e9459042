// The billing codes as the station reads them: the table shipped in resources/billing.
import { createBillingCodes, readBillingTable, type BillingCodes } from '../../src/main/acts/billing-codes';

export const shippedBillingCodes = (): BillingCodes =>
  createBillingCodes(
    () => readBillingTable(),
    (message) => {
      throw new Error(message);
    },
  );
