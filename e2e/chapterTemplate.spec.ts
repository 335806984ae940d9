// Every chapter is built the same way (../shared/TEACHING.md): the goal first, a prediction before
// the task, a check that watches only from the prediction on, and a takeaway once it is done.
import { expect, test } from './fixtures';
import { openChapter, SET_UP } from './page-models/chapter';

test('the task is locked until a prediction is locked in, and what was done before does not count', async ({
  page,
}) => {
  const { lessons, progress, errors, lab } = await openChapter(
    page,
    'commands-and-queries',
    /Chapter 1/,
  );
  const chapter = lessons.getByRole('article');
  await expect(chapter.getByText(/^Goal: After this chapter you can /)).toBeVisible();
  await expect(chapter.getByText(/^Your task:/)).toHaveCount(0);
  await expect(chapter.getByRole('region', { name: 'Takeaway' })).toHaveCount(0);

  // The task, done before predicting: the chapter is not watching yet.
  await lab.placeOrder('SKU-1', '1');
  await lab.settled('Place order');
  await expect(await lab.ask('Stock levels', 'SKU-1')).toContainText('available');
  await expect(progress).toHaveText(SET_UP);

  const prediction = page.getByRole('form', { name: 'Prediction' });
  await prediction.getByRole('radio').first().check();
  await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(chapter.getByText(/^Your task:/)).toBeVisible();
  await expect(progress).toHaveText(/^Not done yet\. Done when: /);
  // What was done before the prediction still does not count once it is locked in.
  await expect(prediction.getByRole('status')).toHaveText(/^You predicted: /);
  await expect(progress).toHaveText(/^Not done yet/);

  await lab.placeOrder('SKU-1', '1');
  await lab.settled('Place order');
  await expect(await lab.ask('Stock levels', 'SKU-1')).toContainText('available');
  await expect(progress).toHaveText(/^Chapter done ✓/);
  const takeaway = chapter.getByRole('region', { name: 'Takeaway' });
  await expect(takeaway).toBeVisible();
  await expect(takeaway.getByText(/^In production: /)).toBeVisible();
  expect(errors).toEqual([]);
});
