import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema, versionSchema } from './common';

export const roleSchema = z.enum(['viewer', 'officer', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string().min(2).max(32),
  displayName: z.string().min(1).max(32),
  role: roleSchema,
  /** Department code; staff of the talent office (`dept.rcb`) see every case. */
  departmentCode: codeSchema,
  active: z.boolean(),
  version: versionSchema,
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionSchema = z.object({
  token: z.string().min(16),
  user: userSchema,
  expiresAt: isoDateTimeSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const userListQuerySchema = z.object({
  role: roleSchema.optional(),
  departmentCode: codeSchema.optional(),
});

export const userUpdateSchema = z.object({
  role: roleSchema,
  departmentCode: codeSchema,
  active: z.boolean(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
