// Commands are requests: the shop may still refuse them. Their shapes are checked here, at the boundary,
// with the same schemas for forms, imports and URLs; the rules that need history live in the decider.
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../money';

const identifier = (label: string, example: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(32, `${label} must be at most 32 characters`)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
      `${label} may contain only letters, digits, - and _ (for example ${example})`,
    );

const number = (label: string) =>
  z.number({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `${label} is required`
        : `${label} must be a number`,
  });

export const skuSchema = identifier('SKU', 'SKU-1');
export const orderIdSchema = identifier('Order', 'ORD-1');

export const priceSchema = number('Price')
  .gt(0, 'Price must be greater than 0')
  .max(1_000_000, 'Price must be at most 1,000,000')
  .refine(hasAtMostTwoDecimals, 'Price may have at most 2 decimal places');

export const stockSchema = number('Stock')
  .int('Stock must be a whole number')
  .min(0, 'Stock cannot be negative')
  .max(1_000_000, 'Stock must be at most 1,000,000');

export const quantitySchema = number('Quantity')
  .int('Quantity must be a whole number')
  .min(1, 'Quantity must be at least 1')
  .max(10_000, 'Quantity must be at most 10,000');

export const addProductData = z.object({
  sku: skuSchema,
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(100, 'Name must be at most 100 characters'),
  price: priceSchema,
  stock: stockSchema,
});

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

export const commandMetaSchema = z.object({
  commandId: z.string().min(1).max(100),
  issuedAt: z.iso.datetime({ offset: true }),
});

export const shopCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('AddProduct'), data: addProductData, meta: commandMetaSchema }),
    z.object({ type: z.literal('PlaceOrder'), data: placeOrderData, meta: commandMetaSchema }),
  ],
  { error: 'Unknown command' },
);

export type AddProductData = z.infer<typeof addProductData>;
export type PlaceOrderData = z.infer<typeof placeOrderData>;
export type OrderLineInput = z.infer<typeof orderLineSchema>;
export type ShopCommand = z.infer<typeof shopCommandSchema>;
export type AddProduct = Extract<ShopCommand, { type: 'AddProduct' }>;
export type PlaceOrder = Extract<ShopCommand, { type: 'PlaceOrder' }>;
