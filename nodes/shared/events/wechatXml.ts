/*
 * WeChat's push and reply XML: a root <xml> of elements without attributes, leaves as text or CDATA, a few nested
 * groups (PublishEventInfo, ScanCodeInfo, Articles…) and repeated <item> elements (WeChat OA doc "接收普通消息",
 * "接收事件推送", "被动回复用户消息"). A strict reader for exactly that, no dependency: no attributes, no DOCTYPE or
 * entities beyond XML's five and numeric ones (nothing to expand from outside), no mixed text and elements.
 */

export type WeChatXmlValue = string | WeChatXmlObject | WeChatXmlValue[];
export interface WeChatXmlObject {
	[name: string]: WeChatXmlValue;
}

export class WeChatXmlError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, entity: string | undefined) => {
		if (!entity) throw new WeChatXmlError('a bare & in text');
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
		const value = ENTITIES[entity];
		if (value === undefined) throw new WeChatXmlError(`unknown entity &${entity};`);
		return value;
	});
}

interface Frame {
	name: string;
	children: WeChatXmlObject;
	hasChildren: boolean;
	text: string;
	hasText: boolean;
}

function addChild(parent: WeChatXmlObject, name: string, value: WeChatXmlValue): void {
	const existing = parent[name];
	// an element's own value is a string or an object, so an array here can only come from repetition
	if (existing === undefined) parent[name] = value;
	else if (Array.isArray(existing)) existing.push(value);
	else parent[name] = [existing, value];
}

/** Parses WeChat's XML into an object: leaves are strings, nested groups objects, repeated elements arrays. */
export function parseWeChatXml(xml: string): WeChatXmlObject {
	let i = 0;
	const source = xml.replace(/^\uFEFF/, '');
	const skipSpace = () => {
		while (i < source.length && /\s/.test(source[i])) i++;
	};
	skipSpace();
	if (source.startsWith('<?xml', i)) {
		const end = source.indexOf('?>', i);
		if (end < 0) throw new WeChatXmlError('unterminated XML declaration');
		i = end + 2;
	}
	const stack: Frame[] = [];
	let root: WeChatXmlObject | undefined;
	while (i < source.length) {
		if (root) {
			skipSpace();
			if (i < source.length) throw new WeChatXmlError('content after the root element');
			break;
		}
		const top = stack[stack.length - 1];
		if (source.startsWith('<![CDATA[', i)) {
			if (!top) throw new WeChatXmlError('CDATA outside the root element');
			const end = source.indexOf(']]>', i + 9);
			if (end < 0) throw new WeChatXmlError('unterminated CDATA section');
			top.text += source.slice(i + 9, end);
			top.hasText = true;
			i = end + 3;
		} else if (source.startsWith('<!--', i)) {
			const end = source.indexOf('-->', i + 4);
			if (end < 0) throw new WeChatXmlError('unterminated comment');
			i = end + 3;
		} else if (source.startsWith('<!', i) || source.startsWith('<?', i)) {
			throw new WeChatXmlError('DOCTYPE and processing instructions are not allowed');
		} else if (source.startsWith('</', i)) {
			const end = source.indexOf('>', i);
			if (end < 0) throw new WeChatXmlError('unterminated closing tag');
			const name = source.slice(i + 2, end).trim();
			const frame = stack.pop();
			if (!frame || frame.name !== name) throw new WeChatXmlError(`closing tag </${name}> does not match <${frame?.name ?? ''}>`);
			if (frame.hasChildren && frame.text.trim() !== '') throw new WeChatXmlError(`<${name}> mixes text and elements`);
			const value: WeChatXmlValue = frame.hasChildren ? frame.children : frame.text;
			const parent = stack[stack.length - 1];
			if (parent) addChild(parent.children, name, value);
			else {
				if (name !== 'xml') throw new WeChatXmlError(`the root element must be <xml>, not <${name}>`);
				root = frame.hasChildren ? frame.children : {};
			}
			i = end + 1;
		} else if (source[i] === '<') {
			const end = source.indexOf('>', i);
			if (end < 0) throw new WeChatXmlError('unterminated tag');
			let name = source.slice(i + 1, end).trim();
			const selfClosing = name.endsWith('/');
			if (selfClosing) name = name.slice(0, -1).trim();
			if (!NAME.test(name)) throw new WeChatXmlError(`tag <${name}> has attributes or an invalid name`);
			if (!top && stack.length === 0 && name !== 'xml') throw new WeChatXmlError(`the root element must be <xml>, not <${name}>`);
			if (top) top.hasChildren = true;
			if (selfClosing) {
				if (top) addChild(top.children, name, '');
				else root = {};
			} else stack.push({ name, children: {}, hasChildren: false, text: '', hasText: false });
			i = end + 1;
		} else {
			const end = source.indexOf('<', i);
			const text = source.slice(i, end < 0 ? source.length : end);
			if (!top) {
				if (text.trim() !== '') throw new WeChatXmlError('text outside the root element');
			} else {
				top.text += decodeText(text);
				if (text.trim() !== '') top.hasText = true;
			}
			i = end < 0 ? source.length : end;
		}
	}
	if (stack.length > 0) throw new WeChatXmlError(`<${stack[stack.length - 1].name}> is not closed`);
	if (!root) throw new WeChatXmlError('no <xml> root element');
	return root;
}

function cdata(value: string): string {
	// "]]>" cannot appear inside one CDATA section: split it across two
	return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export type WeChatXmlInput = string | number | WeChatXmlInputObject | WeChatXmlInput[];
export interface WeChatXmlInputObject {
	[name: string]: WeChatXmlInput;
}

function element(name: string, value: WeChatXmlInput): string {
	if (!NAME.test(name)) throw new WeChatXmlError(`invalid element name ${name}`);
	if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
	if (typeof value === 'number') return `<${name}>${value}</${name}>`;
	if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
	return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
}

/** Builds a WeChat reply: strings as CDATA, numbers as text, arrays as repeated elements. */
export function buildWeChatXml(fields: WeChatXmlInputObject): string {
	return element('xml', fields);
}
