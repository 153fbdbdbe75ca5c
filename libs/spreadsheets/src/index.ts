export * from './lib/read-table';
export * from './lib/rows-by-columns';
export { toCsv } from './lib/csv';
export * from './lib/write-xlsx';
