export * from './levels';
export * from './policy';
export * from './rules';
export * from './rectification';
export * from './hotline';
export * from './complaints';
