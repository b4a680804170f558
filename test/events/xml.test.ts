import { buildWeChatXml, parseWeChatXml, WeChatXmlError } from '../../nodes/shared/events/wechatXml';

describe('WeChat XML', () => {
	it('reads a text message from the doc (CDATA leaves, number text)', () => {
		const xml = `<xml>
  <ToUserName><![CDATA[toUser]]></ToUserName>
  <FromUserName><![CDATA[fromUser]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[this is a test]]></Content>
  <MsgId>1234567890123456</MsgId>
</xml>`;
		expect(parseWeChatXml(xml)).toEqual({ ToUserName: 'toUser', FromUserName: 'fromUser', CreateTime: '1348831860', MsgType: 'text', Content: 'this is a test', MsgId: '1234567890123456' });
	});

	it('reads the PUBLISHJOBFINISH event with nested groups and repeated items', () => {
		const xml =
			'<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName><CreateTime>1481013459</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status><article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy]]></article_id><article_detail><count>2</count><item><idx>1</idx><article_url><![CDATA[https://a/1]]></article_url></item><item><idx>2</idx><article_url><![CDATA[https://a/2]]></article_url></item></article_detail></PublishEventInfo></xml>';
		const parsed = parseWeChatXml(xml);
		expect(parsed.Event).toBe('PUBLISHJOBFINISH');
		expect(parsed.PublishEventInfo).toEqual({
			publish_id: '2247503051',
			publish_status: '0',
			article_id: 'b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy',
			article_detail: { count: '2', item: [{ idx: '1', article_url: 'https://a/1' }, { idx: '2', article_url: 'https://a/2' }] },
		});
	});

	it('decodes entities in text, keeps CDATA verbatim, accepts a declaration and empty elements', () => {
		expect(parseWeChatXml('<?xml version="1.0"?><xml><A>a &lt;b&gt; &amp; &#20013;&#x6587;</A><B><![CDATA[&lt;raw>]]></B><C/><D></D></xml>')).toEqual({ A: 'a <b> & 中文', B: '&lt;raw>', C: '', D: '' });
	});

	it.each([
		['a DOCTYPE (no entity expansion)', '<!DOCTYPE xml [<!ENTITY x "y">]><xml><A>&x;</A></xml>'],
		['an unknown entity', '<xml><A>&x;</A></xml>'],
		['a bare ampersand', '<xml><A>a & b</A></xml>'],
		['attributes', '<xml><A type="x">1</A></xml>'],
		['a wrong root', '<root><A>1</A></root>'],
		['mismatched tags', '<xml><A>1</B></xml>'],
		['an unclosed element', '<xml><A>1</A>'],
		['unterminated CDATA', '<xml><A><![CDATA[1</A></xml>'],
		['mixed text and elements', '<xml>text<A>1</A></xml>'],
		['content after the root', '<xml><A>1</A></xml><xml/>'],
		['no XML at all', '{"event":"x"}'],
		['an empty body', ''],
	])('rejects %s', (_what, xml) => {
		expect(() => parseWeChatXml(xml)).toThrow(WeChatXmlError);
	});

	it('builds replies that read back to the same fields, including CDATA-breaking text', () => {
		const fields = { ToUserName: 'o1', FromUserName: 'gh_1', CreateTime: 12345678, MsgType: 'news', ArticleCount: 2, Articles: { item: [{ Title: 'a ]]> b', Url: 'https://x/?a=1&b=2' }, { Title: '中文 <tag>', Url: '' }] } };
		const xml = buildWeChatXml(fields);
		expect(xml.startsWith('<xml><ToUserName><![CDATA[o1]]></ToUserName>')).toBe(true);
		expect(xml).toContain('<CreateTime>12345678</CreateTime>');
		expect(parseWeChatXml(xml)).toEqual({ ToUserName: 'o1', FromUserName: 'gh_1', CreateTime: '12345678', MsgType: 'news', ArticleCount: '2', Articles: { item: [{ Title: 'a ]]> b', Url: 'https://x/?a=1&b=2' }, { Title: '中文 <tag>', Url: '' }] } });
	});
});
