export { computeDeadline } from './deadline';
export { clockValue } from './clock-value';
export { LIMIT_MAX, EXTENSION_MAX } from './clock.validate';
export { LIMIT_UNITS } from './clock.types';
export type {
  ClockInput,
  ClockState,
  ClockValue,
  Deadline,
  DeadlineInput,
  ExplanationEntry,
  Extension,
  Limit,
  LimitUnit,
  Pause,
  PauseNote,
} from './clock.types';
