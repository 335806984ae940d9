// Commands are requests: the shop may still refuse them. Their shapes are checked here, at the boundary,
// with the same schemas for forms, imports and URLs; the rules that need history live in the decider.
import { z } from 'zod';
import { commandOf, identifier, moneySchema, textField, wholeNumber } from '../schemas';

export const skuSchema = identifier('SKU', 'SKU-1');
export const orderIdSchema = identifier('Order', 'ORD-1');
export const quantitySchema = wholeNumber('Quantity', 1, 10_000);

export const addProductData = z.object({
  sku: skuSchema,
  name: textField('Name', 100),
  price: moneySchema('Price'),
  stock: wholeNumber('Stock', 0, 1_000_000),
});

export const changePriceData = z.object({ sku: skuSchema, price: moneySchema('Price') });

export const restockData = z.object({ sku: skuSchema, quantity: quantitySchema });

export const orderLineSchema = z.object({ sku: skuSchema, quantity: quantitySchema });

export const placeOrderData = z.object({
  orderId: orderIdSchema,
  lines: z
    .array(orderLineSchema, { error: 'An order needs at least one line' })
    .min(1, 'An order needs at least one line')
    .max(20, 'An order may have at most 20 lines')
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((line, index) => {
        if (seen.has(line.sku)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'sku'],
            message: `${line.sku} is already on another line; put the whole quantity on one line`,
          });
        }
        seen.add(line.sku);
      });
    }),
});

export const orderRefData = z.object({ orderId: orderIdSchema });

export const shopCommandSchemas = [
  commandOf('AddProduct', addProductData),
  commandOf('ChangePrice', changePriceData),
  commandOf('Restock', restockData),
  commandOf('PlaceOrder', placeOrderData),
  commandOf('PayOrder', orderRefData),
  commandOf('ShipOrder', orderRefData),
  commandOf('CancelOrder', orderRefData),
] as const;

export const shopCommandSchema = z.discriminatedUnion('type', shopCommandSchemas, {
  error: 'Unknown command',
});

export type AddProductData = z.infer<typeof addProductData>;
export type ShopCommand = z.infer<typeof shopCommandSchema>;
export type ShopCommandOf<T extends ShopCommand['type']> = Extract<ShopCommand, { type: T }>;
