import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** Every credential field that holds a secret, across all MediaX credentials. */
export const SECRET_FIELDS = ['clientSecret', 'appSecret', 'secret', 'privateKey', 'apiKey', 'accessToken', 'refreshToken', 'authCode'] as const;

/** The secret values a credential holds (its secret fields and the tokens n8n keeps in oauthTokenData), for masking. */
export function secretValues(credentials: ICredentialDataDecryptedObject): string[] {
	const values: string[] = [];
	for (const key of SECRET_FIELDS) if (credentials[key]) values.push(String(credentials[key]));
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	for (const scope of [tokenData, (tokenData.data ?? {}) as IDataObject]) {
		for (const key of ['access_token', 'refresh_token']) if (scope[key]) values.push(String(scope[key]));
	}
	return values;
}
