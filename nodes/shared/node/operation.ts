import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { TokenKind } from '../engine/types';

/**
 * One operation of a node. `token` is the single place an operation says which token it needs (several, in order of
 * preference, when more than one works); the node picks the first whose credential is attached.
 */
export interface OperationModule {
	/** 'none': the operation sends nothing to the platform (e.g. builds an authorization link) */
	token: TokenKind | TokenKind[] | 'none';
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, call: PlatformCall): Promise<INodeExecutionData[] | IDataObject | IDataObject[]>;
}

/** Sends a request with the token kind the operation declared; returns the reply body (the full ApiResponse for binaryResponse requests). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- operations read platform JSON of any shape
export type PlatformCall = <T = any>(request: import('../engine/types').ApiRequest) => Promise<T>;

export type ResourceOperations = Record<string, OperationModule>;
