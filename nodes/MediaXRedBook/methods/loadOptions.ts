import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { REDBOOK_USER_CREDENTIAL } from '../../shared/platforms/redbook';

/** The `advertisers` hidden field: JSON of `[{advertiser_id, advertiser_name}]` from the last token reply. */
export function authorizedAdvertisers(credentials: ICredentialDataDecryptedObject): IDataObject[] {
	const raw = credentials.advertisers;
	let list: unknown = raw;
	if (typeof raw === 'string') {
		try {
			list = JSON.parse(raw || '[]');
		} catch {
			list = [];
		}
	}
	return Array.isArray(list) ? (list as IDataObject[]).filter((a) => a && a.advertiser_id !== undefined && a.advertiser_id !== null) : [];
}

export async function getAdvertisers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials(REDBOOK_USER_CREDENTIAL);
	const advertisers = authorizedAdvertisers(credentials);
	if (!advertisers.length) {
		return [
			{
				name: 'No Authorized Advertisers Yet — Save the Authorization Code in the Credential First',
				value: '',
				description: 'Run Authorization → Get Authorization URL, approve in the browser, paste the auth_code into the credential and save; the advertisers it covers appear here',
			},
		];
	}
	return advertisers.map((a) => ({
		name: `${String(a.advertiser_name ?? '') || 'Advertiser'} (${a.advertiser_id})`,
		value: String(a.advertiser_id),
	}));
}
