/** Row types, derived from the contract's description (contract.ts): what a query of a whole table returns. */
import type { CONTRACT, DuckType, TableName } from './contract';

interface TsTypeOf {
  VARCHAR: string;
  INTEGER: number;
  DOUBLE: number;
  BOOLEAN: boolean;
  /** ISO `YYYY-MM-DD`: queries cast dates to strings so every adapter returns the same shape. */
  DATE: string;
}
type ColumnValue<C> =
  | (C extends { values: readonly (infer V)[] }
      ? V
      : C extends { type: infer T extends DuckType }
        ? TsTypeOf[T]
        : never)
  | (C extends { notNull: true } ? never : null);
type ColumnsOf<T extends TableName> = (typeof CONTRACT)[T]['columns'][number];
export type Row<T extends TableName> = {
  [C in ColumnsOf<T> as C['name']]: ColumnValue<C>;
};
