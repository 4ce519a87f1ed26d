import { useMutation, useQueryClient } from '@tanstack/react-query';
import { intakeQueries } from '../../api/queries/intake-queries';
import { statsQueries } from '../../api/queries/stats-queries';
import type {
  IntakeBulkReassign,
  IntakeRecord,
  IntakeRecordCreate,
  IntakeStageAdvance,
} from '../../api/schemas/intake';
import { apiClient } from '../../lib/api-client';

/** After any change: the record, the lists and every intake statistic may differ. */
function useInvalidateIntake() {
  const queryClient = useQueryClient();
  return (record?: IntakeRecord) => {
    if (record) queryClient.setQueryData(intakeQueries.detail(record.id).queryKey, record);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: intakeQueries.all() }),
      queryClient.invalidateQueries({ queryKey: statsQueries.all() }),
    ]);
  };
}

export function useCreateIntakeRecord() {
  const invalidate = useInvalidateIntake();
  return useMutation({
    mutationFn: (input: IntakeRecordCreate) => apiClient.request('createIntakeRecord', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateIntakeRecord() {
  const invalidate = useInvalidateIntake();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: IntakeRecordCreate; version: number }) =>
      apiClient.request('updateIntakeRecord', { params: { id }, body: input, ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useAdvanceIntakeStage() {
  const invalidate = useInvalidateIntake();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: string; input: IntakeStageAdvance; version: number }) =>
      apiClient.request('advanceIntakeStage', { params: { id }, body: input, ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useReassignIntakeRecords() {
  const invalidate = useInvalidateIntake();
  return useMutation({
    mutationFn: (input: IntakeBulkReassign) => apiClient.request('reassignIntakeRecords', { body: input }),
    onSuccess: () => invalidate(),
  });
}
