import { MediaXBilibiliOAuth2Api } from '../../credentials/MediaXBilibiliOAuth2Api.credentials';
import { MediaXDouyinClientCredentialsApi } from '../../credentials/MediaXDouyinClientCredentialsApi.credentials';
import { MediaXDouyinOAuth2Api } from '../../credentials/MediaXDouyinOAuth2Api.credentials';
import { MediaXGoogleApiKeyApi } from '../../credentials/MediaXGoogleApiKeyApi.credentials';
import { MediaXGoogleOAuth2Api } from '../../credentials/MediaXGoogleOAuth2Api.credentials';
import { MediaXGoogleServiceAccountApi } from '../../credentials/MediaXGoogleServiceAccountApi.credentials';
import { MediaXRedBookOAuth2Api } from '../../credentials/MediaXRedBookOAuth2Api.credentials';
import { MediaXWeChatOAuth2Api } from '../../credentials/MediaXWeChatOAuth2Api.credentials';
import { MediaXWeChatOfficialAccountApi } from '../../credentials/MediaXWeChatOfficialAccountApi.credentials';
import { environmentBaseUrl } from '../../nodes/shared/engine/baseUrl';
import { resolveExpression } from '../helpers/fakeN8n';

const credentials = [
	new MediaXDouyinClientCredentialsApi(),
	new MediaXDouyinOAuth2Api(),
	new MediaXWeChatOfficialAccountApi(),
	new MediaXWeChatOAuth2Api(),
	new MediaXGoogleOAuth2Api(),
	new MediaXGoogleServiceAccountApi(),
	new MediaXGoogleApiKeyApi(),
	new MediaXRedBookOAuth2Api(),
	new MediaXBilibiliOAuth2Api(),
];

/** Every URL expression of every credential: its Test's base URL and its hidden OAuth2 URLs. */
function urlExpressions(): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const c of credentials) {
		const base = (c.test?.request as { baseURL?: string } | undefined)?.baseURL;
		if (base) out.push([`${c.name} test`, base]);
		for (const p of c.properties) if (p.type === 'hidden' && /Url$/.test(p.name) && typeof p.default === 'string' && p.default.startsWith('=')) out.push([`${c.name}.${p.name}`, p.default]);
	}
	return out;
}

describe('one base-URL rule for credentials and adapters', () => {
	it('uses the custom base without trailing slashes, and production when the field is empty or the environment is production', () => {
		expect(environmentBaseUrl({ environment: 'custom', baseUrl: 'https://relay.example.com//' }, 'https://prod')).toBe('https://relay.example.com');
		expect(environmentBaseUrl({ environment: 'custom', baseUrl: '' }, 'https://prod')).toBe('https://prod');
		expect(environmentBaseUrl({ environment: 'custom' }, 'https://prod')).toBe('https://prod');
		expect(environmentBaseUrl({ environment: 'production', baseUrl: 'https://relay.example.com' }, 'https://prod')).toBe('https://prod');
	});

	it.each(urlExpressions())('%s resolves (never throws) with an empty custom base URL, and follows a filled one', (_name, expression) => {
		const empty = String(resolveExpression(expression, { environment: 'custom', baseUrl: '' }));
		expect(empty).toMatch(/^https:\/\/[a-z0-9.-]+\.(com|qq\.com)(\/|$)/);
		const missing = String(resolveExpression(expression, { environment: 'custom' }));
		expect(missing).toBe(empty);
		const custom = String(resolveExpression(expression, { environment: 'custom', baseUrl: 'http://127.0.0.1:9/sim/' }));
		expect(custom.startsWith('http://127.0.0.1:9/sim')).toBe(true);
		expect(custom).not.toContain('sim//');
	});
});
