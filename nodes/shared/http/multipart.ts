import { randomBytes } from 'crypto';
import { PartsBody } from './streamedBody';

export interface MultipartFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

/** What surrounds one file's bytes in a multipart/form-data body with this boundary: the fields and the file's part headers, then the closing boundary. */
export interface MultipartFrame {
	head: Buffer;
	tail: Buffer;
	contentType: string;
}

function newBoundary(): string {
	return `----MediaXBoundary${randomBytes(12).toString('hex')}`;
}

function fieldsText(boundary: string, fields: Record<string, string>): string {
	return Object.entries(fields)
		.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
		.join('');
}

function fileHeadText(boundary: string, file: Omit<MultipartFile, 'data'>): string {
	const filename = file.filename.replace(/["\r\n]/g, '_');
	return `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${filename}"\r\nContent-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`;
}

/** The frame for one file (one boundary for every part of an upload): head + the file's bytes + tail is the body. */
export function multipartFrame(file: Omit<MultipartFile, 'data'>, fields: Record<string, string> = {}): MultipartFrame {
	const boundary = newBoundary();
	return {
		head: Buffer.from(fieldsText(boundary, fields) + fileHeadText(boundary, file), 'utf8'),
		tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/**
 * A multipart body for one chunk of a large file, streamed as head, the chunk and tail: the chunk's bytes are not
 * copied (a joined body would cost one chunk-sized allocation and copy per part).
 */
export function streamedMultipart(frame: MultipartFrame, data: Buffer): PartsBody {
	return new PartsBody([frame.head, data, frame.tail], frame.contentType);
}

/**
 * Builds a multipart/form-data body in memory for one bounded part (an image, or one chunk of a video). The lint
 * rules of n8n community nodes forbid the form-data package; large files are cut into chunks before they get here.
 */
export function buildMultipart(files: MultipartFile[], fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
	const boundary = newBoundary();
	const parts: Buffer[] = [Buffer.from(fieldsText(boundary, fields), 'utf8')];
	for (const file of files) parts.push(Buffer.from(fileHeadText(boundary, file), 'utf8'), file.data, Buffer.from('\r\n', 'utf8'));
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
