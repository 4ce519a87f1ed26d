/** Addresses one area links to in another: built here once, so the areas do not import each other. */

/** One demand, opened in the casework workspace over every month. */
export const caseHref = (id: string) =>
  `/service-cases?${new URLSearchParams({ month: 'all', view: 'all', case: id }).toString()}`;

/** One policy patch, opened on the patches page. */
export const patchHref = (id: string) => `/policy-patches?${new URLSearchParams({ patch: id }).toString()}`;

/** The patches page with a new patch proposed from these demands. */
export const proposePatchHref = (caseIds: readonly string[]) =>
  `/policy-patches?${new URLSearchParams({ propose: caseIds.join(',') }).toString()}`;

/** The patches of a policy's branch of the 1+N+X tree. */
export const policyPatchesHref = (policyCode: string) =>
  `/policy-patches?${new URLSearchParams({ policy: policyCode }).toString()}`;
