/** Addresses one area links to in another: built here once, so the areas do not import each other. */

/** One demand, opened in the casework workspace: among its month's cases when known, else every month's. */
export const caseHref = (id: string, monthId = 'all') =>
  `/service-cases?${new URLSearchParams({ month: monthId, view: 'all', case: id }).toString()}`;

/** One policy patch, opened on the patches page. */
export const patchHref = (id: string) => `/policy-patches?${new URLSearchParams({ patch: id }).toString()}`;

/** The patches page with a new patch proposed from these demands. */
export const proposePatchHref = (caseIds: readonly string[]) =>
  `/policy-patches?${new URLSearchParams({ propose: caseIds.join(',') }).toString()}`;

/** The patches of a policy's branch of the 1+N+X tree. */
export const policyPatchesHref = (policyCode: string) =>
  `/policy-patches?${new URLSearchParams({ policy: policyCode }).toString()}`;
