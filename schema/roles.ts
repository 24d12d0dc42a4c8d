export const roles = ['field_officer', 'office_staff', 'admin'] as const;
export type Role = (typeof roles)[number];
