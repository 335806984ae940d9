import { expect, test } from './fixtures';
import { disabledFeatures } from './launch';

// The suite's own browser, checked: a Chromium upgrade that renamed a feature would bring its
// work back silently, and every test would pay for it on a 2-core machine.
test('the test browser renders nothing of its own beside the page under test', async ({
  browser,
  page,
}) => {
  await page.goto('about:blank');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.filter((t) => t.type !== 'page').map((t) => t.url)).toEqual([]);

  // Every feature of launch.ts is off: the one --disable-features switch Chromium reads is ours.
  await page.goto('chrome://version');
  const encoded = /eyJ[A-Za-z0-9+/=]+/.exec(await page.content())?.[0] ?? '';
  const variations = JSON.parse(Buffer.from(encoded, 'base64').toString()) as Record<
    string,
    string
  >;
  const off = new Set((variations['disable-features'] ?? '').split(','));
  expect(disabledFeatures.filter((feature) => !off.has(feature))).toEqual([]);
});
