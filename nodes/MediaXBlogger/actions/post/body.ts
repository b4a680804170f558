import type { IDataObject } from 'n8n-workflow';
import { splitLabels } from '../common';

/** The writable post fields from node options (labels, custom metadata, location). */
export function postExtras(options: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (options.labels !== undefined) out.labels = splitLabels(options.labels);
	if (options.customMetaData !== undefined && options.customMetaData !== '') out.customMetaData = String(options.customMetaData);
	if (options.locationName) out.location = { name: String(options.locationName) };
	return out;
}
