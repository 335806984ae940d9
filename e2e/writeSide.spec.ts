import { budgetFor } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage, submitTogether } from './page-models/labPage';

test.describe('the write side', () => {
  test('an order goes through its life: paid, shipped, and then it cannot be cancelled', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.form('Place order').getByRole('status')).toContainText('OrderPlaced #2');
    const orderId = await lab.lastOrderId();

    const ship = await lab.submit('Ship order', { Order: orderId });
    await expect(ship.getByRole('alert')).toHaveText(
      `Refused: Order ${orderId} is not paid yet, so it cannot ship`,
    );

    const pay = await lab.submit('Pay order', { Order: orderId });
    await expect(pay.getByRole('status')).toHaveText('Appended OrderPaid #4');
    await lab.submit('Ship order', { Order: orderId });
    await expect(lab.form('Ship order').getByRole('status')).toHaveText(
      'Appended OrderShipped #5, StockShipped #6',
    );
    const cancel = await lab.submit('Cancel order', { Order: orderId });
    await expect(cancel.getByRole('alert')).toContainText('has already shipped');

    await expect(lab.viewRow(lab.orderStatus, orderId)).toContainText('shipped');
    const mug = lab.viewRow(lab.stockLevels, 'SKU-1');
    await expect(mug.getByRole('cell')).toHaveText(['SKU-1 Blue mug', '12.50', '3', '0', '3']);
    await expect(lab.logRows()).toHaveCount(6);
  });

  test('cancelling releases the reserved stock; restock and price changes show in Stock levels', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '2' });
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('0');

    await lab.submit('Cancel order', { Order: await lab.lastOrderId() });
    await expect(lab.form('Cancel order').getByRole('status')).toHaveText(
      'Appended OrderCancelled #4, StockReleased #5',
    );
    await lab.submit('Restock', { SKU: 'SKU-1', Quantity: '3' });
    await lab.submit('Change price', { SKU: 'SKU-1', Price: '9.99' });
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell')).toHaveText([
      'SKU-1 Blue mug',
      '9.99',
      '5',
      '0',
      '5',
    ]);
  });

  test('bad input is refused at the field and appends nothing', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    const form = await lab.submit('Add product', {
      SKU: 'has spaces',
      Name: '',
      Price: 'abc',
      Stock: '1.5',
    });
    await expect(form.getByLabel('SKU', { exact: true })).toHaveAccessibleDescription(
      /only letters, digits/,
    );
    await expect(form.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
      'Name is required',
    );
    await expect(form.getByLabel('Price', { exact: true })).toHaveAccessibleDescription(
      'Price must be a number written in digits, like 12.50',
    );
    await expect(form.getByLabel('Stock', { exact: true })).toHaveAccessibleDescription(
      'Stock must be a whole number',
    );
    await expect(form.getByRole('alert')).toHaveText('Please correct the highlighted fields.');

    const restock = await lab.submit('Restock', { SKU: 'SKU-404', Quantity: '1' });
    await expect(restock.getByRole('alert')).toHaveText(
      'Refused: There is no product with SKU SKU-404',
    );
    await expect(lab.logRows()).toHaveCount(0);
  });

  test('the bank: a transfer moves money between two accounts, and no balance goes below zero', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.useDomain('Bank');
    await lab.submit('Open account', { Account: 'ACC-1', Owner: 'Ada' });
    await expect(lab.form('Open account').getByRole('status')).toHaveText(
      'Appended AccountOpened #1',
    );
    await lab.submit('Open account', { Account: 'ACC-2', Owner: 'Bo' });
    await expect(lab.form('Open account').getByRole('status')).toHaveText(
      'Appended AccountOpened #2',
    );
    await lab.submit('Deposit', { Account: 'ACC-1', Amount: '100' });
    await lab.submit('Transfer', { 'From account': 'ACC-1', 'To account': 'ACC-2', Amount: '40' });
    await expect(lab.form('Transfer').getByRole('status')).toHaveText(
      'Appended TransferSent #4, TransferReceived #5',
    );

    const withdraw = await lab.submit('Withdraw', { Account: 'ACC-1', Amount: '75' });
    await expect(withdraw.getByRole('alert')).toHaveText(
      'Refused: Not enough money in ACC-1: 60.00 available, 75.00 requested',
    );
    await expect(lab.viewRow(lab.accountBalances, 'ACC-1')).toContainText('60.00');
    await expect(lab.viewRow(lab.accountBalances, 'ACC-2')).toContainText('40.00');
    await expect(lab.logRows()).toHaveCount(5);
  });

  test('two tabs sell the last unit at the same moment: one wins, one is refused', async ({
    context,
  }) => {
    test.setTimeout(budgetFor({ appStarts: 3 })); // one start per tab, then a reload
    const first = await LabPage.openIn(context);
    await first.fastest();
    await first.addProduct({ sku: 'SKU-1', name: 'Last mug', price: '5', stock: '1' });
    await expect(first.logRows()).toHaveCount(1);

    const second = await LabPage.openIn(context);
    await second.fastest();
    await expect(second.logRows()).toHaveCount(1);

    await submitTogether([first, second], 'Place order', { SKU: 'SKU-1', Quantity: '1' });

    const outcomes = [first, second].map((tab) => tab.outcome('Place order'));
    // Each form first says the command is on its way; wait for its outcome.
    for (const outcome of outcomes) await expect(outcome).toHaveText(/^(Appended|Refused)/);
    const texts = await Promise.all(outcomes.map((o) => o.textContent()));
    expect(texts.filter((t) => t?.startsWith('Appended OrderPlaced'))).toHaveLength(1);
    expect(
      texts.filter((t) => t === 'Refused: Not enough stock for SKU-1: 0 available, 1 requested'),
    ).toHaveLength(1);

    // A fresh look at the store: one order, the stock at 0.
    await (await first.front()).page.reload();
    await expect(first.logRows()).toHaveCount(3);
    await expect(first.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' })).toHaveCount(1);
    await expect(first.viewRow(first.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText(
      '0',
    );
  });
});
