import {
  addProductData,
  changePriceData,
  orderRefData,
  restockData,
} from '../../domain/shop/commands';
import { CommandForm, type FieldSpec } from './CommandForm';
import { PlaceOrderForm } from './PlaceOrderForm';

const sku: FieldSpec = {
  name: 'sku',
  label: 'SKU',
  placeholder: 'e.g. SKU-1',
  suggest: 'Stock levels',
};
const order: FieldSpec = {
  name: 'orderId',
  label: 'Order',
  placeholder: 'e.g. ORD-A1B2C3',
  suggest: 'Order status',
};

const OrderForm = ({
  title,
  type,
}: {
  title: string;
  type: 'PayOrder' | 'ShipOrder' | 'CancelOrder';
}) => (
  <CommandForm
    title={title}
    fields={[order]}
    schema={orderRefData}
    toCommand={(data) => ({ type, data })}
  />
);

export const ShopForms = () => (
  <>
    <CommandForm
      title="Add product"
      fields={[
        { ...sku, suggest: undefined },
        { name: 'name', label: 'Name', placeholder: 'e.g. Blue mug' },
        { name: 'price', label: 'Price', placeholder: 'e.g. 12.50', numeric: true },
        { name: 'stock', label: 'Stock', placeholder: 'e.g. 10', numeric: true },
      ]}
      schema={addProductData}
      toCommand={(data) => ({ type: 'AddProduct', data })}
    />
    <CommandForm
      title="Restock"
      fields={[sku, { name: 'quantity', label: 'Quantity', placeholder: 'e.g. 5', numeric: true }]}
      schema={restockData}
      toCommand={(data) => ({ type: 'Restock', data })}
    />
    <CommandForm
      title="Change price"
      fields={[sku, { name: 'price', label: 'Price', placeholder: 'e.g. 9.99', numeric: true }]}
      schema={changePriceData}
      toCommand={(data) => ({ type: 'ChangePrice', data })}
    />
    <PlaceOrderForm />
    <OrderForm title="Pay order" type="PayOrder" />
    <OrderForm title="Ship order" type="ShipOrder" />
    <OrderForm title="Cancel order" type="CancelOrder" />
  </>
);
