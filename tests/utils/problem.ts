import { ProblemError } from '../../domain/rules/problem';

/** The problem a rule refused with; fails when it did not refuse. */
export async function problemOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}
