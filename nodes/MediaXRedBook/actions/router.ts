import type { ResourceOperations } from '../../shared/node/operation';
import { accountOperations } from './account';
import { authorizationOperations } from './authorization';
import { campaignOperations } from './campaign';
import { creativeOperations } from './creative';
import { noteOperations } from './note';
import { reportOperations } from './report';
import { toolOperations } from './tool';
import { unitOperations } from './unit';

/** resource → operation → module; each module declares its token kind. */
export const resources: Record<string, ResourceOperations> = {
	authorization: authorizationOperations,
	account: accountOperations,
	campaign: campaignOperations,
	unit: unitOperations,
	creative: creativeOperations,
	report: reportOperations,
	note: noteOperations,
	tool: toolOperations,
};
