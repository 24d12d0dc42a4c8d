import type { Role } from '../../schema';
import { defineMessages } from '../i18n/feature-messages';

/** Roles in words, for the office's screens (users, devices). */
export const roleMessages = defineMessages(
  { 'role.field_officer': 'Petugas lapangan', 'role.office_staff': 'Staf kantor', 'role.admin': 'Administrator' },
  { 'role.field_officer': 'Field officer', 'role.office_staff': 'Office staff', 'role.admin': 'Administrator' },
);

export const roleKey = (role: Role) => `role.${role}` as const;
