export * from './application-lifecycle';
export * from './eligibility';
export * from './inspection-checklist';
export * from './national-id';
export * from './repair-due';
