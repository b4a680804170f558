import { randomBytes } from 'crypto';

export interface MultipartFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

/**
 * Builds a multipart/form-data body in memory for one bounded part (an image, or one chunk of a video). The lint
 * rules of n8n community nodes forbid the form-data package; large files are cut into chunks before they get here.
 */
export function buildMultipart(files: MultipartFile[], fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
	const boundary = `----MediaXBoundary${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	for (const file of files) {
		const filename = file.filename.replace(/["\r\n]/g, '_');
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${filename}"\r\nContent-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
