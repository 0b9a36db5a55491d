export {};
export * from './calendar.ts';
