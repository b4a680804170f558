// The steps `npm start` prints, as data: the printed text is made from these actions, so a browser test can replay
// exactly what a person reads. Labels are n8n's own (read in the editor bundles: 2.x "Connect", 1.x "Connect my
// account"; "Sign in", "Workflows", "Save", "Execute workflow",
// "Account connected", "Connection tested successfully", "Workflow executed successfully") and the simulator's.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { redbookAuthorizeUrl } from '../../nodes/shared/platforms/redbook';
import { wechatAuthorizeUrl } from '../../nodes/shared/platforms/wechat';

/** where an action happens: n8n's editor tab, the sign-in window n8n opens for Connect, or another browser tab */
export type DemoWindow = 'n8n' | 'popup' | 'tab';

export type DemoAction =
	| { do: 'open'; url: string; in: DemoWindow }
	| { do: 'fill'; field: string; value: string }
	| { do: 'click'; text: string; in: DemoWindow }
	| { do: 'see'; text: string; in: DemoWindow }
	/** paste what "Copy code" copied */
	| { do: 'paste'; field: string }
	/** close the credential dialog (its × button, or Escape) */
	| { do: 'closeDialog' };

export interface DemoStep {
	title: string;
	actions: DemoAction[];
}

export interface DemoCredential {
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface DemoStepsInput {
	/** n8n's one public address, e.g. http://localhost:5678 */
	n8nUrl: string;
	email: string;
	password: string;
	/** the simulator's base URL as printed */
	simUrl: string;
	n8nVersion: string;
	/** the demo credentials as imported (after substitution) */
	credentials: DemoCredential[];
	/** the imported workflows' names, in the order to try them */
	workflows: string[];
}

/** the consent button of each simulator page, by credential type */
const OAUTH2_AGREE: Record<string, string> = {
	mediaXDouyinOAuth2Api: '同意授权 Agree',
	mediaXGoogleOAuth2Api: 'Allow',
	mediaXBilibiliOAuth2Api: '同意授权 Agree',
};

export function demoSteps(o: DemoStepsInput): DemoStep[] {
	const connect = Number(o.n8nVersion.split('.')[0]) >= 2 ? 'Connect' : 'Connect my account';
	const steps: DemoStep[] = [
		{
			title: 'Sign in',
			actions: [
				{ do: 'open', url: o.n8nUrl, in: 'n8n' },
				{ do: 'fill', field: 'Email', value: o.email },
				{ do: 'fill', field: 'Password', value: o.password },
				{ do: 'click', text: 'Sign in', in: 'n8n' },
			],
		},
	];
	// a page of n8n by its address: the sidebar's "Overview" is only a house icon in a window 1280 pixels wide
	const openPage = (path: string): DemoAction => ({ do: 'open', url: `${o.n8nUrl.replace(/\/+$/, '')}${path}`, in: 'n8n' });
	const toCredentials: DemoAction[] = [openPage('/home/credentials')];
	let first = true;
	for (const c of o.credentials) {
		const agree = OAUTH2_AGREE[c.type];
		if (!agree) continue;
		steps.push({
			title: `Connect "${c.name}"`,
			actions: [
				...(first ? toCredentials : []),
				{ do: 'click', text: c.name, in: 'n8n' },
				{ do: 'click', text: connect, in: 'n8n' },
				{ do: 'click', text: agree, in: 'popup' },
				// n8n's callback page ("Connection successful") closes as soon as the editor hears from it, often before
				// it is painted (the browser suite saw the window close with no text shown): only the dialog's banner is sure
				{ do: 'see', text: 'Account connected', in: 'n8n' },
				{ do: 'closeDialog' },
			],
		});
		first = false;
	}
	// pasted-code credentials: n8n's Connect cannot take these platforms' redirects, so the callback page shows the code
	const pasted: Record<string, { url: (c: DemoCredential) => string; agree: string }> = {
		mediaXRedBookOAuth2Api: { url: (c) => redbookAuthorizeUrl(c.data as ICredentialDataDecryptedObject, 'demo'), agree: '同意授权 Agree' },
		mediaXWeChatOAuth2Api: { url: (c) => wechatAuthorizeUrl(c.data as ICredentialDataDecryptedObject, 'demo'), agree: '同意 Agree' },
	};
	for (const c of o.credentials) {
		const flow = pasted[c.type];
		if (!flow) continue;
		steps.push({
			title: `Authorize "${c.name}"`,
			actions: [
				{ do: 'open', url: flow.url(c), in: 'tab' },
				{ do: 'click', text: flow.agree, in: 'tab' },
				{ do: 'click', text: 'Copy code', in: 'tab' },
				...(first ? toCredentials : []),
				{ do: 'click', text: c.name, in: 'n8n' },
				{ do: 'paste', field: 'Authorization Code' },
				{ do: 'click', text: 'Save', in: 'n8n' },
				{ do: 'see', text: 'Connection tested successfully', in: 'n8n' },
				{ do: 'closeDialog' },
			],
		});
		first = false;
	}
	for (const [i, name] of o.workflows.entries()) {
		steps.push({
			title: `Run "${name}"`,
			actions: [
				// the first run starts on the Credentials page, whose "Workflows" tab reads so; later ones on a canvas
				i === 0 ? ({ do: 'click', text: 'Workflows', in: 'n8n' } as const) : openPage('/home/workflows'),
				{ do: 'click', text: name, in: 'n8n' },
				{ do: 'click', text: 'Execute workflow', in: 'n8n' },
				{ do: 'see', text: 'Workflow executed successfully', in: 'n8n' },
			],
		});
	}
	steps.push({ title: 'See what the platforms received', actions: [{ do: 'open', url: `${o.simUrl}/__admin/log`, in: 'tab' }] });
	return steps;
}

function sentence(a: DemoAction): string {
	const where = (w: DemoWindow) => (w === 'popup' ? ' in the window that opens' : '');
	switch (a.do) {
		case 'open':
			return a.in === 'tab' ? `open ${a.url} in a new browser tab` : `open ${a.url}`;
		case 'fill':
			return `type ${a.value} into "${a.field}"`;
		case 'click':
			return `click "${a.text}"${where(a.in)}`;
		case 'see':
			return `you see "${a.text}"${where(a.in)}`;
		case 'paste':
			return `paste the code into "${a.field}"`;
		case 'closeDialog':
			return 'close the dialog';
	}
}

/** The steps as printed: one numbered line per step, its actions joined in order. */
export function printSteps(steps: DemoStep[]): string {
	return steps
		.map((s, i) => {
			const text = s.actions.map(sentence).join(', ');
			return `   ${String(i + 1).padStart(2)}. ${s.title}: ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
		})
		.join('\n');
}
