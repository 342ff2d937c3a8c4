import { z } from 'zod';

const id = z.string().min(1).max(64);

export const directoryForm = z.object({ directoryId: id });
export const roleAssignmentForm = z.object({ principalId: id, role: z.enum(['Owner', 'Contributor', 'Reader']) });
export const accountForm = z.object({ accountId: id });
