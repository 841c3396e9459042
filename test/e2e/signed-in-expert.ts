// A cart and an expert's station on one hub, the expert signed in on the test OpenID provider
// (shaped like Pro Santé Connect) with her unlock PIN chosen, both seen at a cart's 1366x768: where
// the tests of her signed documents start. Call useSignedInExpertCall() at the top of a spec.
import { test, type Browser } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { startCallSetup, type CallSetup } from './call-fixture';
import { choosePin, signIn, signInEnv } from './sign-in';

export function useSignedInExpertCall(): (browser: Browser, stationEnv?: NodeJS.ProcessEnv) => Promise<CallSetup> {
  let setup: CallSetup | null = null;
  let provider: TestProvider | null = null;
  test.afterEach(async () => {
    await setup?.stop();
    await provider?.close();
    setup = null;
    provider = null;
  });
  return async (browser, stationEnv) => {
    provider = await startTestProvider();
    setup = await startCallSetup(browser, {
      viewport: { width: 1366, height: 768 },
      ...(stationEnv ? { stationEnv } : {}),
      expertEnv: signInEnv(provider),
    });
    await signIn(setup.expert.page, setup.expert.context);
    await choosePin(setup.expert.page, '4826');
    return setup;
  };
}
