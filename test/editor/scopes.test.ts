// Scope expressions evaluated the way n8n does: the stored data gets every default filled in
// (NodeHelpers.getNodeParameters, as CredentialsHelper.applyDefaultsAndOverwrites does), then `={{…}}` is resolved with
// n8n's own expression engine and `$self` = that data. The stored data is what the credential editor saves.
import { NodeHelpers, Workflow, type ICredentialType, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { MediaXRedBookOAuth2Api } from '../../credentials/MediaXRedBookOAuth2Api.credentials';
import { SCOPES_FIELD } from '../../nodes/shared/engine/scopeFields';
import { SERVICE_ACCOUNT_DEFAULT_SCOPES, serviceAccountAssertion } from '../../nodes/shared/platforms/google';
import { REDBOOK_DEFAULT_SCOPES, redbookAuthorizeUrl } from '../../nodes/shared/platforms/redbook';

const node: INode = { id: 'c', name: 'cred', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };
const nodeTypes = { getByName: () => ({}), getByNameAndVersion: () => ({ description: { properties: [] } }), getKnownTypes: () => ({}) } as unknown as INodeTypes;

/** The credential's data as n8n hands it to the OAuth controller / preAuthentication. */
function resolved(type: ICredentialType, stored: IDataObject): IDataObject {
	const withDefaults = NodeHelpers.getNodeParameters(type.properties, stored, true, false, null, null) as IDataObject;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getComplexParameterValue(node, withDefaults, 'internal', {}, undefined, undefined, withDefaults) as IDataObject;
}

/** What the 2.x editor saves for a new credential: every default, the project's permission list written into `scopes`, then values equal to their default dropped. */
function savedByEditor(type: ICredentialType, edits: IDataObject): IDataObject {
	const form: IDataObject = {};
	for (const p of type.properties) form[p.name] = p.default;
	Object.assign(form, { scopes: [] }, edits);
	return { ...(NodeHelpers.getNodeParameters(type.properties, form, false, false, null, null) as IDataObject), scopes: [] };
}

function scopeField(type: ICredentialType) {
	const field = type.properties.find((p) => p.name === SCOPES_FIELD);
	if (!field || field.type !== 'multiOptions') throw new Error(`${type.name} has no ${SCOPES_FIELD} multi-select`);
	return field;
}

describe.each([
	['Douyin', new MediaXDouyinOAuth2Api(), ','],
	['Google', new MediaXGoogleOAuth2Api(), ' '],
])('%s OAuth2 credential: the hidden scope n8n sends', (_label, type, separator) => {
	const defaults = scopeField(type).default as string[];
	const custom = [(scopeField(type).options as Array<{ value: string }>).at(-1)!.value];
	const base = { clientId: 'id', clientSecret: 'secret' };

	it('has a non-empty default list that is preselected in the editor (not the field name the editor overwrites)', () => {
		expect(defaults.length).toBeGreaterThan(0);
		expect(type.properties.some((p) => p.name === 'scopes')).toBe(false);
	});
	it('field absent from the stored data (untouched defaults): the default scopes', () => {
		expect(resolved(type, base).scope).toBe(defaults.join(separator));
	});
	it('the editor saving untouched defaults (default dropped, permission list in `scopes`): the default scopes', () => {
		expect(resolved(type, savedByEditor(type, base)).scope).toBe(defaults.join(separator));
	});
	it('exactly the default set picked: the default scopes', () => {
		expect(resolved(type, savedByEditor(type, { ...base, [SCOPES_FIELD]: [...defaults] })).scope).toBe(defaults.join(separator));
	});
	it('a custom selection persists through save, reopen and save', () => {
		const first = savedByEditor(type, { ...base, [SCOPES_FIELD]: custom });
		expect(first[SCOPES_FIELD]).toEqual(custom);
		// reopening loads the stored data as is; saving again strips defaults only
		const second = NodeHelpers.getNodeParameters(type.properties, { ...first }, false, false, null, null) as IDataObject;
		expect(resolved(type, second).scope).toBe(custom.join(separator));
	});
	it('an emptied selection is never sent as empty: the defaults', () => {
		expect(resolved(type, { ...base, [SCOPES_FIELD]: [] }).scope).toBe(defaults.join(separator));
	});
});

describe('RedBook JuGuang: the scopes the authorization link asks for', () => {
	const type = new MediaXRedBookOAuth2Api();
	const base = { appId: '4000001', secret: 's', redirectUri: 'https://example.com/cb' };
	const askedFor = (stored: IDataObject) => JSON.parse(new URL(redbookAuthorizeUrl(resolved(type, stored), 'st')).searchParams.get('scope')!);

	it('the field default is the one fallback list', () => {
		expect(scopeField(type).default).toEqual(REDBOOK_DEFAULT_SCOPES);
	});
	it('absent / saved untouched by the editor / emptied: the default list, never []', () => {
		expect(askedFor(base)).toEqual(REDBOOK_DEFAULT_SCOPES);
		expect(askedFor(savedByEditor(type, base))).toEqual(REDBOOK_DEFAULT_SCOPES);
		expect(askedFor({ ...base, [SCOPES_FIELD]: [] })).toEqual(REDBOOK_DEFAULT_SCOPES);
	});
	it('a custom selection: exactly that', () => {
		expect(askedFor(savedByEditor(type, { ...base, [SCOPES_FIELD]: ['report_service'] }))).toEqual(['report_service']);
	});
});

describe('Google service account: the scope claim of the signed assertion', () => {
	const type = new MediaXGoogleServiceAccountApi();
	// a throw-away key, generated per run
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { privateKey } = require('crypto').generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
	const claim = (stored: IDataObject) => {
		const jwt = serviceAccountAssertion(resolved(type, { email: 'sa@p.iam.gserviceaccount.com', privateKey, ...stored }), 'https://oauth2.googleapis.com/token', 1000);
		return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).scope;
	};
	it('absent / saved untouched / emptied: the default; custom: the selection', () => {
		expect(scopeField(type).default).toEqual(SERVICE_ACCOUNT_DEFAULT_SCOPES);
		expect(claim({})).toBe(SERVICE_ACCOUNT_DEFAULT_SCOPES.join(' '));
		expect(claim(savedByEditor(type, {}))).toBe(SERVICE_ACCOUNT_DEFAULT_SCOPES.join(' '));
		expect(claim({ [SCOPES_FIELD]: [] })).toBe(SERVICE_ACCOUNT_DEFAULT_SCOPES.join(' '));
		expect(claim({ [SCOPES_FIELD]: ['https://www.googleapis.com/auth/blogger.readonly'] })).toBe('https://www.googleapis.com/auth/blogger.readonly');
	});
});
