import { z } from 'zod';
import { codeSchema, idSchema, isoDateTimeSchema, versionSchema, writtenTextSchema } from './common';

/**
 * 标准答复: a standard answer an officer inserts into a countermeasure: a policy clause and what
 * it means for the requester, for a demand category (or any).
 */
export const standardAnswerSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(96),
  categoryCode: codeSchema.nullable(),
  policyCode: codeSchema.nullable(),
  answer: z.string().min(1).max(4000),
});
export type StandardAnswer = z.infer<typeof standardAnswerSchema>;

/** The knowledge base (知识库), kept whole and versioned: a manager edits it, everyone reads it. */
export const knowledgeBaseSchema = z.object({
  answers: z.array(standardAnswerSchema),
  updatedByName: z.string().nullable(),
  updatedAt: isoDateTimeSchema.nullable(),
  version: versionSchema,
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;

/** One answer as edited: a new one has no id yet (the server numbers it). */
export const standardAnswerInputSchema = z.object({
  id: idSchema.optional(),
  title: writtenTextSchema(96),
  categoryCode: codeSchema.nullable(),
  policyCode: codeSchema.nullable(),
  answer: writtenTextSchema(4000),
});
export type StandardAnswerInput = z.infer<typeof standardAnswerInputSchema>;

export const knowledgeBaseUpdateSchema = z.object({ answers: z.array(standardAnswerInputSchema).max(500) });
export type KnowledgeBaseUpdate = z.infer<typeof knowledgeBaseUpdateSchema>;
