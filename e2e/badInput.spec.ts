// Bad input through every form, and through the URL: each is refused with a message about that
// field or that rule, and nothing stored changes. (Import files: e2e/logFile.spec.ts and the
// tables in src/eventstore/testing/badLogForm.ts and badLogContent.ts.)
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

type Case = {
  form: string;
  domain?: 'Shop' | 'Bank';
  fields: Record<string, string>;
  /** The field whose description carries the message, or null for a refusal shown in the form. */
  field: string | null;
  message: RegExp;
};

const LONG = 'x'.repeat(10_000);

const CASES: readonly Case[] = [
  { form: 'Add product', fields: { SKU: '' }, field: 'SKU', message: /^SKU is required$/ },
  { form: 'Add product', fields: { SKU: 'has spaces' }, field: 'SKU', message: /only letters/ },
  { form: 'Add product', fields: { SKU: 'S'.repeat(33) }, field: 'SKU', message: /at most 32/ },
  { form: 'Add product', fields: { SKU: '<script>' }, field: 'SKU', message: /only letters/ },
  { form: 'Add product', fields: { SKU: 'constructor' }, field: 'SKU', message: /is reserved/ },
  { form: 'Add product', fields: { Name: LONG }, field: 'Name', message: /at most 100 char/ },
  { form: 'Add product', fields: { Name: '   ' }, field: 'Name', message: /^Name is required$/ },
  // Shown as "Blue mug": a right-to-left override reverses what follows it.
  {
    form: 'Add product',
    fields: { Name: '\u202Egum eulB' },
    field: 'Name',
    message: /^Name may not contain invisible characters that reverse the text/,
  },
  { form: 'Add product', fields: { Price: '-1' }, field: 'Price', message: /greater than 0/ },
  { form: 'Add product', fields: { Price: '0' }, field: 'Price', message: /greater than 0/ },
  { form: 'Add product', fields: { Price: '1.234' }, field: 'Price', message: /2 decimal/ },
  { form: 'Add product', fields: { Price: 'NaN' }, field: 'Price', message: /must be a number/ },
  { form: 'Add product', fields: { Price: '1e309' }, field: 'Price', message: /./ },
  {
    form: 'Add product',
    fields: { Price: '5000000' },
    field: 'Price',
    message: /at most 1,000,000/,
  },
  { form: 'Add product', fields: { Stock: '-1' }, field: 'Stock', message: /cannot be negative/ },
  { form: 'Add product', fields: { Stock: '1.5' }, field: 'Stock', message: /whole number/ },
  {
    form: 'Add product',
    fields: { Stock: '99999999' },
    field: 'Stock',
    message: /at most 1,000,000/,
  },
  { form: 'Add product', fields: { SKU: 'SKU-1' }, field: null, message: /already exists/ },
  { form: 'Restock', fields: { Quantity: '0' }, field: 'Quantity', message: /at least 1/ },
  { form: 'Restock', fields: { Quantity: '10001' }, field: 'Quantity', message: /at most 10,000/ },
  { form: 'Restock', fields: { Quantity: 'abc' }, field: 'Quantity', message: /must be a number/ },
  {
    form: 'Restock',
    fields: { SKU: 'SKU-404' },
    field: null,
    message: /no product with SKU SKU-404/,
  },
  { form: 'Change price', fields: { Price: '-5' }, field: 'Price', message: /greater than 0/ },
  {
    form: 'Change price',
    fields: { SKU: 'NOPE' },
    field: null,
    message: /no product with SKU NOPE/,
  },
  { form: 'Place order', fields: { Quantity: '-2' }, field: 'Quantity', message: /at least 1/ },
  { form: 'Place order', fields: { Quantity: '2.5' }, field: 'Quantity', message: /whole number/ },
  { form: 'Place order', fields: { Quantity: '' }, field: 'Quantity', message: /required/ },
  // Number() would read these as 16 and 1000: only plain decimal numbers are taken.
  {
    form: 'Place order',
    fields: { Quantity: '0x10' },
    field: 'Quantity',
    message: /^Quantity must be a number written in digits, like 3$/,
  },
  {
    form: 'Place order',
    fields: { Quantity: '1e3' },
    field: 'Quantity',
    message: /^Quantity must be a number written in digits, like 3$/,
  },
  {
    form: 'Add product',
    fields: { Stock: '0x10' },
    field: 'Stock',
    message: /^Stock must be a number written in digits, like 3$/,
  },
  {
    form: 'Add product',
    fields: { Price: '1e1' },
    field: 'Price',
    message: /^Price must be a number written in digits, like 12.50$/,
  },
  { form: 'Place order', fields: { Quantity: '999' }, field: null, message: /Not enough stock/ },
  { form: 'Place order', fields: { SKU: 'GHOST' }, field: null, message: /GHOST/ },
  {
    form: 'Open account',
    domain: 'Bank',
    fields: { Account: '' },
    field: 'Account',
    message: /required/,
  },
  {
    form: 'Open account',
    domain: 'Bank',
    fields: { Owner: LONG },
    field: 'Owner',
    message: /at most 100/,
  },
  {
    form: 'Open account',
    domain: 'Bank',
    fields: { Account: 'ACC-1' },
    field: null,
    message: /already exists/,
  },
  {
    form: 'Deposit',
    domain: 'Bank',
    fields: { Amount: '0.001' },
    field: 'Amount',
    message: /2 decimal/,
  },
  {
    form: 'Deposit',
    domain: 'Bank',
    fields: { Amount: '-10' },
    field: 'Amount',
    message: /greater than 0/,
  },
  {
    form: 'Deposit',
    domain: 'Bank',
    fields: { Account: 'ACC-9' },
    field: null,
    message: /no account ACC-9/,
  },
  {
    form: 'Withdraw',
    domain: 'Bank',
    fields: { Amount: '1000' },
    field: null,
    message: /Not enough money/,
  },
  {
    form: 'Transfer',
    domain: 'Bank',
    fields: { 'To account': 'ACC-1' },
    field: 'To account',
    message: /different account/,
  },
  {
    form: 'Transfer',
    domain: 'Bank',
    fields: { Amount: '5000' },
    field: null,
    message: /Not enough money/,
  },
];

