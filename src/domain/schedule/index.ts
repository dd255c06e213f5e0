export * from './intervals';
export * from './window-hours';
export * from './duty';
export * from './policy';
export * from './slots';
export * from './booking-rules';
export * from './bulk-proposal';
