export * from './ticket-states';
export * from './ticket-transitions';
export * from './ordering';
export * from './priorities';
export * from './eligibility';
export * from './wait-estimate';
export * from './numbering';
export * from './announcement';