/** A valid input for each form, which each case spoils in one field. */
const VALID: Record<string, Record<string, string>> = {
  'Add product': { SKU: 'SKU-2', Name: 'Teapot', Price: '30', Stock: '2' },
  Restock: { SKU: 'SKU-1', Quantity: '1' },
  'Change price': { SKU: 'SKU-1', Price: '9.99' },
  'Place order': { SKU: 'SKU-1', Quantity: '1' },
  'Open account': { Account: 'ACC-2', Owner: 'Bo' },
  Deposit: { Account: 'ACC-1', Amount: '10' },
  Withdraw: { Account: 'ACC-1', Amount: '10' },
  Transfer: { 'From account': 'ACC-1', 'To account': 'ACC-2', Amount: '10' },
};

type Command = { form: string; fields: Record<string, string> };

const MUG: Command = {
  form: 'Add product',
  fields: { SKU: 'SKU-1', Name: 'Blue mug', Price: '12.50', Stock: '5' },
};
const ADA: Command = { form: 'Open account', fields: { Account: 'ACC-1', Owner: 'Ada' } };
const BO: Command = { form: 'Open account', fields: { Account: 'ACC-2', Owner: 'Bo' } };
const ADA_SAVES: Command = { form: 'Deposit', fields: { Account: 'ACC-1', Amount: '100' } };

/** What each form's cases need in the log first: what their valid input and their rules name. */
const SEEDS: Record<string, readonly Command[]> = {
  'Add product': [MUG],
  Restock: [MUG],
  'Change price': [MUG],
  'Place order': [MUG],
  'Open account': [ADA],
  Deposit: [ADA],
  Withdraw: [ADA, ADA_SAVES],
  Transfer: [ADA, BO, ADA_SAVES],
};

const FORMS = [...new Set(CASES.map((c) => c.form))];

for (const form of FORMS) {
  const cases = CASES.filter((c) => c.form === form);
  const domain = cases[0]?.domain ?? 'Shop';
  test(`${form}: ${String(cases.length)} bad inputs, each refused with its own message, nothing appended`, async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.useDomain(domain);
    const seeds = SEEDS[form] ?? [];
    for (const seed of seeds) {
      await lab.submit(seed.form, seed.fields);
      await lab.settled(seed.form);
    }
    await expect(lab.logRows()).toHaveCount(seeds.length);
    const log = await lab.logRows().allTextContents();
    const view = domain === 'Shop' ? 'Stock levels' : 'Account balances';
    await expect(lab.viewStatus(view)).toHaveText(`Up to date at #${String(seeds.length)}`);
    const rows = page.getByRole('table', { name: `${view} rows` });
    const before = await rows.textContent();

    for (const c of cases) {
      const submitted = await lab.submit(c.form, { ...VALID[c.form], ...c.fields });
      const where = `${c.form} with ${JSON.stringify(c.fields).slice(0, 60)}`;
      if (c.field === null)
        await expect(submitted.getByRole('alert'), where).toHaveText(
          new RegExp(`^Refused: .*${c.message.source}`),
        );
      else
        await expect(
          submitted.getByLabel(c.field, { exact: true }),
          where,
        ).toHaveAccessibleDescription(c.message);
    }
    // Nothing stored changed: the same events, the views as they were.
    await expect(lab.logRows()).toHaveCount(seeds.length);
    expect(await lab.logRows().allTextContents()).toEqual(log);
    await expect(rows).toHaveText(before ?? '');
    if (domain === 'Shop')
      await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50505');
  });
}

test('a bad URL names what is wrong and changes nothing stored', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await expect(lab.logRows()).toHaveCount(1);
  const lessons = page.getByRole('region', { name: 'Lessons' });
  for (const [hash, message] of [
    ['#/lessons/nope', /no chapter called “nope”/],
    [`#/lessons/${'a'.repeat(500)}`, /./],
    ['#/lessons/%3Cimg%20src%3Dx%3E', /not a chapter name/],
    ['#/somewhere/else', /./],
    ['#/share/not-a-session', /^This share link cannot be used: it is damaged or incomplete/],
    ['#/share/eyJ2IjoyfQ', /^This share link cannot be used: it was made by another version/],
  ] as const) {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await expect(lessons.getByRole('alert'), hash).toHaveText(message);
  }
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await expect(lab.logRows()).toHaveCount(1);
});
