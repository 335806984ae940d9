// The first paint does not wait for scripts: the header, the introduction and the course map are in
// the HTML the server sends, drawn before any script runs (here, with scripts off altogether).
import { CHAPTERS } from '../src/lessons/chapters';
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('with scripts off, the page still shows the header, the introduction and the course map with every chapter', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'CQRS Lab' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(
    'three separate choices. The Design switch adds one at a time',
  );
  const map = page.getByRole('navigation', { name: 'Course map' });
  await expect(map.getByRole('link')).toHaveCount(CHAPTERS.length);
  await expect(map.getByRole('link', { name: 'The stale read' })).toHaveAttribute(
    'href',
    '#/lessons/stale-read',
  );
  // Nothing claims to be running: the workers have not started.
  await expect(page.getByText('Starting the workers…')).toBeVisible();
});
